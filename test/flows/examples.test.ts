import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INode, INodeProperties, INodeType, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { loadPackageTypes, PACKAGE_NAME } from '../harness/packageTypes';
import type { WorkflowJson } from '../harness';
import { FAILURE_LOG } from './support';

/**
 * The example workflows users import must match the nodes as built: every parameter a node of ours is given exists
 * for that node's resource/operation, option values are ones the node offers, and every error output is wired to
 * the failure log. This catches a renamed parameter before a user's import silently ignores it.
 */

const EXAMPLES_DIR = join(__dirname, '../../examples');
const files = readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.json'));
const packageTypes = loadPackageTypes();

const isTrigger = (node: INode): boolean => /Trigger$/.test(node.type);
const STICKY = 'n8n-nodes-base.stickyNote';

function descriptionOf(type: string, version: number): INodeType['description'] | undefined {
	const nodeType = packageTypes.nodes[type] as INodeType | IVersionedNodeType | undefined;
	return nodeType ? NodeHelpers.getVersionedNodeType(nodeType, version).description : undefined;
}

function shown(property: INodeProperties, parameters: Record<string, unknown>, all: INodeProperties[]): boolean {
	const show = property.displayOptions?.show ?? {};
	return Object.entries(show).every(([name, allowed]) => {
		if (name.startsWith('@')) return true;
		const value = name in parameters ? parameters[name] : all.find((candidate) => candidate.name === name)?.default;
		return (allowed as unknown[]).includes(value);
	});
}

/** Problems with one node's parameters against its description: unknown names, values not offered. */
function parameterProblems(node: INode, properties: INodeProperties[]): string[] {
	const problems: string[] = [];
	const parameters = node.parameters as Record<string, unknown>;
	for (const [name, value] of Object.entries(parameters)) {
		const candidates = properties.filter((property) => property.name === name && shown(property, parameters, properties));
		if (candidates.length === 0) {
			problems.push(`${node.name}: parameter "${name}" is not shown for these settings`);
			continue;
		}
		const isExpression = typeof value === 'string' && value.startsWith('=');
		for (const property of candidates.slice(0, 1)) {
			// Options loaded from the CRM or Xero at edit time cannot be checked offline.
			const loaded = property.typeOptions?.loadOptionsMethod !== undefined;
			if ((property.type === 'options' || property.type === 'multiOptions') && !isExpression && !loaded) {
				const offered = (property.options ?? []).map((option) => (option as { value: unknown }).value);
				const values = Array.isArray(value) ? value : [value];
				if (!values.every((one) => offered.includes(one))) problems.push(`${node.name}: ${name} = ${JSON.stringify(value)} is not one of ${JSON.stringify(offered)}`);
			}
			if (property.type === 'collection' && value && typeof value === 'object') {
				const known = (property.options ?? []).map((option) => (option as INodeProperties).name);
				for (const key of Object.keys(value)) {
					if (!known.includes(key)) problems.push(`${node.name}: ${name}.${key} is not an option of ${name}`);
				}
			}
		}
	}
	return problems;
}

describe('example workflows', () => {
	it('include the scheduled sync flows the flow tests run', () => {
		expect(files).toEqual(
			expect.arrayContaining([
				'invoices-crm-to-xero.json',
				'organisations-crm-to-xero.json',
				'organisations-xero-to-crm.json',
				'products-items-accounts.json',
				'quotes-to-xero-draft-invoices.json',
			]),
		);
	});

	describe.each(files)('%s', (file) => {
		const json = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson & { name: string };
		// Sticky notes explain the steps; they are not steps (n8n never runs them).
		const workflow = { ...json, nodes: json.nodes.filter((node) => node.type !== STICKY) };
		const notes = json.nodes.filter((node) => node.type === STICKY);

		it('explains the workflow and every step in a sticky note placed above it (issue 13)', () => {
			expect(notes.some((note) => note.name === 'About this workflow')).toBe(true);
			for (const node of workflow.nodes) {
				const note = notes.find((candidate) => candidate.name === `Note: ${node.name}`) ?? (node.name === FAILURE_LOG ? notes.find((candidate) => candidate.name === 'Note: failure log') : undefined);
				expect({ node: node.name, note: Boolean(note) }).toEqual({ node: node.name, note: true });
				const [x, y] = note?.position ?? [0, 0];
				const { width, height } = (note?.parameters ?? {}) as { width: number; height: number };
				expect(String(note?.parameters.content).length).toBeGreaterThan(40);
				// The note covers the node's column and ends above it, so neither hides the other.
				expect(x <= node.position[0] && node.position[0] < x + width).toBe(true);
				expect(y + height <= node.position[1]).toBe(true);
			}
		});

		it('lays nodes out apart, the failure log right of and below every node it collects from', () => {
			const spots = workflow.nodes.map((node) => node.position.join(','));
			expect(new Set(spots).size).toBe(spots.length);
			const log = workflow.nodes.find((node) => node.name === FAILURE_LOG);
			for (const node of workflow.nodes.filter((candidate) => candidate.onError === 'continueErrorOutput')) {
				expect(log!.position[0] > node.position[0] && log!.position[1] > node.position[1]).toBe(true);
			}
		});

		it("starts from one trigger (a schedule or one of ours) and uses only our nodes besides, and n8n's Filter", () => {
			const triggers = workflow.nodes.filter(isTrigger);
			expect(triggers).toHaveLength(1);
			// The Filter is the one n8n node the flow tests' harness runs (n8n evaluates its conditions there too).
			for (const node of workflow.nodes.filter((candidate) => candidate !== triggers[0])) {
				expect(node.type.startsWith(`${PACKAGE_NAME}.`) || node.type === 'n8n-nodes-base.filter').toBe(true);
			}
		});

		it("wires every node's error output to the failure log, and nothing is left unconnected", () => {
			const names = workflow.nodes.map((node) => node.name);
			for (const node of workflow.nodes.filter((candidate) => candidate.onError === 'continueErrorOutput')) {
				const errorOutput = workflow.connections[node.name]?.main?.[1] ?? [];
				expect({ node: node.name, to: errorOutput.map((link) => link.node) }).toEqual({ node: node.name, to: [FAILURE_LOG] });
			}
			const targets = new Set(Object.values(workflow.connections).flatMap((c) => (c.main ?? []).flat().map((link) => link?.node)));
			for (const name of names.filter((candidate) => !workflow.nodes.some((node) => node.name === candidate && isTrigger(node)))) {
				expect({ name, connected: targets.has(name) }).toEqual({ name, connected: true });
			}
		});

		it("gives our nodes only parameters and values they have", () => {
			const problems = workflow.nodes
				.filter((node) => node.type.startsWith(`${PACKAGE_NAME}.`))
				.flatMap((node) => {
					const description = descriptionOf(node.type, node.typeVersion);
					if (!description) return [`${node.name}: node type ${node.type} did not load`];
					return parameterProblems(node, description.properties);
				});
			expect(problems).toEqual([]);
		});
	});
});
