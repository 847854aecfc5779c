import type { IDataObject } from 'n8n-workflow';
import { expectOneOutputPerInput, invoiceJson, runSync, sandboxForBlock, stats, entry, SEND_SALES_INVOICE_FIELDS } from './support';

describe('Bad input never reaches Xero', () => {
	const xero = sandboxForBlock();
	beforeEach(() => xero.resetStats());

	async function expectRejected(resource: string, items: IDataObject[], code: string, message: RegExp, extra: IDataObject = {}) {
		const run = await runSync(xero, { resource, operation: 'send', inputMode: 'json', ...extra }, items);
		expectOneOutputPerInput(run.main, run.errors, items.length);
		expect(run.main).toEqual([]);
		for (const failed of run.errors) {
			expect(entry(failed)).toMatchObject({ result: 'Failed', code, app: 'Xero', flow: 'CRM → Xero' });
			expect(String(entry(failed).message)).toMatch(message);
			expect(failed.json.message).toBe(entry(failed).message);
		}
		expect(stats(xero).writes).toBe(0);
		return run;
	}

	// Issue 11, defect 6: `AccountID: "../Contacts"` was sent as POST /Accounts/../Contacts, i.e. POST /Contacts.
	it.each([
		['account', { crmId: '99x1', AccountID: '../Contacts', Code: '299', Name: 'Escape', Type: 'REVENUE' }, 'AccountID'],
		['account', { crmId: '99x2', AccountID: '%2e%2e%2fContacts', Code: '298', Name: 'Escape', Type: 'REVENUE' }, 'AccountID'],
		['organisation', { crmId: '99x3', ContactID: '../Invoices?x=', Name: 'Escape Co' }, 'ContactID'],
		['item', { crmId: '99x4', ItemID: 'not-a-guid', Code: 'ESC' }, 'ItemID'],
	])('a %s whose Xero ID is not a GUID, named in the message', async (resource, item, field) => {
		const run = await expectRejected(resource, [item], 'BAD_ID', new RegExp(`${field} ".*" is not a Xero ID`));
		expect(entry(run.errors[0]).crmId).toBe(item.crmId);
		expect(stats(xero).calls).toBe(0);
	});

	it('an organisation without a name', async () => {
		const run = await expectRejected('organisation', [{ crmId: '11x1', EmailAddress: 'x@y.z' }], 'MANDATORY_FIELDS', /organisation name/);
		expect(entry(run.errors[0]).crmId).toBe('11x1');
		expect(stats(xero).calls).toBe(0);
	});

	it('an item without a code', async () => {
		await expectRejected('item', [{ id: '14x1', Name: 'No code' }], 'MANDATORY_FIELDS', /item code/);
	});

	it('an invoice without contact, type or a described line', async () => {
		await expectRejected(
			'invoice',
			[{ crmId: '7x1', LineItems: [{ Quantity: 1, UnitAmount: 5 }] }],
			'MANDATORY_FIELDS',
			/no contact.*type.*at least one line item with a description/,
		);
	});

	it('an account without a code unless it is a bank account', async () => {
		await expectRejected('account', [{ Name: 'Misc', Type: 'REVENUE' }], 'MANDATORY_FIELDS', /account code/);
	});

	it('PAID and VOIDED invoices, with advice on where to do that', async () => {
		await expectRejected('invoice', [invoiceJson(1, { Status: 'PAID' })], 'INVOICE_STATUS', /record the payment in Xero/);
		await expectRejected('invoice', [invoiceJson(2, { Status: 'VOIDED' })], 'INVOICE_STATUS', /voiding happens in Xero/);
	});

	it('a currency that is neither base nor enabled, reading the settings once for the whole run', async () => {
		const run = await expectRejected(
			'invoice',
			[invoiceJson(1, { CurrencyCode: 'EUR' }), invoiceJson(2, { CurrencyCode: 'GBP' })],
			'CURRENCY',
			/neither the organisation's base currency \(NZD\) nor enabled/,
		);
		expect(run.errors).toHaveLength(2);
		expect(stats(xero).byPath).toEqual({ 'GET /Organisation': 1, 'GET /Currencies': 1 });
	});

	it('line items JSON that is not an array', async () => {
		const run = await runSync(
			xero,
			{
				...SEND_SALES_INVOICE_FIELDS,
				contact: 'ABC Furniture',
				additionalFields: { lineItemsJson: '{"Description":"one"}' },
			},
			[{ crmId: '7x9' }],
		);
		expect(entry(run.errors[0])).toMatchObject({ code: 'BAD_INPUT', crmId: '7x9' });
		expect(String(entry(run.errors[0]).message)).toMatch(/must be an array/);
	});

	it('two items in one batch aimed at the same record, and Add Suffix without a CRM id', async () => {
		const run = await runSync(xero, { resource: 'item', operation: 'send', inputMode: 'json' }, [
			{ Code: 'SAME-1', Name: 'first' },
			{ Code: 'same-1', Name: 'second' },
		]);
		expectOneOutputPerInput(run.main, run.errors, 2);
		expect(run.main[0].json).toMatchObject({ Code: 'SAME-1', syncResult: 'Created' });
		expect(entry(run.errors[0])).toMatchObject({ code: 'DUPLICATE_INPUT' });
		expect(String(entry(run.errors[0]).message)).toMatch(/input item 1 of this run/);

		const suffix = await runSync(xero, { resource: 'item', operation: 'send', inputMode: 'json', duplicateHandling: 'addSuffix' }, [
			{ Code: 'BOOK', Name: 'Books again' },
		]);
		expect(entry(suffix.errors[0])).toMatchObject({ code: 'DUPLICATE' });
		expect(String(entry(suffix.errors[0]).message)).toMatch(/takes the suffix from the CRM ID/);
	});
});
