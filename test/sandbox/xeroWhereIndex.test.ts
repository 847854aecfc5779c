import { storedValue } from '../../sandbox/xero/accounting/listQuery';
import { listRead, type ListRead } from '../../sandbox/xero/accounting/listRead';
import { compileWhere } from '../../sandbox/xero/accounting/where';
import { whereIndexHint } from '../../sandbox/xero/accounting/whereIndex';
import type { AccountingCall } from '../../sandbox/xero/http/types';
import { Tenant } from '../../sandbox/xero/store/tenant';
import { signedInSandbox } from './support';

type Rec = Record<string, unknown>;
const q = (text: string) => encodeURIComponent(text);

describe('whereIndexHint: which values a where can match', () => {
	it.each([
		['Name=="A"', 'Name', ['a']],
		['(Name=="A") OR (Name=="b")', 'Name', ['a', 'b']],
		['Name=="A" || "B"==Name', 'Name', ['a', 'b']],
		['Contact.ContactID==Guid("{AB12CD34-0000-4000-8000-000000000001}")', 'Contact.ContactID', ['ab12cd34-0000-4000-8000-000000000001']],
		['(Status!="DELETED") AND ((InvoiceNumber=="INV-1") OR (InvoiceNumber=="INV-2"))', 'InvoiceNumber', ['inv-1', 'inv-2']],
		['Total>5 AND Code=="X"', 'Code', ['x']],
	])('%s -> %s', (where, path, values) => {
		const hint = whereIndexHint(where);
		expect(hint?.path.join('.')).toBe(path);
		expect([...(hint?.values ?? [])].sort()).toEqual(values);
	});

	it.each(['Name=="A" OR Code=="B"', 'Name=="A" OR Total>5', 'NOT (Name=="A")', 'Name!="A"', 'Name.ToLower()=="a"', 'Name.Contains("a")', 'Date==DateTime(2026,1,1)', 'Name=="A" AND', 'Total==5'])(
		'gives no hint for %s (the read scans)',
		(where) => {
			expect(whereIndexHint(where)).toBeUndefined();
		},
	);
});

describe('indexed where lookups', () => {
	const profile = { tenantId: 't', name: 'T', baseCurrency: 'NZD', countryCode: 'NZ', version: 'NZ', shortCode: '!t', createdAt: 0, currencies: [] };

	function read(tenant: Tenant, where: string, views: { count: number }): Rec[] {
		const spec: ListRead = {
			key: 'Contacts',
			collection: 'contacts',
			spec: { idField: 'ContactID', archived: () => false, searchFields: [], view: (r) => (views.count++, r), indexValue: storedValue },
			render: (_t, r) => r,
		};
		const call = { query: new URLSearchParams({ where }), tenant, providerName: 'test', now: 0, highVolumeThreshold: 100_000 } as unknown as AccountingCall;
		return (listRead(call, spec, undefined).json as { Contacts: Rec[] }).Contacts;
	}

	it('looks at the matching records only, not every record of the organisation', () => {
		const tenant = new Tenant(profile);
		for (let i = 0; i < 5000; i++) tenant.store('contacts', `id-${i}`, { ContactID: `id-${i}`, Name: `Customer ${i}` });
		const views = { count: 0 };
		const found = read(tenant, 'Name=="customer 4321" OR Name=="Customer 12"', views);
		expect(found.map((r) => r.ContactID)).toEqual(['id-12', 'id-4321']);
		expect(views.count).toBe(2);
	});

	it('follows renames, removals and re-adds, and keeps the collection order', () => {
		const tenant = new Tenant(profile);
		for (let i = 0; i < 5; i++) tenant.store('contacts', `id-${i}`, { ContactID: `id-${i}`, Name: `N${i}` });
		const views = { count: 0 };
		expect(read(tenant, 'Name=="N3"', views)).toHaveLength(1);
		tenant.store('contacts', 'id-3', { ContactID: 'id-3', Name: 'Renamed' });
		tenant.store('contacts', 'id-1', { ContactID: 'id-1', Name: 'renamed' });
		expect(read(tenant, 'Name=="N3"', views)).toEqual([]);
		expect(read(tenant, 'Name=="RENAMED"', views).map((r) => r.ContactID)).toEqual(['id-1', 'id-3']);
		tenant.remove('contacts', 'id-1');
		tenant.store('contacts', 'id-1', { ContactID: 'id-1', Name: 'Renamed' });
		// a removed and re-added record moves to the end, as in the collection's Map
		expect(read(tenant, 'Name=="renamed"', views).map((r) => r.ContactID)).toEqual(['id-3', 'id-1']);
		expect([...tenant.records.contacts.values()].filter((r) => compileWhere('Name=="renamed"')(r)).map((r) => r.ContactID)).toEqual(['id-3', 'id-1']);
	});
});

describe('indexed lookups over HTTP answer as a scan does', () => {
	const sandbox = signedInSandbox({ data: 'empty', validate: true }, { ready: ({ xero }) => xero.seed({ contacts: 20, invoices: 60, prefix: 'Idx' }) });

	it('finds invoices by InvoiceNumber and by Contact.ContactID, in the order of the unfiltered list', async () => {
		const all = (await sandbox.api.get<{ Invoices: Rec[] }>('/Invoices?page=1&pageSize=1000')).json.Invoices;
		const numbers = [all[40].InvoiceNumber, all[3].InvoiceNumber, all[17].InvoiceNumber] as string[];
		const where = numbers.map((n) => `InvoiceNumber=="${n.toLowerCase()}"`).join(' OR ');
		const byNumber = (await sandbox.api.get<{ Invoices: Rec[] }>(`/Invoices?page=1&where=${q(where)}`)).json.Invoices;
		expect(byNumber.map((i) => i.InvoiceID)).toEqual([all[3], all[17], all[40]].map((i) => i.InvoiceID));
		const contactId = String((all[5].Contact as Rec).ContactID);
		const byContact = (await sandbox.api.get<{ Invoices: Rec[] }>(`/Invoices?page=1&where=${q(`Contact.ContactID==Guid("${contactId.toUpperCase()}")`)}`)).json.Invoices;
		expect(byContact.map((i) => i.InvoiceID)).toEqual(all.filter((i) => (i.Contact as Rec).ContactID === contactId).map((i) => i.InvoiceID));
		expect(byContact.length).toBeGreaterThan(0);
	});

	it('finds a renamed contact by its new name only', async () => {
		const contacts = (await sandbox.api.get<{ Contacts: Rec[] }>('/Contacts?page=1')).json.Contacts;
		const target = contacts[2];
		expect((await sandbox.api.post(`/Contacts/${String(target.ContactID)}`, { Contacts: [{ ContactID: target.ContactID, Name: 'Idx Renamed' }] })).status).toBe(200);
		const old = (await sandbox.api.get<{ Contacts: Rec[] }>(`/Contacts?where=${q(`Name=="${String(target.Name)}"`)}`)).json.Contacts;
		const renamed = (await sandbox.api.get<{ Contacts: Rec[] }>(`/Contacts?where=${q('Name=="IDX RENAMED"')}`)).json.Contacts;
		expect(old).toEqual([]);
		expect(renamed.map((c) => c.ContactID)).toEqual([target.ContactID]);
	});
});
