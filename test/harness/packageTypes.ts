import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { OAuth2Api } from './oAuth2Api.credentials';
import { Filter } from './nodes/Filter.node';
import { ManualTrigger } from './nodes/ManualTrigger.node';

export const PACKAGE_NAME = 'n8n-nodes-xero-crm';
export const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');

type Constructor<T> = new () => T;

/** Every exported class of a source file, instantiated: n8n's loader does the same with the built files. */
function instancesOf<T>(file: string, isType: (value: unknown) => value is T): T[] {
	const exported = require(file) as Record<string, unknown>;
	const found: T[] = [];
	for (const value of Object.values(exported)) {
		if (typeof value !== 'function') continue;
		let instance: unknown;
		try {
			instance = new (value as Constructor<unknown>)();
		} catch {
			continue;
		}
		if (isType(instance)) found.push(instance);
	}
	return found;
}

const isCredentialType = (value: unknown): value is ICredentialType =>
	typeof value === 'object' &&
	value !== null &&
	typeof (value as ICredentialType).name === 'string' &&
	Array.isArray((value as ICredentialType).properties);

const isNodeType = (value: unknown): value is INodeType | IVersionedNodeType =>
	typeof value === 'object' &&
	value !== null &&
	typeof (value as INodeType).description === 'object' &&
	typeof (value as INodeType).description.name === 'string';

function sourceFiles(dir: string, suffix: string, depth: number): string[] {
	if (!existsSync(dir)) return [];
	const files: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory() && depth > 0) files.push(...sourceFiles(full, suffix, depth - 1));
		else if (entry.isFile() && entry.name.endsWith(suffix)) files.push(full);
	}
	return files;
}

export interface PackageTypes {
	credentials: ICredentialType[];
	nodes: Record<string, INodeType | IVersionedNodeType>;
	/** Files that failed to load, so that one broken node only fails the workflows that use it. */
	loadErrors: Array<{ file: string; error: Error }>;
}

let cached: PackageTypes | undefined;

/**
 * The package's nodes (nodes/<Name>/<Name>.node.ts) and credentials (credentials/*.credentials.ts) from TypeScript
 * source, under the names a community install gives them, plus what n8n-nodes-base would provide: oAuth2Api and the
 * Manual Trigger and the Filter (which example workflows use).
 */
export function loadPackageTypes(): PackageTypes {
	if (cached) return cached;
	const loadErrors: PackageTypes['loadErrors'] = [];
	const load = <T>(file: string, isType: (value: unknown) => value is T): T[] => {
		try {
			return instancesOf(file, isType);
		} catch (error) {
			loadErrors.push({ file: path.relative(PACKAGE_ROOT, file), error: error as Error });
			return [];
		}
	};
	const credentials: ICredentialType[] = [new OAuth2Api()];
	for (const file of sourceFiles(path.join(PACKAGE_ROOT, 'credentials'), '.credentials.ts', 0)) {
		credentials.push(...load(file, isCredentialType));
	}
	const nodes: Record<string, INodeType | IVersionedNodeType> = {
		'n8n-nodes-base.manualTrigger': new ManualTrigger(),
		'n8n-nodes-base.filter': new Filter(),
	};
	for (const file of sourceFiles(path.join(PACKAGE_ROOT, 'nodes'), '.node.ts', 1)) {
		for (const node of load(file, isNodeType)) {
			nodes[`${PACKAGE_NAME}.${node.description.name}`] = node;
		}
	}
	cached = { credentials, nodes, loadErrors };
	return cached;
}
