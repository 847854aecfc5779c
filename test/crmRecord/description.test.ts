import { CrmRecord } from '../../nodes/CrmRecord/CrmRecord.node';

const description = new CrmRecord().description;

/** Parameters an operation shows, in order, with the simplest input mode chosen. */
function shown(operation: string, extra: Record<string, string> = {}) {
	const values: Record<string, string> = { operation, inputMode: 'fields', queryMode: 'filters', ...extra };
	return description.properties
		.filter((property) => {
			const show = property.displayOptions?.show ?? {};
			return Object.entries(show).every(([name, allowed]) =>
				name === 'returnAll' ? true : (allowed as unknown[]).includes(values[name]),
			);
		})
		.map((property) => property.name);
}

test('node identity: type, display name, tool use, credential with its Test', () => {
	expect(description).toMatchObject({ name: 'crmRecord', displayName: 'CRM Record', usableAsTool: true, icon: { light: 'file:crmRecord.svg', dark: 'file:crmRecord.dark.svg' } });
	expect(description.credentials).toEqual([{ name: 'simplyCrmApi', required: true, testedBy: 'simplyCrmApiTest' }]);
});

test('every operation shows its own parameters, in a sensible order', () => {
	expect(shown('create')).toEqual(['operation', 'module', 'inputMode', 'fields', 'lineItems', 'writeOptions', 'runSummary']);
	expect(shown('update')).toEqual(['operation', 'module', 'inputMode', 'recordId', 'fields', 'lineItems', 'writeOptions', 'runSummary']);
	expect(shown('upsert')).toEqual(['operation', 'module', 'inputMode', 'fields', 'matchOn', 'lineItems', 'writeOptions', 'runSummary']);
	expect(shown('upsert', { inputMode: 'xero' })).toEqual([
		'operation',
		'module',
		'inputMode',
		'xeroResource',
		'xeroIdField',
		'overrides',
		'matchOn',
		'writeOptions',
		'runSummary',
	]);
	expect(shown('get')).toEqual(['operation', 'module', 'recordId', 'getOptions', 'runSummary']);
	expect(shown('delete')).toEqual(['operation', 'module', 'recordId', 'runSummary']);
	expect(shown('getMany')).toEqual(['operation', 'module', 'queryMode', 'filters', 'combine', 'returnAll', 'limit', 'getManyOptions', 'runSummary']);
	expect(shown('getChanges')).toEqual(['operation', 'module', 'getChangesNotice', 'getChangesOptions', 'runSummary']);
});

test('each parameter name has one type, so n8n keeps values when the operation changes', () => {
	const types = new Map<string, Set<string>>();
	for (const property of description.properties) {
		if (!types.has(property.name)) types.set(property.name, new Set());
		types.get(property.name)?.add(property.type);
	}
	for (const [name, kinds] of types) expect([name, kinds.size]).toEqual([name, 1]);
});
