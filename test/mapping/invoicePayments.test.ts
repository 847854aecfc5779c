import { lookupKey, xeroToCrm } from '../../nodes/shared/mapping';
import { overwrittenOnCreate } from '../../nodes/CrmRecord/helpers/aftersave';

/** Issue 17 item 1: what Xero has been paid becomes the CRM invoice's received, balance and status. */
describe('Xero invoice payments → CRM invoice received / balance / status', () => {
	const invoice = {
		Type: 'ACCREC',
		InvoiceID: 'inv-9',
		InvoiceNumber: 'INV-0009',
		Contact: { ContactID: 'c-1', Name: 'Ridgeway University' },
		Date: '2024-04-01',
		Status: 'AUTHORISED',
		Total: 276.5,
		AmountPaid: 0,
		AmountCredited: 0,
		AmountDue: 276.5,
		LineItems: [{ ItemCode: 'GB1', Description: 'Golf balls', Quantity: 1, UnitAmount: 276.5 }],
	};
	const linkedKey = lookupKey({ module: 'Invoice', field: 'cf_xero_invoice_id', value: 'inv-9' });
	const found = {
		[lookupKey({ module: 'Accounts', field: 'cf_xero_contact_id', value: 'c-1' })]: { id: '11x2', accountname: 'Ridgeway University', bill_street: '1 Demo Street' },
		[lookupKey({ module: 'Products', field: 'productcode', value: 'GB1' })]: { id: '14x10' },
	};
	const map = (changes: Record<string, unknown>, extra: Record<string, Record<string, unknown> | null> = {}) =>
		xeroToCrm('invoice', { ...invoice, ...changes }, { resolved: { found: { ...found, ...extra } } });

	it('an unpaid invoice: received 0, balance the amount due; no lookup of the linked invoice', () => {
		const result = map({});
		expect(result.fields).toMatchObject({ received: 0, balance: 276.5, invoicestatus: 'Approved' });
		expect(result.needs).toEqual({ crmIds: [], lookups: [] });
	});

	it('a paid invoice: received the total, balance 0, status Paid', () => {
		const result = map({ Status: 'PAID', AmountPaid: 276.5, AmountDue: 0 });
		expect(result.errors).toEqual([]);
		expect(result.fields).toMatchObject({ received: 276.5, balance: 0, invoicestatus: 'Paid', cf_xero_status: 'PAID' });
	});

	it('credit notes applied count as received, so balance = total − received holds as vtiger computes it', () => {
		const result = map({ AmountPaid: 100.1, AmountCredited: 50.2, AmountDue: 126.2 });
		expect(result.fields).toMatchObject({ received: 150.3, balance: 126.2 });
	});

	it('a Xero record without amounts leaves received and balance alone', () => {
		const result = map({ AmountPaid: undefined, AmountCredited: undefined, AmountDue: undefined });
		expect(result.fields).not.toHaveProperty('received');
		expect(result.fields).not.toHaveProperty('balance');
	});

	describe('a part payment (AUTHORISED with an amount paid)', () => {
		const partPaid = { AmountPaid: 100, AmountDue: 176.5 };

		it('asks for the linked CRM invoice, optionally, and maps as AUTHORISED until it is known', () => {
			const result = map(partPaid);
			expect(result.needs.optional).toEqual([{ module: 'Invoice', field: 'cf_xero_invoice_id', value: 'inv-9' }]);
			expect(result.needs.lookups).toEqual([]);
			expect(result.fields).toMatchObject({ invoicestatus: 'Approved', received: 100, balance: 176.5 });
		});

		it.each([
			['Sent', 'Sent'],
			['Approved', 'Approved'],
			// A payment removed in Xero after the invoice was paid: it is open again.
			['Paid', 'Approved'],
			['Created', 'Approved'],
		])('a linked CRM invoice in %s gets %s', (current, expected) => {
			const result = map(partPaid, { [linkedKey]: { id: '7x5', invoicestatus: current } });
			expect(result.fields.invoicestatus).toBe(expected);
		});

		it('a new invoice (none linked) gets Approved', () => {
			expect(map(partPaid, { [linkedKey]: null }).fields.invoicestatus).toBe('Approved');
		});

		it('a Field Override on invoicestatus (the user\'s own status map) wins', () => {
			const result = xeroToCrm('invoice', { ...invoice, ...partPaid }, { resolved: { found }, overrides: { invoicestatus: 'Part Paid' } });
			expect(result.fields.invoicestatus).toBe('Part Paid');
		});
	});
});

describe('vtiger overwrites balance after a create (transcript 33)', () => {
	// The create answer of transcript 33's second invoice: totals read back as numbers, received stored.
	const answer = { id: '7x2253', hdnGrandTotal: 276.5, received: '76.50000000', balance: '0.00000000' };

	it('nothing to write again when vtiger computes the balance that was sent', () => {
		expect(overwrittenOnCreate('Invoice', { received: '76.50', balance: '200' }, answer)).toBeUndefined();
	});

	it('the balance again when it differs (Xero counts tax vtiger does not)', () => {
		expect(overwrittenOnCreate('Invoice', { received: '76.50', balance: '230.00' }, answer)).toEqual({ balance: '230.00' });
	});

	it('only for modules whose handler recomputes it, and only when a balance was sent', () => {
		expect(overwrittenOnCreate('Quotes', { balance: '230.00' }, answer)).toBeUndefined();
		expect(overwrittenOnCreate('Invoice', { received: '76.50' }, answer)).toBeUndefined();
		expect(overwrittenOnCreate('PurchaseOrder', { paid: '10', balance: '5' }, { hdnGrandTotal: 15, paid: '10.00000000' })).toBeUndefined();
	});
});
