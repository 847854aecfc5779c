import type { IDataObject } from 'n8n-workflow';

import { SECOND_TENANT_ID } from '../../sandbox/xero';
import { expectOneOutputPerInput, runSync, sandboxForEachTest, stats, stored, entry } from './support';

describe('Organisations (Xero contacts)', () => {
	const xero = sandboxForEachTest();

	it('sends from UI fields, then skips the same name on a re-run and links to the existing contact', async () => {
		const parameters = {
			resource: 'organisation',
			operation: 'send',
			inputMode: 'fields',
			name: '={{ $json.accountname }}',
			additionalFields: { emailAddress: '={{ $json.email1 }}', city: 'Wellington', phone: '04 555 0101' },
		};
		const input = [
			{ id: '11x101', accountname: 'Harbour Cafe', email1: 'hello@harbour.cafe' },
			{ id: '11x102', accountname: 'Summit Gear', email1: 'sales@summit.gear' },
		];
		const first = await runSync(xero, parameters, input);
		expect(first.errors).toEqual([]);
		expect(first.main.map((i) => i.json.syncResult)).toEqual(['Created', 'Created']);
		expect(first.main[0].json).toMatchObject({ crmId: '11x101', Name: 'Harbour Cafe', EmailAddress: 'hello@harbour.cafe' });

		const second = await runSync(xero, parameters, input);
		expectOneOutputPerInput(second.main, second.errors, 2);
		expect(second.main.map((i) => [i.json.syncResult, i.json.ContactID])).toEqual(
			first.main.map((i) => ['Skipped', i.json.ContactID]),
		);
		expect(stored(xero, 'contacts').filter((c) => c.Name === 'Harbour Cafe')).toHaveLength(1);
	});

	it('finds the contact whose Contact Number carries the CRM id before writing (Xero does not keep numbers unique) and updates it', async () => {
		xero.resetStats();
		const run = await runSync(
			xero,
			{ resource: 'organisation', operation: 'send', inputMode: 'json', duplicateHandling: 'update' },
			[{ crmId: 'CUST-001', Name: 'ABC Furniture Group', ContactNumber: 'CUST-001', Website: 'https://abc.example' }],
		);
		expect(run.errors).toEqual([]);
		expect(run.main[0].json).toMatchObject({ syncResult: 'Updated', Name: 'ABC Furniture Group', ContactNumber: 'CUST-001' });
		expect(stats(xero).byPath).toEqual({ 'GET /Contacts': 1, 'POST /Contacts': 1 });
	});

	it('gets one by ID, by contact number and by name, and reports one that does not exist', async () => {
		const abc = stored(xero, 'contacts').find((c) => c.Name === 'ABC Furniture') as Record<string, unknown>;
		const get = (recordId: string) =>
			runSync(xero, { resource: 'organisation', operation: 'get', getMode: 'one', recordId }, [{ crmId: '11x9' }]);
		for (const key of [abc.ContactID as string, 'CUST-001', 'abc furniture']) {
			const run = await get(key);
			expect(run.main).toHaveLength(1);
			expect(run.main[0].json).toMatchObject({ ContactID: abc.ContactID, Name: 'ABC Furniture' });
			expect(String(run.main[0].json.UpdatedDateUTC)).toMatch(/^\d{4}-\d\d-\d\dT/);
		}
		const missing = await get('CUST-999');
		expect(missing.main).toEqual([]);
		expect(entry(missing.errors[0])).toMatchObject({ action: 'Get Organisations', flow: 'Xero → CRM', code: 'NOT_FOUND', crmId: '11x9' });
	});

	it('gets many with a search term, a status filter and archived ones on request', async () => {
		const many = (filters: Record<string, unknown>) =>
			runSync(xero, { resource: 'organisation', operation: 'get', getMode: 'many', returnAll: true, filters }, [{}]);
		expect((await many({ searchTerm: 'bay' })).main.map((i) => i.json.Name)).toEqual(['Bayside Club']);
		expect((await many({})).main.map((i) => i.json.Name)).not.toContain('Old Supplier Ltd');
		expect((await many({ includeArchived: true, status: ['ARCHIVED'] })).main.map((i) => i.json.Name)).toEqual([
			'Old Supplier Ltd',
		]);
	});

	it('works with OAuth2 and a chosen tenant: each tenant sees its own organisations', async () => {
		const names = async (tenantId: string) =>
			(
				await runSync(
					xero,
					{ resource: 'organisation', operation: 'get', getMode: 'many', returnAll: true },
					[{}],
					{ auth: 'oAuth2', tenantId },
				)
			).main.map((i) => i.json.Name);
		const demo = await names(xero.tenants[0].tenantId);
		const second = await names(SECOND_TENANT_ID);
		expect(demo).toContain('ABC Furniture');
		expect(second).not.toContain('ABC Furniture');
		expect(second.length).toBeGreaterThan(0);
	});

	it('updates a contact matched by name, and Add Suffix keeps a separate, re-findable contact', async () => {
		const send = (duplicateHandling: string, json: IDataObject) =>
			runSync(xero, { resource: 'organisation', operation: 'send', inputMode: 'json', duplicateHandling }, [json]);
		const abc = stored(xero, 'contacts').find((c) => c.Name === 'ABC Furniture') as Record<string, unknown>;
		const updated = await send('update', { crmId: '11x30', Name: 'abc furniture', EmailAddress: 'new@abfl.com' });
		expect(updated.main[0].json).toMatchObject({ syncResult: 'Updated', ContactID: abc.ContactID, EmailAddress: 'new@abfl.com' });

		const suffixed = await send('addSuffix', { crmId: '11x31', Name: 'City Limousines' });
		expect(suffixed.main[0].json).toMatchObject({ syncResult: 'Created', Name: 'City Limousines (11x31)' });
		const again = await send('addSuffix', { crmId: '11x31', Name: 'City Limousines', Website: 'https://limo.example' });
		expect(again.main[0].json).toMatchObject({ syncResult: 'Updated', ContactID: suffixed.main[0].json.ContactID });
		expect(stored(xero, 'contacts').filter((c) => String(c.Name).startsWith('City Limousines'))).toHaveLength(2);
	});

	it('names a failed organisation by its name, not by the CRM id it carries as ContactNumber (issue 13)', async () => {
		const run = await runSync(xero, { resource: 'organisation', operation: 'send', inputMode: 'json', duplicateHandling: 'update' }, [
			{ crmId: '11x22', ContactNumber: '11x22', Name: 'Bad Email Trading', EmailAddress: 'accounts at bad-email' },
		]);
		expect(run.errors).toHaveLength(1);
		// By name, with the refused value quoted; the CRM id is the entry's crmId (issue 13: messages a person reads).
		expect(String(entry(run.errors[0]).message)).toBe(
			'Organisation "Bad Email Trading": Xero rejected it: Email address "accounts at bad-email" must be valid.',
		);
		expect(entry(run.errors[0]).crmId).toBe('11x22');
	});

	it('keeps one change cursor per tenant', async () => {
		const changed = (tenantId: string, staticData?: Record<string, unknown>) =>
			runSync(xero, { resource: 'organisation', operation: 'get', getMode: 'changedSince' }, [{}], {
				auth: 'oAuth2',
				tenantId,
				staticData: staticData as never,
			});
		const demo = await changed(xero.tenants[0].tenantId);
		expect(demo.main.length).toBeGreaterThan(0);
		const second = await changed(SECOND_TENANT_ID, demo.staticData);
		expect(second.main.map((i) => i.json.Name)).toContain('Harbour Cafe');
		const node = second.staticData['node:Xero Sync'] as Record<string, Record<string, unknown>>;
		const cursors = Object.keys(node.changeCursors).map((key) => key.split(':').slice(0, 2).join(':'));
		expect(cursors.sort()).toEqual([`organisation:${xero.tenants[0].tenantId}`, `organisation:${SECOND_TENANT_ID}`].sort());
		expect((await changed(SECOND_TENANT_ID, second.staticData)).main).toHaveLength(0);
	});
});
