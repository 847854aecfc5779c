import { signedInSandbox } from './support';

type Rec = Record<string, unknown>;
const MS_DATE = /^\/Date\(\d+\+0000\)\/$/;

describe('Xero sandbox: contacts, items and accounts', () => {
	const sandbox = signedInSandbox({ data: 'demo', validate: true });

	describe('contacts', () => {
		it('creates with PUT and returns Xero fields, /Date()/ dates and the response envelope', async () => {
			const created = await sandbox.api.put<{ Contacts: Rec[]; Status: string; ProviderName: string; DateTimeUTC: string }>('/Contacts', {
				Contacts: [{ Name: 'Acme Tools', EmailAddress: 'ap@acme.example', ContactNumber: 'CRM-11' }],
			});
			expect(created.status).toBe(200);
			expect(created.json.Status).toBe('OK');
			expect(created.json.ProviderName).toBe('Sandbox Web App');
			expect(created.json.DateTimeUTC).toMatch(MS_DATE);
			const contact = created.json.Contacts[0];
			expect(contact).toMatchObject({ Name: 'Acme Tools', ContactStatus: 'ACTIVE', IsCustomer: false, IsSupplier: false });
			expect(contact.ContactID).toMatch(/^[0-9a-f-]{36}$/);
			expect(contact.UpdatedDateUTC).toMatch(MS_DATE);
			const fetched = await sandbox.api.get<{ Contacts: Rec[] }>(`/Contacts/${String(contact.ContactID)}`);
			expect(fetched.json.Contacts[0]).toEqual(contact);
		});

		it('keeps contact names unique, case-insensitively, within one batch and against stored ones', async () => {
			const clash = await sandbox.api.put<Rec>('/Contacts', { Contacts: [{ Name: 'abc furniture' }] });
			expect(clash.status).toBe(400);
			expect(clash.json).toMatchObject({
				ErrorNumber: 10,
				Type: 'ValidationException',
				Message: 'A validation exception occurred',
				Elements: [{ Name: 'abc furniture', ValidationErrors: [{ Message: 'The Contact Name already exists. Please enter a different Contact Name.' }] }],
			});
			const twice = await sandbox.api.put<Rec>('/Contacts?summarizeErrors=false', { Contacts: [{ Name: 'Twin Peaks' }, { Name: 'Twin Peaks' }] });
			expect(twice.status).toBe(200);
			const [first, second] = twice.json.Contacts as Rec[];
			expect(first.StatusAttributeString).toBe('OK');
			expect(second).toMatchObject({ StatusAttributeString: 'ERROR', HasValidationErrors: true });
		});

		it('keeps names unique against archived contacts too, and lets contact numbers repeat', async () => {
			const archived = await sandbox.api.put<{ Contacts: Rec[] }>('/Contacts', { Contacts: [{ Name: 'Retired Vendor Ltd', ContactNumber: 'SHARED-1' }] });
			const id = String(archived.json.Contacts[0].ContactID);
			expect((await sandbox.api.post(`/Contacts/${id}`, { Contacts: [{ ContactStatus: 'ARCHIVED' }] })).status).toBe(200);
			const clash = await sandbox.api.put<Rec>('/Contacts', { Contacts: [{ Name: 'RETIRED VENDOR LTD' }] });
			expect(clash.status).toBe(400);
			expect((clash.json.Elements as Rec[])[0].ValidationErrors).toEqual([{ Message: 'The Contact Name already exists. Please enter a different Contact Name.' }]);
			const sameNumber = await sandbox.api.put<{ Contacts: Rec[] }>('/Contacts', { Contacts: [{ Name: 'New Supplier Ltd', ContactNumber: 'SHARED-1' }] });
			expect(sameNumber.status).toBe(200);
			expect(sameNumber.json.Contacts[0].ContactNumber).toBe('SHARED-1');
		});

		it('summarizeErrors=true (the default) writes nothing when one element fails', async () => {
			const before = (sandbox.xero.state()[sandbox.tenantId].counts as Rec).contacts;
			const failed = await sandbox.api.put<Rec>('/Contacts', { Contacts: [{ Name: 'Would Be Fine' }, { Name: '' }] });
			expect(failed.status).toBe(400);
			expect((failed.json.Elements as Rec[]).length).toBe(1);
			expect((failed.json.Elements as Rec[])[0].ValidationErrors).toEqual([{ Message: 'The contact name must be specified.' }]);
			expect((sandbox.xero.state()[sandbox.tenantId].counts as Rec).contacts).toBe(before);
		});

		it('summarizeErrors=false writes the valid elements and returns every element in order', async () => {
			const mixed = await sandbox.api.post<{ Contacts: Rec[] }>('/Contacts?summarizeErrors=false', {
				Contacts: [{ Name: 'Batch One' }, { Name: 'Bayside Club' }, { Name: 'Batch Three', DefaultCurrency: 'JPY' }, { Name: 'Batch Four' }],
			});
			expect(mixed.status).toBe(200);
			expect(mixed.json.Contacts.map((contact) => contact.StatusAttributeString)).toEqual(['OK', 'ERROR', 'ERROR', 'OK']);
			expect(mixed.json.Contacts[2].ValidationErrors).toEqual([{ Message: 'Organisation is not subscribed to currency JPY' }]);
			const names = (sandbox.xero.state()[sandbox.tenantId].contacts as Rec[]).map((contact) => contact.Name);
			expect(names).toEqual(expect.arrayContaining(['Batch One', 'Batch Four']));
			expect(names).not.toContain('Batch Three');
		});

		it('PUT only creates; POST updates by ContactID and bumps UpdatedDateUTC', async () => {
			const created = await sandbox.api.put<{ Contacts: Rec[] }>('/Contacts', { Contacts: [{ Name: 'Versioned Ltd' }] });
			const contact = created.json.Contacts[0];
			const putAgain = await sandbox.api.put<Rec>('/Contacts', { Contacts: [{ ContactID: contact.ContactID, Name: 'Versioned Ltd 2' }] });
			expect(putAgain.status).toBe(400);
			await new Promise((resolve) => setTimeout(resolve, 5));
			const updated = await sandbox.api.post<{ Contacts: Rec[] }>('/Contacts', { Contacts: [{ ContactID: contact.ContactID, Name: 'Versioned Limited' }] });
			expect(updated.status).toBe(200);
			expect(updated.json.Contacts[0]).toMatchObject({ ContactID: contact.ContactID, Name: 'Versioned Limited' });
			expect(Number(/\d+/.exec(String(updated.json.Contacts[0].UpdatedDateUTC))?.[0])).toBeGreaterThan(Number(/\d+/.exec(String(contact.UpdatedDateUTC))?.[0]));
			const single = await sandbox.api.post<{ Contacts: Rec[] }>(`/Contacts/${String(contact.ContactID)}`, { Contacts: [{ EmailAddress: 'hi@versioned.example' }] });
			expect(single.status).toBe(200);
			expect(single.json.Contacts[0]).toMatchObject({ Name: 'Versioned Limited', EmailAddress: 'hi@versioned.example' });
			const archived = await sandbox.api.post<{ Contacts: Rec[] }>(`/Contacts/${String(contact.ContactID)}`, { Contacts: [{ ContactStatus: 'ARCHIVED' }] });
			expect(archived.json.Contacts[0].ContactStatus).toBe('ARCHIVED');
		});

		it('finds a contact by ContactNumber on /Contacts/{ContactNumber} and answers 404 for an unknown id', async () => {
			const byNumber = await sandbox.api.get<{ Contacts: Rec[] }>('/Contacts/CUST-001');
			expect(byNumber.json.Contacts[0].Name).toBe('ABC Furniture');
			const missing = await sandbox.api.get('/Contacts/7d3e5f60-0000-4000-8000-000000000000');
			expect(missing.status).toBe(404);
		});
	});

	describe('items', () => {
		it('creates an item with sales and purchase accounts that exist', async () => {
			const created = await sandbox.api.put<{ Items: Rec[] }>('/Items', {
				Items: [{ Code: 'CHAIR', Name: 'Office chair', Description: 'Ergonomic chair', SalesDetails: { UnitPrice: 349.5, AccountCode: '200', TaxType: 'OUTPUT2' }, PurchaseDetails: { UnitPrice: 180, AccountCode: '310' } }],
			});
			expect(created.status).toBe(200);
			expect(created.json.Items[0]).toMatchObject({ Code: 'CHAIR', IsSold: true, IsPurchased: true, IsTrackedAsInventory: false });
			expect(created.json.Items[0].UpdatedDateUTC).toMatch(MS_DATE);
		});

		it("rejects a duplicate code with Xero's message and unknown or bank account codes", async () => {
			const clash = await sandbox.api.put<Rec>('/Items', { Items: [{ Code: 'book', Name: 'Another book' }] });
			expect(clash.status).toBe(400);
			expect((clash.json.Elements as Rec[])[0].ValidationErrors).toEqual([{ Message: "Item code 'book' already exists" }]);
			const accounts = await sandbox.api.put<{ Items: Rec[] }>('/Items?summarizeErrors=false', {
				Items: [
					{ Code: 'BAD-1', SalesDetails: { AccountCode: '999' } },
					{ Code: 'BAD-2', PurchaseDetails: { AccountCode: '090' } },
					{ Code: 'BAD-3', SalesDetails: { AccountCode: '200', TaxType: 'NOPE' } },
					{ Code: ' ' },
				],
			});
			expect(accounts.json.Items.map((item) => (item.ValidationErrors as Rec[])?.[0]?.Message)).toEqual([
				"Account code '999' is not a valid code for this document.",
				"Account code '090' is not a valid code for this document.",
				"The TaxType code 'NOPE' is not valid",
				'Item code must be specified.',
			]);
		});

		it('POST updates an item matched by Code', async () => {
			const updated = await sandbox.api.post<{ Items: Rec[] }>('/Items', { Items: [{ Code: 'DESK', Name: 'Standing desk' }] });
			expect(updated.status).toBe(200);
			const byCode = await sandbox.api.get<{ Items: Rec[] }>(`/Items/${String(updated.json.Items[0].ItemID)}`);
			expect(byCode.json.Items[0]).toMatchObject({ Code: 'DESK', Name: 'Standing desk' });
			expect((byCode.json.Items[0].SalesDetails as Rec).UnitPrice).toBe(899);
		});

		it('honours unitdp=4 on unit prices', async () => {
			await sandbox.api.put('/Items', { Items: [{ Code: 'BOLT', SalesDetails: { UnitPrice: 0.1234, AccountCode: '200' } }] });
			const two = await sandbox.api.get<{ Items: Rec[] }>('/Items?where=Code%3D%3D%22BOLT%22');
			const four = await sandbox.api.get<{ Items: Rec[] }>('/Items?where=Code%3D%3D%22BOLT%22&unitdp=4');
			expect((two.json.Items[0].SalesDetails as Rec).UnitPrice).toBe(0.12);
			expect((four.json.Items[0].SalesDetails as Rec).UnitPrice).toBe(0.1234);
		});

		it('deletes an unused item and refuses one used on an invoice', async () => {
			const created = await sandbox.api.put<{ Items: Rec[] }>('/Items', { Items: [{ Code: 'TEMP' }] });
			expect((await sandbox.api.delete(`/Items/${String(created.json.Items[0].ItemID)}`)).status).toBe(204);
			const book = (sandbox.xero.state()[sandbox.tenantId].items as Rec[]).find((item) => item.Code === 'DESK');
			expect((await sandbox.api.delete(`/Items/${String(book?.ItemID)}`)).status).toBe(400);
		});
	});

	describe('accounts', () => {
		it('creates one with PUT /Accounts and updates it with POST /Accounts/{id}', async () => {
			const created = await sandbox.api.put<{ Accounts: Rec[] }>('/Accounts', { Code: '455', Name: 'Subscriptions', Type: 'EXPENSE', TaxType: 'INPUT2' });
			expect(created.status).toBe(200);
			const account = created.json.Accounts[0];
			expect(account).toMatchObject({ Code: '455', Class: 'EXPENSE', Status: 'ACTIVE' });
			const updated = await sandbox.api.post<{ Accounts: Rec[] }>(`/Accounts/${String(account.AccountID)}`, { Accounts: [{ Name: 'Software subscriptions' }] });
			expect(updated.json.Accounts[0]).toMatchObject({ Code: '455', Name: 'Software subscriptions' });
			const archived = await sandbox.api.post<{ Accounts: Rec[] }>(`/Accounts/${String(account.AccountID)}`, { Accounts: [{ Status: 'ARCHIVED' }] });
			expect(archived.json.Accounts[0].Status).toBe('ARCHIVED');
		});

		it("rejects duplicate codes and names and a bank account without a number, in Xero's error shape", async () => {
			const duplicate = await sandbox.api.put<Rec>('/Accounts', { Code: '200', Name: 'Sales', Type: 'REVENUE' });
			expect(duplicate.status).toBe(400);
			expect(duplicate.json).toMatchObject({ ErrorNumber: 10, Type: 'ValidationException' });
			expect((duplicate.json.Elements as Rec[])[0].ValidationErrors).toEqual([{ Message: 'Please enter a unique Code.' }, { Message: 'Please enter a unique Name.' }]);
			const bank = await sandbox.api.put<Rec>('/Accounts', { Code: '095', Name: 'Cheque account', Type: 'BANK' });
			expect((bank.json.Elements as Rec[])[0].ValidationErrors).toEqual([{ Message: 'Please enter a Bank Account Number.' }]);
		});

		describe('without the yaml check in front (as the fuzz runs it)', () => {
			const plain = signedInSandbox({ data: 'demo', validate: false });
			it('refuses a Type that names a method of every object ("toString", "constructor") as any unknown type, not with a 500', async () => {
				for (const type of ['toString', 'constructor']) {
					const wrong = await plain.api.put<Rec>('/Accounts', { Code: `T${type.length}`, Name: `Odd ${type}`, Type: type });
					expect(wrong.status).toBe(400);
					expect((wrong.json.Elements as Rec[])[0].ValidationErrors).toEqual([{ Message: `Account Type ${type} is not valid.` }]);
				}
			});
		});

		it('refuses an account type the yaml does not know, before any rule runs', async () => {
			const before = sandbox.xero.validation().specs['xero_accounting.yaml'];
			sandbox.xero.expectRequestViolations(1);
			const wrong = await sandbox.api.put<Rec>('/Accounts', { Code: '456', Name: 'Odd', Type: 'MADEUP' });
			expect(wrong.status).toBe(400);
			expect(wrong.json).toMatchObject({ ErrorNumber: 14, Type: 'PostDataInvalidException' });
			expect(String(wrong.json.Message)).toContain('/requestBody/Type');
			const after = sandbox.xero.validation().specs['xero_accounting.yaml'];
			expect(after.expectedRequestRejections - before.expectedRequestRejections).toBe(1);
			expect(after.requestFailures).toBe(before.requestFailures);
			expect(sandbox.xero.state()[sandbox.tenantId].accounts).not.toContainEqual(expect.objectContaining({ Code: '456' }));
		});
	});
});
