import { LoadOptionsContext } from 'n8n-core';
import type { INode, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import '../harness';
import { HarnessNodeTypes } from '../harness/nodeTypes';
import { loadPackageTypes } from '../harness/packageTypes';
import { node as harnessNode } from '../harness/workflows';
import { CrmRecord } from '../../nodes/CrmRecord/CrmRecord.node';
import { credentialFor, crmForBlock, fromXero, moduleParam } from './workflow';

const crm = crmForBlock();

/** n8n-core's own context for dropdowns and the resource mapper, over a one-node workflow. */
function editorContext(parameters: Record<string, unknown>, path: string) {
	const types = loadPackageTypes();
	const node = harnessNode('CRM', 'n8n-nodes-xero-crm.crmRecord', {
		parameters: parameters as INode['parameters'],
		credentials: { simplyCrmApi: { id: 'crm', name: 'CRM' } },
	});
	const nodeTypes = new HarnessNodeTypes(types.nodes, () => '');
	const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, active: false, nodeTypes });
	// The harness's CredentialsHelper resolves defaults through a "mock" node type it cannot find outside a run
	// (reported); the editor path only needs the stored data, which is all a credential store returns here.
	const additionalData = {
		credentialsHelper: { getDecrypted: async () => credentialFor(crm) },
	} as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, node, additionalData, path);
}

const methods = new CrmRecord().methods;

test('the module list holds entity modules only, searchable by label or name', async () => {
	const ctx = editorContext({ operation: 'create', module: moduleParam('') }, 'parameters.module');
	const all = await methods.listSearch.searchModules.call(ctx);
	const names = all.results.map((entry) => entry.value);
	expect(names).toEqual(expect.arrayContaining(['Accounts', 'Contacts', 'Invoice', 'Products', 'Quotes', 'SalesOrder']));
	expect(names).not.toEqual(expect.arrayContaining(['Currency']));
	expect(names).not.toContain('LineItem');
	const found = await methods.listSearch.searchModules.call(ctx, 'invo');
	expect(found.results.map((entry) => entry.value)).toEqual(['Invoice']);
});

test('the resource mapper names mandatory fields, shows picklists and where references point', async () => {
	const ctx = editorContext({ operation: 'create', module: moduleParam('Contacts') }, 'parameters.fields');
	const { fields } = await methods.resourceMapping.getFields.call(ctx);
	const byId = Object.fromEntries(fields.map((field) => [field.id, field]));
	// Named, not n8n-"required": n8n would refuse to run a flow whose CRM node fills them from Xero records (issue 13).
	expect(byId.lastname).toMatchObject({ required: false, type: 'string', displayName: 'Last Name (lastname), needed for a new record' });
	expect(fields.every((field) => !field.required)).toBe(true);
	expect(byId.firstname.displayName).toBe('First Name (firstname)');
	expect(byId.account_id.displayName).toMatch(/→ Accounts ID$/);
	expect(byId.leadsource.type).toBe('options');
	expect(byId.leadsource.options?.length).toBeGreaterThan(0);
	expect(byId.emailoptout.type).toBe('boolean');
	expect(byId.birthday.type).toBe('dateTime');
	// the owner is filled with the credential's user when left empty
	expect(byId.assigned_user_id.displayName).not.toMatch(/needed/);
	expect(byId.id).toBeUndefined();
	expect(byId.createdtime).toBeUndefined();
});

test('before a module is chosen the mapper is empty and says nothing is wrong (issue 13)', async () => {
	const ctx = editorContext({ operation: 'upsert', module: moduleParam('') }, 'parameters.fields');
	expect(await methods.resourceMapping.getFields.call(ctx)).toEqual({ fields: [] });
});

test('the Xero ID Field offers its empty value as a choice, so leaving it empty shows no warning (issue 13)', async () => {
	const ctx = editorContext(fromXero('upsert', 'Accounts'), 'parameters.xeroIdField');
	const options = await methods.loadOptions.getXeroIdFields.call(ctx);
	expect(options[0]).toEqual({ name: 'Mapping Default for the Module', value: '' });
	expect(options.map((option) => option.value)).toContain('cf_xero_contact_id');
});

test('for an update nothing is required; inventory modules leave line-item columns to Line Items', async () => {
	const ctx = editorContext({ operation: 'update', module: moduleParam('Invoice') }, 'parameters.fields');
	const { fields } = await methods.resourceMapping.getFieldsForUpdate.call(ctx);
	expect(fields.every((field) => !field.required)).toBe(true);
	const ids = fields.map((field) => field.id);
	expect(ids).toContain('subject');
	expect(ids).not.toContain('productid');
	expect(ids).not.toContain('quantity');
	expect(fields.find((field) => field.id === 'hdnGrandTotal')?.type).toBe('number');
});

test('match fields include read-only numbers; writable fields exclude them', async () => {
	const ctx = editorContext({ operation: 'upsert', module: moduleParam('Accounts') }, 'parameters.matchOn');
	const match = (await methods.loadOptions.getMatchFields.call(ctx)).map((option) => option.value);
	expect(match).toEqual(expect.arrayContaining(['accountname', 'cf_xero_contact_id', 'account_no']));
	const writable = (await methods.loadOptions.getWritableFields.call(ctx)).map((option) => option.value);
	expect(writable).toContain('cf_xero_contact_id');
	expect(writable).not.toContain('modifiedtime');
});

test('field names come without the HTML encoding describe gives them ("Shipping &amp; Handling", transcript 05)', async () => {
	const ctx = editorContext({ operation: 'create', module: moduleParam('Invoice') }, 'parameters.fields');
	const { fields } = await methods.resourceMapping.getFields.call(ctx);
	const shipping = fields.find((field) => field.id === 'shipping_&_handling');
	expect(shipping?.displayName).toBe('Shipping & Handling (shipping_&_handling)');
	expect(fields.some((field) => field.displayName.includes('&amp;'))).toBe(false);
});
