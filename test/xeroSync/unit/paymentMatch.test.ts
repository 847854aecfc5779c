import type { IDataObject } from 'n8n-workflow';
import { XERO_RESOURCES } from '../../../nodes/shared/xero/resources';
import { shapePayment } from '../../../nodes/XeroSync/actions/payment/sendRules';
import { decide, duplicateInput, lookupKeysFor } from '../../../nodes/XeroSync/send/duplicates';
import { findMatch, lookupPlan, lookupWhere, matchKeys, needsLookupBeforeWrite, numberReads, targetKeys } from '../../../nodes/XeroSync/send/match';

/** A payment's key (invoice + date + amount + reference) through the generic match code: UniqueKey.parts/optional. */
const payments = XERO_RESOURCES.payment;
const INVOICE_ID = '6a3c2b1d-0e9f-4a8b-8c7d-112233445566';

const stored: IDataObject = {
	PaymentID: '0d2c4e7a-1111-4a2b-9c3d-5e6f7a8b9c0d',
	Status: 'AUTHORISED',
	Invoice: { InvoiceID: INVOICE_ID, InvoiceNumber: 'INV-0042', Type: 'ACCREC' },
	Date: '/Date(1762300800000+0000)/', // 2025-11-05
	Amount: 115,
	Reference: 'DD 4471',
};

describe('payment match key', () => {
	it('matches Xero’s copy by invoice ID or number, a date in any form, an amount to 4 decimals, a reference in any case', () => {
		const sent = (over: IDataObject) => ({ Invoice: { InvoiceNumber: 'inv-0042' }, Date: '2025-11-05', Amount: 115, Reference: 'dd 4471', ...over });
		expect(findMatch(payments, sent({}), [stored])).toMatchObject({ by: 'key', existing: stored });
		expect(findMatch(payments, sent({ Invoice: { InvoiceID: INVOICE_ID.toUpperCase() }, Amount: '115.00' }), [stored])).toBeDefined();
		expect(findMatch(payments, sent({ Date: '2025-11-05T00:00:00' }), [stored])).toBeDefined();
		expect(findMatch(payments, sent({ Amount: 115.01 }), [stored])).toBeUndefined();
		expect(findMatch(payments, sent({ Date: '2025-11-06' }), [stored])).toBeUndefined();
		expect(findMatch(payments, sent({ Reference: 'DD 4472' }), [stored])).toBeUndefined();
		expect(findMatch(payments, sent({ Invoice: { InvoiceNumber: 'INV-0043' } }), [stored])).toBeUndefined();
	});

	it('an empty reference is a value: it matches an empty one, not a filled one', () => {
		const blank = { ...stored, Reference: '' };
		const sent = { Invoice: { InvoiceID: INVOICE_ID }, Date: '2025-11-05', Amount: 115 };
		expect(findMatch(payments, sent, [blank])).toBeDefined();
		expect(findMatch(payments, { ...sent, Reference: '  ' }, [blank])).toBeDefined();
		expect(findMatch(payments, sent, [stored])).toBeUndefined();
	});

	it('a DELETED payment is no payment: it is never matched', () => {
		const sent = { Invoice: { InvoiceID: INVOICE_ID }, Date: '2025-11-05', Amount: 115, Reference: 'DD 4471' };
		expect(findMatch(payments, sent, [{ ...stored, Status: 'DELETED' }])).toBeUndefined();
	});

	it('is looked up before writing, by a where on the invoices alone (never InvoiceNumbers= nor the reference)', () => {
		const byId = { Invoice: { InvoiceID: INVOICE_ID }, Date: '2025-11-05', Amount: 1, Reference: 'R' };
		const byNumber = { Invoice: { InvoiceNumber: 'INV-"7"' }, Date: '2025-11-05', Amount: 1 };
		expect(needsLookupBeforeWrite(payments, byId)).toBe(true);
		expect(matchKeys(payments, byId)).toEqual({ numbers: [], names: [], clauses: [`Invoice.InvoiceID==Guid("${INVOICE_ID}")`] });
		const keys = [byId, byNumber, byId].map((p) => lookupKeysFor(payments, p, 'skip', undefined));
		expect(lookupWhere(payments, keys)).toBe(`(Invoice.InvoiceID==Guid("${INVOICE_ID}")) OR (Invoice.InvoiceNumber=="INV-""7""")`);
		expect(numberReads(payments, keys)).toBeUndefined();
		// A batch of 50 invoices does not fit one URL: the plan splits it, each query within Xero's limit.
		const many = Array.from({ length: 50 }, (_v, n) => matchKeys(payments, { ...byId, Invoice: { InvoiceID: INVOICE_ID.replace(/66$/, String(n).padStart(2, '0')) } }));
		const plan = lookupPlan(payments, many);
		expect(plan.tooLong).toEqual([]);
		expect(plan.wheres.length).toBeGreaterThan(1);
		expect(plan.wheres.join(' OR ').match(/Guid/g)).toHaveLength(50);
	});

	it('tells repeated input items apart by the whole key; Update Existing and Add Suffix act as Skip', () => {
		const a = { Invoice: { InvoiceNumber: 'INV-1' }, Date: '2025-11-05', Amount: 10, Reference: 'X' };
		const records = [
			{ index: 0, payload: a },
			{ index: 1, payload: { ...a, Amount: '10.0', Reference: ' x ' } },
			{ index: 2, payload: { ...a, Reference: 'Y' } },
		];
		const { kept, repeats } = duplicateInput(payments, records);
		expect(kept.map((r) => r.index)).toEqual([0, 2]);
		expect(repeats.map((r) => r.record.index)).toEqual([1]);
		expect(targetKeys(payments, a, undefined)).toHaveLength(1);
		const match = { ...stored, Invoice: { InvoiceID: INVOICE_ID, InvoiceNumber: 'INV-1' }, Date: '2025-11-05T00:00:00', Amount: 10, Reference: 'X' };
		for (const mode of ['update', 'addSuffix', 'skip'] as const) expect(decide(payments, a, [match], mode, '7x1')).toMatchObject({ kind: 'skip' });
		expect(decide(payments, a, [match], 'fail', undefined)).toMatchObject({ kind: 'fail', xeroId: stored.PaymentID });
	});
});

describe('shapePayment', () => {
	it('turns Xero JSON and field values into the request shape, leaving what it cannot read for the checks', () => {
		expect(shapePayment({ InvoiceNumber: ' INV-1 ', Code: '090', Date: '2026-11-05T00:00:00+13:00', Amount: '12.50', Reference: ' r ' })).toEqual({
			Invoice: { InvoiceNumber: 'INV-1' },
			Account: { Code: '090' },
			Date: '2026-11-05',
			Amount: 12.5,
			Reference: 'r',
		});
		expect(shapePayment({ Invoice: { InvoiceID: INVOICE_ID, Total: 5 }, Account: INVOICE_ID, Date: '/Date(1762300800000+0000)/', Amount: 1 })).toEqual({
			Invoice: { InvoiceID: INVOICE_ID },
			Account: { AccountID: INVOICE_ID },
			Date: '2025-11-05',
			Amount: 1,
		});
		expect(shapePayment({ Invoice: '', Date: 'soon', Amount: 'ten' })).toEqual({ Date: 'soon', Amount: 'ten' });
	});
});
