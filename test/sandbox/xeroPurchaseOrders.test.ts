import { processCounters } from '../../sandbox/xero/validation/openapiCounters';
import { contactIdByName, signedInSandbox } from './support';

type Rec = Record<string, unknown>;
type Orders = { PurchaseOrders: Rec[] };

function messagesOf(orders: Rec[]): string[] {
	return orders.map((order) => ((order.ValidationErrors as Rec[] | undefined) ?? []).map((error) => error.Message).join(' '));
}

describe('Xero sandbox: purchase orders', () => {
	let abcId: string;
	const sandbox = signedInSandbox({ data: 'demo', validate: true }, { ready: (sandbox) => (abcId = contactIdByName(sandbox, 'ABC Furniture')) });

	const line = { Description: 'Timber', Quantity: 4, UnitAmount: 25, AccountCode: '310' };

	it('creates purchase orders numbered PO-0001…, priced like bills, marks the supplier, and reads one by ID or number', async () => {
		const created = await sandbox.api.put<Orders>('/PurchaseOrders', {
			PurchaseOrders: [{ Contact: { ContactID: abcId }, Date: '2026-11-01', DeliveryDate: '2026-11-10', LineItems: [line] }],
		});
		expect(created.status).toBe(200);
		const order = created.json.PurchaseOrders[0];
		expect(order).toMatchObject({ Status: 'DRAFT', SubTotal: 100, Type: 'PURCHASEORDER', LineAmountTypes: 'Exclusive' });
		expect(order.PurchaseOrderNumber).toMatch(/^PO-\d{4}$/);
		expect(Number(order.Total)).toBeGreaterThanOrEqual(100);
		const supplier = (sandbox.xero.state()[sandbox.tenantId].contacts as Rec[]).find((contact) => contact.ContactID === abcId);
		expect(supplier?.IsSupplier).toBe(true);
		const byId = await sandbox.api.get<Orders>(`/PurchaseOrders/${String(order.PurchaseOrderID)}`);
		expect(byId.json.PurchaseOrders[0].PurchaseOrderNumber).toBe(order.PurchaseOrderNumber);
		const byNumber = await sandbox.api.get<Orders>(`/PurchaseOrders/${String(order.PurchaseOrderNumber)}`);
		expect(byNumber.json.PurchaseOrders[0].PurchaseOrderID).toBe(order.PurchaseOrderID);
		expect((await sandbox.api.get(`/PurchaseOrders/PO-NOPE`)).status).toBe(404);
	});

	it('refuses what Xero refuses, per element with summarizeErrors=false, the whole batch otherwise', async () => {
		await sandbox.api.put('/PurchaseOrders', { PurchaseOrders: [{ PurchaseOrderNumber: 'PO-TAKEN', Contact: { ContactID: abcId }, LineItems: [line] }] });
		const result = await sandbox.api.put<Orders>('/PurchaseOrders?summarizeErrors=false', {
			PurchaseOrders: [
				{ LineItems: [line] },
				{ PurchaseOrderNumber: 'po-taken', Contact: { ContactID: abcId }, LineItems: [line] },
				{ Contact: { ContactID: abcId }, Status: 'BILLED', LineItems: [line] },
				{ Contact: { ContactID: abcId }, SentToContact: true, LineItems: [line] },
				{ Contact: { ContactID: abcId } },
				{ PurchaseOrderNumber: 'PO-OK', Contact: { ContactID: abcId }, LineItems: [line] },
			],
		});
		expect(result.status).toBe(200);
		const messages = messagesOf(result.json.PurchaseOrders);
		expect(messages[0]).toMatch(/Contact must be specified/);
		expect(messages[1]).toMatch(/Purchase Order Number must be unique/);
		expect(messages[2]).toMatch(/not of valid status for creation/);
		expect(messages[3]).toMatch(/SentToContact/);
		expect(messages[4]).toMatch(/line items must be specified/);
		expect(result.json.PurchaseOrders[5].StatusAttributeString).toBe('OK');
		const summarized = await sandbox.api.put<Rec>('/PurchaseOrders', { PurchaseOrders: [{ LineItems: [line] }, { Contact: { ContactID: abcId }, LineItems: [line] }] });
		expect(summarized.status).toBe(400);
	});

	it('moves through DRAFT → AUTHORISED → BILLED and refuses going back or changing a billed order', async () => {
		const created = await sandbox.api.put<Orders>('/PurchaseOrders', { PurchaseOrders: [{ Contact: { ContactID: abcId }, LineItems: [line] }] });
		const id = String(created.json.PurchaseOrders[0].PurchaseOrderID);
		const number = created.json.PurchaseOrders[0].PurchaseOrderNumber;
		const approved = await sandbox.api.post<Orders>(`/PurchaseOrders/${id}`, { PurchaseOrders: [{ Status: 'AUTHORISED', Reference: 'edited' }] });
		expect(approved.json.PurchaseOrders[0]).toMatchObject({ Status: 'AUTHORISED', Reference: 'edited', PurchaseOrderNumber: number });
		const back = await sandbox.api.post<Orders>('/PurchaseOrders?summarizeErrors=false', { PurchaseOrders: [{ PurchaseOrderID: id, Status: 'DRAFT' }] });
		expect(messagesOf(back.json.PurchaseOrders)[0]).toMatch(/not of valid status for modification/);
		const billed = await sandbox.api.post<Orders>('/PurchaseOrders', { PurchaseOrders: [{ PurchaseOrderID: id, Status: 'BILLED', SentToContact: true }] });
		expect(billed.json.PurchaseOrders[0]).toMatchObject({ Status: 'BILLED', SentToContact: true });
		const edit = await sandbox.api.post<Orders>('/PurchaseOrders?summarizeErrors=false', { PurchaseOrders: [{ PurchaseOrderID: id, Reference: 'again' }] });
		expect(messagesOf(edit.json.PurchaseOrders)[0]).toMatch(/not of valid status for modification/);
	});

	it('a deleted order gives its number up; DRAFT cannot be billed', async () => {
		const created = await sandbox.api.put<Orders>('/PurchaseOrders', { PurchaseOrders: [{ PurchaseOrderNumber: 'PO-GONE', Contact: { ContactID: abcId }, LineItems: [line] }] });
		const id = String(created.json.PurchaseOrders[0].PurchaseOrderID);
		const billed = await sandbox.api.post<Orders>('/PurchaseOrders?summarizeErrors=false', { PurchaseOrders: [{ PurchaseOrderID: id, Status: 'BILLED' }] });
		expect(messagesOf(billed.json.PurchaseOrders)[0]).toMatch(/not of valid status/);
		await sandbox.api.post(`/PurchaseOrders/${id}`, { PurchaseOrders: [{ Status: 'DELETED' }] });
		const again = await sandbox.api.put<Orders>('/PurchaseOrders', { PurchaseOrders: [{ PurchaseOrderNumber: 'PO-GONE', Contact: { ContactID: abcId }, LineItems: [line] }] });
		expect(again.status).toBe(200);
	});

	it('lists with the yaml parameters: Status, DateFrom/DateTo, order, page/pageSize, If-Modified-Since; no where', async () => {
		await sandbox.api.put('/PurchaseOrders', { PurchaseOrders: [{ PurchaseOrderNumber: 'PO-DATED', Date: '2025-01-15', Contact: { ContactID: abcId }, LineItems: [line] }] });
		const dated = await sandbox.api.get<Orders>('/PurchaseOrders?DateFrom=2025-01-01&DateTo=2025-01-31');
		expect(dated.json.PurchaseOrders.map((order) => order.PurchaseOrderNumber)).toEqual(['PO-DATED']);
		expect((dated.json.PurchaseOrders[0].LineItems as Rec[]).length).toBe(1);
		const billed = await sandbox.api.get<Orders>('/PurchaseOrders?Status=BILLED');
		expect(billed.json.PurchaseOrders.every((order) => order.Status === 'BILLED')).toBe(true);
		expect(billed.json.PurchaseOrders.length).toBe(1);
		const paged = await sandbox.api.get<Orders & { pagination: Rec }>('/PurchaseOrders?page=1&pageSize=2&order=PurchaseOrderNumber%20DESC');
		expect(paged.json.PurchaseOrders).toHaveLength(2);
		expect(paged.json.pagination).toMatchObject({ page: 1, pageSize: 2 });
		const future = await sandbox.api.get<Orders>('/PurchaseOrders', { 'If-Modified-Since': new Date(Date.now() + 3_600_000).toUTCString() });
		expect(future.json.PurchaseOrders).toEqual([]);
		// getPurchaseOrders has no `where`: the validator refuses it as a contract breach, as the closed list says.
		sandbox.xero.expectRequestViolations(1);
		const where = await sandbox.api.get('/PurchaseOrders?where=Status%3D%3D%22DRAFT%22');
		expect(where.status).toBe(400);
		const failures = processCounters().failures.filter((failure) => failure.operationId.includes('PurchaseOrder') && failure.kind === 'response');
		expect(failures).toEqual([]);
	});
});
