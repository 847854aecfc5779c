import { DEMO_IDS } from '../../sandbox/vtiger';
import { FALLBACK_SERVICE_NAME } from '../../nodes/CrmRecord/actions/record/write/input/fallbackProduct';
import { crmForBlock, failureOf, fromXero, moduleParam, runCrm } from './workflow';

/**
 * Xero invoices with free-text lines (no ItemCode) reach the CRM (issue 13): vtiger lines need a product, so such a
 * line points at the product of the same line of the linked CRM invoice, the chosen "Product for Free-Text Lines", or
 * a service created once by name; its description stays in the line comment.
 */
const crm = crmForBlock('demo', { each: true });

const upsertInvoices = fromXero('upsert', 'Invoice', { xeroResource: 'invoice' });
type Line = Record<string, unknown>;
const linesOf = (record: Record<string, unknown> | undefined) => (record?.LineItems ?? []) as Line[];

function xeroInvoice(id: string, number: string, lines: Line[], extra: Record<string, unknown> = {}) {
	return {
		InvoiceID: id,
		InvoiceNumber: number,
		Type: 'ACCREC',
		Status: 'AUTHORISED',
		Contact: { ContactID: 'c0ffee00-0000-4000-8000-000000000001', Name: 'Bayside Club' },
		Date: '2026-11-01',
		DueDate: '2026-11-30',
		LineItems: lines,
		...extra,
	};
}

test('free-text lines and unknown item codes use one service, created once; a second run writes nothing', async () => {
	const invoices = [
		xeroInvoice('free-1', 'INV-0101', [
			{ Description: 'Club engraving', Quantity: 1, UnitAmount: 60, AccountCode: '200' },
			{ ItemCode: 'GB1-White', Description: 'Golf balls', Quantity: 20, UnitAmount: 5 },
		]),
		xeroInvoice('free-2', 'INV-0102', [{ ItemCode: 'NOT-IN-CRM', Quantity: 2, UnitAmount: 10 }]),
	];
	const { main, errors } = await runCrm(crm, upsertInvoices, invoices);
	expect(errors.map((e) => failureOf(e).message)).toEqual([]);
	const services = crm.records('Services').filter((s) => s.servicename === FALLBACK_SERVICE_NAME);
	expect(services).toHaveLength(1);
	const service = String(services[0].id);
	const stored = (id: unknown) => crm.records('Invoice').find((r) => r.id === id);
	expect(linesOf(stored(main[0].json.id)).map((l) => [l.productid, l.comment])).toEqual([
		[service, 'Club engraving'],
		[DEMO_IDS.products.golfBalls, 'Golf balls'],
	]);
	// No description: the line keeps its item code in the comment.
	expect(linesOf(stored(main[1].json.id)).map((l) => [l.productid, l.comment])).toEqual([[service, 'NOT-IN-CRM']]);

	const before = { create: crm.state().calls.create ?? 0, revise: crm.state().calls.revise ?? 0 };
	const again = await runCrm(crm, upsertInvoices, invoices);
	expect(again.errors).toEqual([]);
	expect([(crm.state().calls.create ?? 0) - before.create, (crm.state().calls.revise ?? 0) - before.revise]).toEqual([0, 0]);
});

test('the product chosen in "Product for Free-Text Lines" is used instead', async () => {
	const { main, errors } = await runCrm(crm, { ...upsertInvoices, writeOptions: { fallbackProduct: DEMO_IDS.services.devDay } }, [
		xeroInvoice('free-3', 'INV-0103', [{ Description: 'Onsite day', Quantity: 1, UnitAmount: 500 }]),
	]);
	expect(errors).toEqual([]);
	expect(linesOf(crm.records('Invoice').find((r) => r.id === main[0].json.id))[0].productid).toBe(DEMO_IDS.services.devDay);
	expect(crm.records('Services').filter((s) => s.servicename === FALLBACK_SERVICE_NAME)).toHaveLength(0);
});

test('a paid Xero invoice that came from the CRM keeps the CRM products of its free-text lines and turns Paid', async () => {
	// What "CRM invoices → Xero" sent: lines of products not linked to Xero items go as account-coded, free-text lines.
	const id = DEMO_IDS.invoices.baysideNzd;
	const engineRecord = crm.records('Invoice').find((r) => r.id === id) as Record<string, unknown>;
	const crmLines = linesOf(engineRecord);
	await runCrm(crm, { operation: 'update', module: moduleParam('Invoice'), recordId: id, inputMode: 'fields', fields: { mappingMode: 'defineBelow', value: { cf_xero_invoice_id: 'paid-1' } } });
	const paid = xeroInvoice(
		'paid-1',
		String(engineRecord.invoice_no),
		crmLines.map((line) => ({ Description: line.comment || line.product_name, Quantity: Number(line.quantity), UnitAmount: Number(line.listprice), AccountCode: '200' })),
		{ Status: 'PAID', Reference: engineRecord.subject },
	);
	const { main, errors } = await runCrm(crm, upsertInvoices, [paid]);
	expect(errors.map((e) => failureOf(e).message)).toEqual([]);
	expect(main[0].json.id).toBe(id);
	const after = crm.records('Invoice').find((r) => r.id === id);
	expect(after).toMatchObject({ invoicestatus: 'Paid', cf_xero_status: 'PAID' });
	expect(linesOf(after).map((l) => l.productid)).toEqual(crmLines.map((l) => l.productid));
	expect(crm.records('Services').filter((s) => s.servicename === FALLBACK_SERVICE_NAME)).toHaveLength(0);
});
