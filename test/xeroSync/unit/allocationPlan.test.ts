import { allocatedTo, planAllocation } from '../../../nodes/XeroSync/actions/creditNote/allocation';

const invoiceId = 'c45720a1-ade3-4a38-a064-d15489be6841';
const contact = { ContactID: '430fa14a-f945-44d3-9f97-5df5e28441b8' };
const creditNote = {
	CreditNoteID: '7be578f5-63af-45c8-9b00-dcc4732baf0b',
	CreditNoteNumber: 'CN-0001',
	Status: 'AUTHORISED',
	Contact: contact,
	CurrencyCode: 'NZD',
	RemainingCredit: 50,
	Allocations: [
		{ Amount: 20.1, Invoice: { InvoiceID: invoiceId.toUpperCase() } },
		{ Amount: 9.9, Invoice: { InvoiceID: invoiceId } },
		{ Amount: 30, Invoice: { InvoiceID: invoiceId }, IsDeleted: true },
		{ Amount: 5, Invoice: { InvoiceID: 'b7eb1fc9-a0f9-4e8e-9373-6689f5350832' } },
	],
};
const invoice = { InvoiceID: invoiceId, InvoiceNumber: 'INV-0007', Status: 'AUTHORISED', Contact: contact, CurrencyCode: 'NZD', AmountDue: 25 };

describe('credit note allocation plan', () => {
	it('counts what is already allocated to that invoice, in any case of its ID, without deleted allocations', () => {
		expect(allocatedTo(creditNote, invoiceId)).toBe(30);
	});

	it('allocates only what is missing, and nothing when the allocations cover the amount', () => {
		expect(planAllocation(creditNote, invoice, 30)).toEqual({ amount: 0, already: 30 });
		expect(planAllocation(creditNote, invoice, 12)).toEqual({ amount: 0, already: 30 });
		expect(planAllocation(creditNote, invoice, 45.5)).toEqual({ amount: 15.5, already: 30 });
	});

	it('refuses what Xero refuses, naming both records', () => {
		expect(planAllocation(creditNote, { ...invoice, AmountDue: 10 }, 45)).toMatchObject({ problem: { code: 'OVER_DUE' } });
		expect(planAllocation({ ...creditNote, RemainingCredit: 5 }, invoice, 45)).toMatchObject({ problem: { code: 'OVER_CREDIT' } });
		expect(planAllocation(creditNote, { ...invoice, CurrencyCode: 'USD' }, 45)).toMatchObject({ problem: { code: 'OTHER_CURRENCY' } });
		expect(planAllocation(creditNote, { ...invoice, Contact: { ContactID: 'x' } }, 45)).toMatchObject({ problem: { code: 'OTHER_CONTACT' } });
		expect(planAllocation({ ...creditNote, Status: 'PAID' }, invoice, 45)).toMatchObject({ problem: { code: 'NOT_AUTHORISED' } });
		const draft = planAllocation(creditNote, { ...invoice, Status: 'DRAFT' }, 45);
		expect(draft.problem?.message).toMatch(/invoice INV-0007 \(c45720a1.*\) is DRAFT/);
	});
});
