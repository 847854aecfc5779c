import { createRecord } from '../../sandbox/vtiger/ops/save';
import { crmForBlock, failureOf, fromXero, runCrm, xeroBookInvoice } from './workflow';

const crm = crmForBlock();
afterEach(() => crm.faults.clear());

const createInvoices = fromXero('create', 'Invoice', { xeroResource: 'invoice' });

const invoiceFor = (n: number, contact: { ContactID: string; Name: string }) => xeroBookInvoice(1, 'MA', n, contact);

describe('Xero invoices whose organisation the CRM lacks', () => {
	test('a refused create of the organisation fails the invoices that need it, naming the organisation; others are written', async () => {
		const storm = { ContactID: 'c1000000-0000-4000-8000-000000000001', Name: 'Storm Cellar Ltd' };
		const bayside = { ContactID: 'c1000000-0000-4000-8000-000000000002', Name: 'Bayside Club' };
		// The first create of the run is the missing organisation's: it gets an empty HTTP 500.
		crm.faults.beforeNext('create', () => crm.faults.fail500(1));
		const { main, errors } = await runCrm(crm, createInvoices, [invoiceFor(1, storm), invoiceFor(2, bayside), invoiceFor(3, storm)]);
		expect(main.map((item) => item.json.cf_xero_invoice_id)).toEqual([invoiceFor(2, bayside).InvoiceID]);
		expect(errors.map((item) => failureOf(item).itemIndex)).toEqual([0, 2]);
		for (const item of errors) {
			const failure = failureOf(item);
			expect(failure.message).toMatch(/organisation "Storm Cellar Ltd" is not in the CRM and creating it failed/);
			expect(failure.message).toMatch(/HTTP 500/);
			expect(failure.entry.code).toBe('ACCOUNT_NOT_CREATED');
		}
		expect(crm.records('Accounts').filter((a) => a.accountname === 'Storm Cellar Ltd')).toHaveLength(0);
	});

	test('a create refused as a duplicate (another run made it just now) uses that organisation', async () => {
		const gale = { ContactID: 'c1000000-0000-4000-8000-000000000003', Name: 'Gale Force Ltd' };
		crm.faults.beforeNext('create', (engine) => {
			createRecord(engine, 'Accounts', { accountname: 'Gale Force Ltd', assigned_user_id: '19x1' }, '19x1');
		});
		const { main, errors } = await runCrm(crm, createInvoices, [invoiceFor(4, gale)]);
		expect(errors.map((item) => failureOf(item).message)).toEqual([]);
		const accounts = crm.records('Accounts').filter((a) => a.accountname === 'Gale Force Ltd');
		expect(accounts).toHaveLength(1);
		expect(main[0].json).toMatchObject({ account_id: accounts[0].id });
	});
});
