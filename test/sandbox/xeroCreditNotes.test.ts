import { contactIdByName, signedInSandbox } from './support';

type Rec = Record<string, unknown>;

describe('Xero sandbox: credit notes and allocations', () => {
	let abcId: string;
	let otherId: string;
	const sandbox = signedInSandbox(
		{ data: 'demo', validate: true },
		{
			ready(sandbox) {
				abcId = contactIdByName(sandbox, 'ABC Furniture');
				const contacts = sandbox.xero.state()[sandbox.tenantId].contacts as Rec[];
				otherId = String(contacts.find((contact) => contact.Name !== 'ABC Furniture' && contact.ContactStatus === 'ACTIVE')?.ContactID);
			},
		},
	);

	const line = { Description: 'Returned chair', Quantity: 1, UnitAmount: 100, AccountCode: '200' };
	const messages = (element: Rec): string => ((element.ValidationErrors as Rec[] | undefined) ?? []).map((error) => String(error.Message)).join(' ');

	async function invoice(total: number, contactId = abcId, extra: Rec = {}): Promise<Rec> {
		const created = await sandbox.api.put<{ Invoices: Rec[] }>('/Invoices', {
			Invoices: [{ Type: 'ACCREC', Contact: { ContactID: contactId }, Status: 'AUTHORISED', DueDate: '2026-12-31', LineAmountTypes: 'NoTax', LineItems: [{ ...line, UnitAmount: total }], ...extra }],
		});
		expect(created.status).toBe(200);
		return created.json.Invoices[0];
	}

	async function creditNote(total: number, extra: Rec = {}): Promise<Rec> {
		const created = await sandbox.api.put<{ CreditNotes: Rec[] }>('/CreditNotes', {
			CreditNotes: [{ Type: 'ACCRECCREDIT', Contact: { ContactID: abcId }, Status: 'AUTHORISED', LineAmountTypes: 'NoTax', LineItems: [{ ...line, UnitAmount: total }], ...extra }],
		});
		expect(created.status).toBe(200);
		return created.json.CreditNotes[0];
	}


	it('creates credit notes priced like invoices, numbers sales ones, and reads them back', async () => {
		const created = await sandbox.api.put<{ CreditNotes: Rec[] }>('/CreditNotes', {
			CreditNotes: [
				{ Type: 'ACCRECCREDIT', Contact: { ContactID: abcId }, LineItems: [{ ...line, Quantity: 2 }] },
				{ Type: 'ACCPAYCREDIT', Contact: { ContactID: abcId }, LineItems: [{ ...line, AccountCode: '400' }] },
			],
		});
		expect(created.status).toBe(200);
		const [sales, bill] = created.json.CreditNotes;
		expect(sales).toMatchObject({ Status: 'DRAFT', SubTotal: 200, RemainingCredit: sales.Total, Allocations: [] });
		expect(Number(sales.TotalTax)).toBeGreaterThan(0);
		expect(sales.CreditNoteNumber).toMatch(/^CN-\d{4}$/);
		expect(bill.CreditNoteNumber).toBe('');
		const one = await sandbox.api.get<{ CreditNotes: Rec[] }>(`/CreditNotes/${String(sales.CreditNoteID)}`);
		expect(one.json.CreditNotes[0]).toMatchObject({ CreditNoteNumber: sales.CreditNoteNumber, Contact: { Name: 'ABC Furniture' } });
		expect((one.json.CreditNotes[0].LineItems as Rec[]).length).toBe(1);
		const missing = await sandbox.api.get(`/CreditNotes/00000000-0000-0000-0000-000000000000`);
		expect(missing.status).toBe(404);
	});

	it('refuses a taken sales number, a bad type and PAID per element, and writes nothing when summarized', async () => {
		await creditNote(10, { CreditNoteNumber: 'CN-TAKEN' });
		const result = await sandbox.api.put<{ CreditNotes: Rec[] }>('/CreditNotes?summarizeErrors=false', {
			CreditNotes: [
				{ Type: 'ACCRECCREDIT', CreditNoteNumber: 'cn-taken', Contact: { ContactID: abcId }, LineItems: [line] },
				{ Type: 'ACCPAYCREDIT', CreditNoteNumber: 'CN-TAKEN', Contact: { ContactID: abcId }, LineItems: [line] },
				{ Type: 'ACCRECCREDIT', Status: 'PAID', Contact: { ContactID: abcId }, LineItems: [line] },
				{ Type: 'ACCRECCREDIT', Contact: { ContactID: abcId }, LineItems: [] },
			],
		});
		expect(result.status).toBe(200);
		const elements = result.json.CreditNotes;
		expect(messages(elements[0])).toMatch(/must be unique/);
		expect(elements[1].StatusAttributeString).toBe('OK');
		expect(messages(elements[2])).toMatch(/not of valid status for creation/);
		expect(messages(elements[3])).toMatch(/line items must be specified/);
		const before = (sandbox.xero.state()[sandbox.tenantId].creditNotes as Rec[]).length;
		const summarized = await sandbox.api.put<Rec>('/CreditNotes', { CreditNotes: [{ Type: 'ACCRECCREDIT', Contact: { ContactID: abcId }, LineItems: [line] }, { Type: 'ACCRECCREDIT', CreditNoteNumber: 'CN-TAKEN', Contact: { ContactID: abcId }, LineItems: [line] }] });
		expect(summarized.status).toBe(400);
		expect((sandbox.xero.state()[sandbox.tenantId].creditNotes as Rec[]).length).toBe(before);
	});

	it('moves through the invoice lifecycle: approve, void; a deleted draft frees its number', async () => {
		const draft = await creditNote(5, { Status: 'DRAFT', CreditNoteNumber: 'CN-LIFE' });
		const approved = await sandbox.api.post<{ CreditNotes: Rec[] }>(`/CreditNotes/${String(draft.CreditNoteID)}`, { CreditNotes: [{ Status: 'AUTHORISED' }] });
		expect(approved.json.CreditNotes[0].Status).toBe('AUTHORISED');
		const deleted = await sandbox.api.post<{ Elements: Rec[] }>(`/CreditNotes/${String(draft.CreditNoteID)}`, { CreditNotes: [{ Status: 'DELETED' }] });
		expect(deleted.status).toBe(400);
		const voided = await sandbox.api.post<{ CreditNotes: Rec[] }>('/CreditNotes', { CreditNotes: [{ CreditNoteID: draft.CreditNoteID, Status: 'VOIDED' }] });
		expect(voided.json.CreditNotes[0]).toMatchObject({ Status: 'VOIDED', RemainingCredit: 0 });
		const other = await creditNote(5, { Status: 'DRAFT', CreditNoteNumber: 'CN-FREE' });
		await sandbox.api.post(`/CreditNotes/${String(other.CreditNoteID)}`, { CreditNotes: [{ Status: 'DELETED' }] });
		const reused = await sandbox.api.put<{ CreditNotes: Rec[] }>('/CreditNotes', { CreditNotes: [{ Type: 'ACCRECCREDIT', CreditNoteNumber: 'CN-FREE', Contact: { ContactID: abcId }, LineItems: [line] }] });
		expect(reused.status).toBe(200);
	});

	it('allocates to an invoice: the invoice is credited, both become PAID when covered, the note is then frozen', async () => {
		const inv = await invoice(150);
		const note = await creditNote(100);
		const first = await sandbox.api.put<{ Allocations: Rec[] }>(`/CreditNotes/${String(note.CreditNoteID)}/Allocations`, {
			Allocations: [{ Invoice: { InvoiceID: inv.InvoiceID }, Amount: 60, Date: '2026-11-05' }],
		});
		expect(first.status).toBe(200);
		expect(first.json.Allocations[0]).toMatchObject({ Amount: 60, Invoice: { InvoiceID: inv.InvoiceID, InvoiceNumber: inv.InvoiceNumber } });
		const invoiceAfter = (await sandbox.api.get<{ Invoices: Rec[] }>(`/Invoices/${String(inv.InvoiceID)}`)).json.Invoices[0];
		expect(invoiceAfter).toMatchObject({ AmountCredited: 60, AmountDue: 90, Status: 'AUTHORISED' });
		expect((invoiceAfter.CreditNotes as Rec[])[0]).toMatchObject({ CreditNoteID: note.CreditNoteID, AppliedAmount: 60 });
		const noteAfter = (await sandbox.api.get<{ CreditNotes: Rec[] }>(`/CreditNotes/${String(note.CreditNoteID)}`)).json.CreditNotes[0];
		expect(noteAfter).toMatchObject({ RemainingCredit: 40, Status: 'AUTHORISED' });
		expect((noteAfter.Allocations as Rec[])[0]).toMatchObject({ Amount: 60, Invoice: { InvoiceID: inv.InvoiceID } });
		// an allocated credit note, and a credited invoice, can no longer be edited
		const edit = await sandbox.api.post<Rec>(`/CreditNotes/${String(note.CreditNoteID)}`, { CreditNotes: [{ Reference: 'changed' }] });
		expect(edit.status).toBe(400);
		const editInvoice = await sandbox.api.post<Rec>(`/Invoices/${String(inv.InvoiceID)}`, { Invoices: [{ Reference: 'changed' }] });
		expect(editInvoice.status).toBe(400);

		const small = await invoice(40);
		const rest = await sandbox.api.put<{ Allocations: Rec[] }>(`/CreditNotes/${String(note.CreditNoteID)}/Allocations`, { Allocations: [{ Invoice: { InvoiceID: small.InvoiceID }, Amount: 40, Date: '2026-11-06' }] });
		expect(rest.status).toBe(200);
		expect((await sandbox.api.get<{ CreditNotes: Rec[] }>(`/CreditNotes/${String(note.CreditNoteID)}`)).json.CreditNotes[0]).toMatchObject({ RemainingCredit: 0, Status: 'PAID' });
		expect((await sandbox.api.get<{ Invoices: Rec[] }>(`/Invoices/${String(small.InvoiceID)}`)).json.Invoices[0]).toMatchObject({ AmountDue: 0, Status: 'PAID' });
		// a payment can only cover what is left after the credit
		const overpay = await sandbox.api.put<Rec>('/Payments', { Payments: [{ Invoice: { InvoiceID: inv.InvoiceID }, Account: { Code: '090' }, Amount: 100, Date: '2026-11-07' }] });
		expect(overpay.status).toBe(400);
	});

	it('refuses allocations over the credit or the amount due, to another contact, currency or status, or from a draft', async () => {
		const inv = await invoice(50);
		const note = await creditNote(30);
		const draft = await creditNote(30, { Status: 'DRAFT' });
		const foreign = await invoice(50, otherId);
		const usd = await invoice(50, abcId, { CurrencyCode: 'USD' });
		const draftInvoice = (await sandbox.api.put<{ Invoices: Rec[] }>('/Invoices', { Invoices: [{ Type: 'ACCREC', Contact: { ContactID: abcId }, LineItems: [line] }] })).json.Invoices[0];
		const bill = (await sandbox.api.put<{ Invoices: Rec[] }>('/Invoices', { Invoices: [{ Type: 'ACCPAY', Contact: { ContactID: abcId }, Status: 'AUTHORISED', DueDate: '2026-12-31', LineItems: [{ ...line, AccountCode: '400' }] }] })).json.Invoices[0];
		const path = `/CreditNotes/${String(note.CreditNoteID)}/Allocations?summarizeErrors=false`;
		const result = await sandbox.api.put<{ Allocations: Rec[] }>(path, {
			Allocations: [
				{ Invoice: { InvoiceID: inv.InvoiceID }, Amount: 31, Date: '2026-11-05' },
				{ Invoice: { InvoiceID: foreign.InvoiceID }, Amount: 1, Date: '2026-11-05' },
				{ Invoice: { InvoiceID: usd.InvoiceID }, Amount: 1, Date: '2026-11-05' },
				{ Invoice: { InvoiceID: draftInvoice.InvoiceID }, Amount: 1, Date: '2026-11-05' },
				{ Invoice: { InvoiceID: bill.InvoiceID }, Amount: 1, Date: '2026-11-05' },
				{ Invoice: { InvoiceID: inv.InvoiceID }, Amount: 0, Date: '2026-11-05' },
			],
		});
		expect(result.status).toBe(200);
		const texts = result.json.Allocations.map(messages);
		expect(texts[0]).toMatch(/exceeds the remaining credit/);
		expect(texts[1]).toMatch(/same contact/);
		expect(texts[2]).toMatch(/same currency/);
		expect(texts[3]).toMatch(/AUTHORISED invoice/);
		expect(texts[4]).toMatch(/sales invoice/);
		expect(texts[5]).toMatch(/greater than zero/);
		const overDue = await creditNote(80);
		const refused = await sandbox.api.put<{ Elements: Rec[] }>(`/CreditNotes/${String(overDue.CreditNoteID)}/Allocations`, { Allocations: [{ Invoice: { InvoiceID: inv.InvoiceID }, Amount: 60, Date: '2026-11-05' }] });
		expect(refused.status).toBe(400);
		expect(messages(refused.json.Elements[0])).toMatch(/exceeds the amount due/);
		const fromDraft = await sandbox.api.put<{ Elements: Rec[] }>(`/CreditNotes/${String(draft.CreditNoteID)}/Allocations`, { Allocations: [{ Invoice: { InvoiceID: inv.InvoiceID }, Amount: 1, Date: '2026-11-05' }] });
		expect(messages(fromDraft.json.Elements[0])).toMatch(/Only an AUTHORISED credit note/);
		expect((await sandbox.api.get<{ Invoices: Rec[] }>(`/Invoices/${String(inv.InvoiceID)}`)).json.Invoices[0]).toMatchObject({ AmountDue: 50, AmountCredited: 0 });
	});

	it('lists credit notes paged, filtered by where, ordered, and changed since', async () => {
		const marker = await creditNote(7, { Reference: 'LIST-ME' });
		const all = await sandbox.api.get<{ CreditNotes: Rec[]; pagination: Rec }>('/CreditNotes?page=1&pageSize=2&order=CreditNoteNumber');
		expect(all.status).toBe(200);
		expect(all.json.CreditNotes.length).toBe(2);
		expect(all.json.pagination).toMatchObject({ page: 1, pageSize: 2 });
		const where = await sandbox.api.get<{ CreditNotes: Rec[] }>(`/CreditNotes?where=${encodeURIComponent('Reference=="LIST-ME" AND Type=="ACCRECCREDIT"')}`);
		expect(where.json.CreditNotes.map((note) => note.CreditNoteID)).toEqual([marker.CreditNoteID]);
		const byContact = await sandbox.api.get<{ CreditNotes: Rec[] }>(`/CreditNotes?where=${encodeURIComponent(`Contact.ContactID==guid("${abcId}")`)}`);
		expect(byContact.json.CreditNotes.length).toBeGreaterThan(3);
		const future = await sandbox.api.get<{ CreditNotes: Rec[] }>('/CreditNotes', { 'If-Modified-Since': '2099-01-01T00:00:00Z' });
		expect(future.json.CreditNotes).toEqual([]);
	});
});
