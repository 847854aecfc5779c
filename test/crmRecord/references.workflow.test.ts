import { crmToXero, hasNeeds, RESOLVED_KEY } from '../../nodes/shared/mapping';
import { DEMO_IDS } from '../../sandbox/vtiger';
import { crmForBlock, moduleParam, runCrm } from './workflow';

const crm = crmForBlock();

test('read invoices carry what their Xero mapping needs, so a node without CRM access can map them', async () => {
	const { main, errors } = await runCrm(crm, {
		operation: 'getMany',
		module: moduleParam('Invoice'),
		queryMode: 'vtql',
		vtql: 'SELECT * FROM Invoice;',
		returnAll: true,
	});
	expect(errors).toHaveLength(0);
	expect(main.length).toBeGreaterThanOrEqual(3);
	for (const item of main) {
		const resolved = item.json[RESOLVED_KEY] as { records: Record<string, unknown> };
		expect(resolved.records[String(item.json.account_id)]).toMatchObject({ id: item.json.account_id });
		const { [RESOLVED_KEY]: _embedded, ...record } = item.json;
		expect(hasNeeds(crmToXero('Invoice', record).needs)).toBe(true);
		expect(hasNeeds(crmToXero('Invoice', item.json).needs)).toBe(false);
	}
});

test('Get attaches the references too, and the option switches them off', async () => {
	const withRefs = await runCrm(crm, { operation: 'get', module: moduleParam('Invoice'), recordId: DEMO_IDS.invoices.baysideNzd });
	expect(withRefs.main[0].json[RESOLVED_KEY]).toBeDefined();
	const without = await runCrm(crm, {
		operation: 'get',
		module: moduleParam('Invoice'),
		recordId: DEMO_IDS.invoices.baysideNzd,
		getOptions: { xeroReferences: false },
	});
	expect(without.main[0].json[RESOLVED_KEY]).toBeUndefined();
});
