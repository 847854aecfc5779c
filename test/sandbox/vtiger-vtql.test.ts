import { startVtigerSandbox, type VtigerSandbox } from '../../sandbox/vtiger';
import { VtigerError } from '../../sandbox/vtiger/errors';
import { createRecord, modifyRecord } from '../../sandbox/vtiger/ops/save';
import { runQuery } from '../../sandbox/vtiger/vtql/execute';

function error(fn: () => unknown): { code: string | number; message: string } {
	try {
		fn();
	} catch (e) {
		if (e instanceof VtigerError) return { code: e.code, message: e.message };
		throw e;
	}
	throw new Error('no error');
}

describe('vtiger sandbox VTQL', () => {
	let crm: VtigerSandbox;
	const q = (text: string) => runQuery(crm.engine(), text);

	beforeAll(async () => {
		crm = await startVtigerSandbox({ data: 'empty' });
		const engine = crm.engine();
		const rows: Array<[string, string, string, string]> = [
			['Alpha', 'Retail', '5', '100.5'],
			['beta', 'Banking', '50', '2000'],
			['Gamma', 'Retail', '500', '30'],
			["O'Brien & Co", 'Banking', '7', '0'],
		];
		for (const [accountname, industry, employees, annual_revenue] of rows)
			createRecord(engine, 'Accounts', { accountname, industry, employees, annual_revenue, assigned_user_id: '19x1' }, '19x1');
		const gone = createRecord(engine, 'Accounts', { accountname: 'Deleted', assigned_user_id: '19x1' }, '19x1');
		gone.deleted = true;
	});
	afterAll(() => crm.close());

	it('filters with OR, IN, LIKE, NOT LIKE and comparison operators, case-insensitively', () => {
		expect(q("SELECT accountname FROM Accounts WHERE industry = 'retail' OR employees = 7;").map((r) => r.accountname)).toEqual(['Alpha', 'Gamma', "O'Brien & Co"]);
		expect(q("SELECT accountname FROM Accounts WHERE accountname IN ('ALPHA', 'beta');")).toHaveLength(2);
		expect(q("SELECT accountname FROM Accounts WHERE accountname NOT LIKE '%a';").map((r) => r.accountname)).toEqual(["O'Brien & Co"]);
		// VTQL_Lexer.php: literals are '(?:[^']|'')+', so a quote is doubled and a backslash cannot escape it.
		expect(q("SELECT accountname FROM Accounts WHERE accountname = 'O''Brien & Co';")).toHaveLength(1);
		// The literal ends at the quote after the backslash; vtiger parses while it lexes, so "Brien" is the error (36).
		expect(() => q("SELECT accountname FROM Accounts WHERE accountname = 'O\\'Brien & Co';")).toThrow(
			"Syntax Error on line 1: token 'Brien' Unexpected COLUMNNAME(Brien), expected one of: SEMICOLON",
		);
		expect(q("SELECT accountname FROM Accounts WHERE annual_revenue >= 100.5 AND industry != 'Banking';").map((r) => r.accountname)).toEqual(['Alpha']);
		expect(q("SELECT count(*) FROM Accounts WHERE industry = 'Banking';")).toEqual([{ count: '2' }]);
		expect(q("SELECT id FROM Accounts WHERE accountname = 'Deleted';")).toEqual([]);
	});

	it('compares text as MySQL utf8_general_ci does: text is text, case, accents and trailing spaces do not count', () => {
		const engine = crm.engine();
		for (const productcode of ['007', 'Café', 'Straße', 'Trail ', ' Lead']) createRecord(engine, 'Products', { productname: `P ${productcode}`, productcode, assigned_user_id: '19x1' }, '19x1');
		const codes = (where: string) => q(`SELECT productcode FROM Products WHERE ${where};`).map((r) => r.productcode);
		expect(codes("productcode = '7'")).toEqual([]);
		expect(codes("productcode IN ('7', '07')")).toEqual([]);
		expect(codes("productcode = '007'")).toEqual(['007']);
		expect(codes("productcode = 'CAFE'")).toEqual(['Café']);
		expect(codes("productcode = 'strasse'")).toEqual([]);
		expect(codes("productcode = 'strase'")).toEqual(['Straße']);
		expect(codes("productcode = 'trail'")).toEqual(['Trail ']);
		expect(codes("productcode = 'Lead'")).toEqual([]);
		expect(codes("productcode LIKE 'caf_'")).toEqual(['Café']);
		// LIKE does not pad: the trailing space has to be matched.
		expect(codes("productcode LIKE 'trail'")).toEqual([]);
		// A number column compares as numbers.
		expect(q("SELECT accountname FROM Accounts WHERE employees = '007';").map((r) => r.accountname)).toEqual(["O'Brien & Co"]);
	});

	it('orders numeric fields as numbers, text case-insensitively, id by crmid', () => {
		expect(q('SELECT employees FROM Accounts ORDER BY employees DESC;').map((r) => r.employees)).toEqual(['500', '50', '7', '5']);
		expect(q('SELECT accountname FROM Accounts ORDER BY accountname;').map((r) => r.accountname)).toEqual(['Alpha', 'beta', 'Gamma', "O'Brien & Co"]);
		expect(q('SELECT accountname FROM Accounts ORDER BY id DESC LIMIT 1;')).toEqual([{ accountname: "O'Brien & Co", id: '11x5' }]);
		expect(q('SELECT accountname FROM Accounts LIMIT 1,2;').map((r) => r.id)).toEqual(['11x3', '11x4']);
	});

	it('reports errors the way vtiger does', () => {
		expect(error(() => q('SELECT * FROM Accounts WHERE accountname = "x";'))).toEqual({ code: 'INTERNAL_SERVER_ERROR', message: 'Unknown Error while processing request' });
		expect(error(() => q('SELECT * FROM Accounts ORDER BY nosuch;'))).toEqual({ code: 'ACCESS_DENIED', message: "Permission to access '.nosuch.' attribute denied." });
		expect(error(() => q("SELECT * FROM Accounts WHERE nosuch = '1';"))).toEqual({ code: 'ACCESS_DENIED', message: "Permission to access '.nosuch.' attribute denied." });
		expect(error(() => q('SELECT * Accounts;'))).toEqual({ code: 'ACCESS_DENIED', message: 'Permission to perform the operation is denied for query' });
		expect(error(() => q('SELECT * FROM Accounts LIMIT;')).code).toBe('QUERY_SYNTAX_ERROR');
	});
});

describe('vtiger sandbox writes', () => {
	let crm: VtigerSandbox;
	beforeAll(async () => {
		crm = await startVtigerSandbox({ data: 'empty' });
	});
	afterAll(() => crm.close());

	it('takes product stock when an invoice is created and puts it back when its line items are re-saved', () => {
		const engine = crm.engine();
		const account = createRecord(engine, 'Accounts', { accountname: 'Stock Co', assigned_user_id: '19x1' }, '19x1');
		const product = createRecord(engine, 'Products', { productname: 'Widget', qtyinstock: '10', unit_price: '3', assigned_user_id: '19x1' }, '19x1');
		const productId = engine.idOf(product);
		const invoice = createRecord(
			engine,
			'Invoice',
			{ subject: 'S', account_id: engine.idOf(account), assigned_user_id: '19x1', bill_street: 'a', ship_street: 'b', productid: productId, LineItems: [{ productid: productId, quantity: '4', listprice: '3' }] },
			'19x1',
		);
		expect(product.values.qtyinstock).toBe('6.000');
		expect(invoice.values.hdnGrandTotal).toBe('12.00000000');
		modifyRecord(engine, invoice, { id: engine.idOf(invoice), LineItems: [{ productid: productId, quantity: '1', listprice: '3', discount_amount: '0.5' }] }, '19x1', 'revise');
		// Re-saved lines put the old quantity back and take nothing out, and keep their line ids (33, 33b).
		expect(product.values.qtyinstock).toBe('10.000');
		expect(invoice.values.hdnGrandTotal).toBe('2.50000000');
		expect(invoice.lineItems?.map((l) => l.lineId)).toEqual([1]);
		// A quote does not touch stock.
		createRecord(
			engine,
			'Quotes',
			{ subject: 'Q', account_id: engine.idOf(account), assigned_user_id: '19x1', quotestage: 'Created', bill_street: 'a', ship_street: 'b', productid: productId, LineItems: [{ productid: productId, quantity: '5', listprice: '3' }] },
			'19x1',
		);
		expect(product.values.qtyinstock).toBe('10.000');
	});

	it('keeps the record unchanged when a revise fails', () => {
		const engine = crm.engine();
		const a = createRecord(engine, 'Accounts', { accountname: 'First', assigned_user_id: '19x1' }, '19x1');
		createRecord(engine, 'Accounts', { accountname: 'Second', assigned_user_id: '19x1' }, '19x1');
		expect(error(() => modifyRecord(engine, a, { id: engine.idOf(a), accountname: 'SECOND', phone: '1' }, '19x1', 'revise'))).toEqual({ code: 0, message: 'Duplicate(s) detected!' });
		expect(a.values).toMatchObject({ accountname: 'First', phone: '' });
		expect(error(() => modifyRecord(engine, a, { id: engine.idOf(a), phone: '1' }, '19x1', 'update'))).toEqual({ code: 'MANDATORY_FIELDS_MISSING', message: 'accountname does not have a value' });
	});
});
