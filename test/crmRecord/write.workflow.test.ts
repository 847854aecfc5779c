import { DEMO_IDS } from '../../sandbox/vtiger';
import { crmForBlock, failureOf, failuresByItem, moduleParam, runCrm } from './workflow';

const crm = crmForBlock();

function mapped(value: Record<string, string | number | boolean>) {
	return { mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] };
}

function autoMapped() {
	return { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] };
}

const accounts = () => crm.records('Accounts');

describe('Create', () => {
	test('creates from mapped fields; the owner defaults to the credential user; output is typed', async () => {
		const { main, errors } = await runCrm(crm, {
			operation: 'create',
			module: moduleParam('Accounts'),
			inputMode: 'fields',
			fields: mapped({ accountname: '={{ $json.name }}', annual_revenue: '={{ $json.revenue }}', emailoptout: true }),
		}, [{ name: 'Fresh Fields Ltd', revenue: 1250000.5 }]);
		expect(errors).toHaveLength(0);
		expect(main).toHaveLength(1);
		expect(main[0].json).toMatchObject({
			accountname: 'Fresh Fields Ltd',
			annual_revenue: 1250000.5,
			emailoptout: true,
			assigned_user_id: '19x1',
			phone: '',
		});
		expect(main[0].pairedItem).toEqual({ item: 0 });
		expect(accounts().filter((r) => r.accountname === 'Fresh Fields Ltd')).toHaveLength(1);
	});

	test('bad records go to the error branch with specific messages, good ones are written, none is lost', async () => {
		const before = crm.records('Contacts').length;
		const { main, errors } = await runCrm(crm, {
			operation: 'create',
			module: moduleParam('Contacts'),
			inputMode: 'fields',
			fields: autoMapped(),
		}, [
			{ firstname: 'Good', lastname: 'Person', account_id: DEMO_IDS.accounts.ridgeway },
			{ firstname: 'No', lastname: '' },
			{ firstname: 'Dangling', lastname: 'Reference', account_id: '11x999999' },
			{ firstname: 'Wrong', lastname: 'Module', account_id: DEMO_IDS.products.book },
		]);
		expect(main.map((item) => item.json.lastname)).toEqual(['Person']);
		expect(errors).toHaveLength(3);
		const byItem = failuresByItem(errors);
		expect(byItem[1].entry).toMatchObject({
			app: 'CRM',
			result: 'Failed',
			flow: 'Xero → CRM',
			action: 'Create Contacts',
			code: 'MANDATORY_FIELDS_MISSING',
		});
		expect(byItem[2].entry.code).toBe('REFERENCE_MISSING');
		expect(errors[0].json.message).toBe(byItem[(errors[0].pairedItem as { item: number }).item].message);
		expect(byItem[1].message).toMatch(/Contacts record "No" is missing the mandatory field "Last Name" \(lastname\)/);
		expect(byItem[2].message).toMatch(/"Dangling Reference": account_id = 11x999999 refers to a Accounts record that does not exist/);
		expect(byItem[3].message).toMatch(/account_id = 14x12 is not a Accounts record/);
		expect(crm.records('Contacts').length).toBe(before + 1);
	});

	test('with the up-front check off, a reference vtiger silently dropped is still reported, naming the written record', async () => {
		const { main, errors } = await runCrm(crm, {
			operation: 'create',
			module: moduleParam('Contacts'),
			inputMode: 'fields',
			fields: mapped({ lastname: 'Dropped', account_id: '11x999999' }),
			writeOptions: { checkReferences: false },
		});
		expect(main).toHaveLength(0);
		const failure = failureOf(errors[0]);
		const written = crm.records('Contacts').find((c) => c.lastname === 'Dropped') as Record<string, unknown>;
		expect(written.account_id).toBe('');
		expect(failure.entry).toMatchObject({ code: 'REFERENCE_DROPPED', crmId: written.id });
		expect(failure.message).toBe(
			`Contacts record "Dropped" was written as ${String(written.id)}, but vtiger dropped account_id = 11x999999: no such record. Fix the reference and update ${String(written.id)}.`,
		);
	});

	test('a duplicate account name is reported as a duplicate with the record named', async () => {
		const { errors, main } = await runCrm(crm, {
			operation: 'create',
			module: moduleParam('Accounts'),
			inputMode: 'fields',
			fields: mapped({ accountname: 'bayside club' }),
		});
		expect(main).toHaveLength(0);
		const failure = failureOf(errors[0]);
		expect(failure.entry).toMatchObject({ code: 'DUPLICATE', action: 'Create Accounts' });
		expect(failure.message).toMatch(/Accounts record "bayside club" duplicates an existing Accounts record/);
		expect(failure.description).toMatch(/Use Upsert .* \(vtiger 0: Duplicate\(s\) detected!\)/);
	});

	test('an invoice is created with its line items; without any it is refused up front', async () => {
		const header = {
			subject: '={{ $json.subject }}',
			account_id: DEMO_IDS.accounts.marine,
			bill_street: '1 Quay',
			ship_street: '1 Quay',
			invoicestatus: 'Created',
		};
		const { main, errors } = await runCrm(crm, {
			operation: 'create',
			module: moduleParam('Invoice'),
			inputMode: 'fields',
			fields: mapped(header),
			lineItems: {
				item: [
					{ productid: DEMO_IDS.products.tshirt, quantity: 2, listprice: 15.5, comment: 'shirts' },
					{ productid: DEMO_IDS.services.devDay, quantity: 1, listprice: 800, discount_percent: 10 },
				],
			},
		}, [{ subject: 'Line item test' }]);
		expect(errors).toHaveLength(0);
		const lines = main[0].json.LineItems as Array<Record<string, unknown>>;
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatchObject({ productid: DEMO_IDS.products.tshirt, quantity: 2, listprice: 15.5 });
		expect(lines[1]).toMatchObject({ productid: DEMO_IDS.services.devDay, discount_percent: 10 });

		const none = await runCrm(crm, {
			operation: 'create',
			module: moduleParam('Invoice'),
			inputMode: 'fields',
			fields: mapped(header),
		}, [{ subject: 'No lines' }]);
		expect(failureOf(none.errors[0]).message).toMatch(/Invoice record "No lines" needs at least one line item/);
	});
});

describe('Update', () => {
	test('changes only the mapped fields (revise) and keeps the rest', async () => {
		const before = accounts().find((r) => r.id === DEMO_IDS.accounts.marine) as Record<string, unknown>;
		const { main, errors } = await runCrm(crm, {
			operation: 'update',
			module: moduleParam('Accounts'),
			recordId: '={{ $json.id }}',
			inputMode: 'fields',
			fields: mapped({ phone: '+61 2 5550 1234' }),
		}, [{ id: DEMO_IDS.accounts.marine }]);
		expect(errors).toHaveLength(0);
		expect(main[0].json).toMatchObject({ id: DEMO_IDS.accounts.marine, phone: '+61 2 5550 1234', bill_city: before.bill_city });
	});

	test('an update that changes nothing is not written, so modifiedtime stays', async () => {
		const params = {
			operation: 'update',
			module: moduleParam('Accounts'),
			recordId: DEMO_IDS.accounts.marine,
			inputMode: 'fields',
			fields: mapped({ cf_xero_contact_id: 'xero-marine-1' }),
		};
		const first = await runCrm(crm, params);
		expect(first.main[0].json.cf_xero_contact_id).toBe('xero-marine-1');
		const modified = first.main[0].json.modifiedtime;
		const revisesBefore = crm.state().calls.revise ?? 0;
		crm.clock.advance(5);
		const second = await runCrm(crm, params);
		expect(second.errors).toHaveLength(0);
		expect(second.main[0].json).toMatchObject({ id: DEMO_IDS.accounts.marine, cf_xero_contact_id: 'xero-marine-1', modifiedtime: modified });
		expect((crm.state().calls.revise ?? 0) - revisesBefore).toBe(0);
	});

	test('a missing record and a blanked mandatory field fail with their own messages', async () => {
		const { errors } = await runCrm(crm, {
			operation: 'update',
			module: moduleParam('Accounts'),
			recordId: '={{ $json.id }}',
			inputMode: 'fields',
			fields: autoMapped(),
			writeOptions: { sendEmpty: true },
		}, [{ id: '11x999999', phone: '1' }, { id: DEMO_IDS.accounts.marine, accountname: '' }]);
		expect(errors).toHaveLength(2);
		expect(failureOf(errors[0]).message).toMatch(/no Accounts record with id 11x999999/);
		expect(failureOf(errors[0]).description).toBe('vtiger ACCESS_DENIED: Permission to perform the operation is denied');
		expect(failureOf(errors[0]).entry).toMatchObject({ crmId: '11x999999', code: 'ACCESS_DENIED', action: 'Update Accounts' });
		expect(failureOf(errors[1]).message).toMatch(/would blank the mandatory field "Organization Name"/);
	});
});

describe('Upsert', () => {
	const params = {
		operation: 'upsert',
		module: moduleParam('Accounts'),
		inputMode: 'fields',
		fields: autoMapped(),
		matchOn: ['accountname'],
	};
	const input = [
		{ accountname: 'RIDGEWAY UNIVERSITY', bill_city: 'Wellington' },
		{ accountname: 'Neill Traders', bill_city: 'Dunedin' },
		{ accountname: 'Neill Traders', bill_city: 'Dunedin' },
	];

	test('one lookup query per batch (and one after creating); existing records are updated, new ones created once', async () => {
		const queriesBefore = crm.state().calls.query ?? 0;
		const createsBefore = crm.state().calls.create ?? 0;
		const { main, errors } = await runCrm(crm, params, input);
		expect(errors).toHaveLength(0);
		expect(main.map((item) => item.json.id)).toEqual([DEMO_IDS.accounts.ridgeway, main[1].json.id, main[1].json.id]);
		expect(crm.state().calls.create! - createsBefore).toBe(1);
		// one lookup for the batch and one for the record it created (in case an overlapping run created it too);
		// the reference check of nothing sends no query
		expect(crm.state().calls.query! - queriesBefore).toBe(2);
		expect(accounts().filter((r) => String(r.accountname).toLowerCase() === 'neill traders')).toHaveLength(1);
	});

	test('a second run creates nothing and, with nothing changed, writes nothing', async () => {
		const createsBefore = crm.state().calls.create ?? 0;
		const revisesBefore = crm.state().calls.revise ?? 0;
		const { main, errors } = await runCrm(crm, params, input);
		expect(errors).toHaveLength(0);
		expect(main).toHaveLength(3);
		expect((crm.state().calls.create ?? 0) - createsBefore).toBe(0);
		expect((crm.state().calls.revise ?? 0) - revisesBefore).toBe(0);
	});

	test('several matching records are an error, not a guess; a blank match value is refused', async () => {
		const { errors } = await runCrm(crm, {
			...params,
			matchOn: ['bill_country'],
		}, [{ accountname: 'Kiwi Co', bill_country: 'New Zealand' }, { accountname: 'Nowhere Co' }]);
		expect(errors).toHaveLength(2);
		expect(failureOf(errors[0]).entry.code).toBe('AMBIGUOUS_MATCH');
		expect(failureOf(errors[0]).message).toMatch(/2 records match bill_country = "New Zealand" \(11x2, 11x3\)/);
		expect(failureOf(errors[1]).message).toMatch(/match field bill_country has no value/);
	});

	test('matches text as vtiger\'s MySQL does: code "7" is not product "007", "cafe" is "Café"', async () => {
		const products = (code: string) => crm.records('Products').filter((record) => record.productcode === code);
		const { main: planted } = await runCrm(crm, { operation: 'create', module: moduleParam('Products'), inputMode: 'fields', fields: autoMapped() }, [
			{ productname: 'Double-O Seven', productcode: '007' },
			{ productname: 'Coffee', productcode: 'Café' },
		]);
		const { main, errors } = await runCrm(crm, { ...params, module: moduleParam('Products'), matchOn: ['productcode'] }, [
			{ productname: 'Seven', productcode: '7' },
			{ productname: 'Double-O Seven, revised', productcode: '007' },
			{ productname: 'Coffee, revised', productcode: 'CAFE' },
		]);
		expect(errors).toHaveLength(0);
		expect(main[0].json.id).not.toBe(planted[0].json.id);
		expect(main[1].json.id).toBe(planted[0].json.id);
		expect(main[2].json.id).toBe(planted[1].json.id);
		expect(products('007')).toMatchObject([{ productname: 'Double-O Seven, revised' }]);
		expect(products('7')).toMatchObject([{ productname: 'Seven' }]);
	});
});

describe('Delete', () => {
	test('deletes, and a second delete of the same id fails with a clear message', async () => {
		const id = String(accounts().find((r) => r.accountname === 'Fresh Fields Ltd')?.id);
		const params = { operation: 'delete', module: moduleParam('Accounts'), recordId: '={{ $json.id }}' };
		const first = await runCrm(crm, params, [{ id }]);
		expect(first.main[0].json).toEqual({ id, module: 'Accounts', deleted: true });
		const second = await runCrm(crm, params, [{ id }]);
		expect(failureOf(second.errors[0]).message).toMatch(new RegExp(`no Accounts record with id ${id}`));
	});
});

describe('currency decimals', () => {
	test('an amount the CRM rounded (user preference 0 decimals, a fresh install\'s default) is reported', async () => {
		crm.setCurrencyDecimals(0);
		try {
			const { main, errors } = await runCrm(crm, {
				operation: 'create',
				module: moduleParam('Products'),
				inputMode: 'fields',
				fields: mapped({ productname: 'Half Dollar Widget', unit_price: 100.5 }),
			});
			expect(main).toHaveLength(0);
			const failure = failureOf(errors[0]);
			const written = crm.records('Products').find((p) => p.productname === 'Half Dollar Widget') as Record<string, unknown>;
			expect(failure.entry).toMatchObject({ code: 'CURRENCY_ROUNDED', crmId: written.id });
			expect(failure.message).toBe(
				`Products record "Half Dollar Widget" was written as ${String(written.id)}, but the CRM rounded unit_price 100.5 to 101. Set "Number of Currency Decimals" to 2 in the CRM user's My Preferences, then update ${String(written.id)} again.`,
			);
		} finally {
			crm.setCurrencyDecimals(2);
		}
		const ok = await runCrm(crm, {
			operation: 'create',
			module: moduleParam('Products'),
			inputMode: 'fields',
			fields: mapped({ productname: 'Exact Widget', unit_price: 100.5 }),
		});
		expect(ok.main[0].json.unit_price).toBe(100.5);
	});
});

describe('ids of another module', () => {
	test('are refused before vtiger acts on them as whatever they are', async () => {
		const contact = DEMO_IDS.contacts.marine;
		const { main, errors } = await runCrm(crm, { operation: 'delete', module: moduleParam('Accounts'), recordId: contact });
		expect(main).toHaveLength(0);
		expect(failureOf(errors[0]).message).toBe(`Accounts record ${contact}: ${contact} is not a Accounts record (Accounts ids start with 11x)`);
		expect(failureOf(errors[0]).entry.code).toBe('WRONG_MODULE');
		expect(crm.records('Contacts').some((c) => c.id === contact)).toBe(true);

		const update = await runCrm(crm, {
			operation: 'update',
			module: moduleParam('Accounts'),
			recordId: 'not-an-id',
			inputMode: 'fields',
			fields: mapped({ phone: '1' }),
		});
		expect(failureOf(update.errors[0]).message).toBe('Accounts record not-an-id: "not-an-id" is not a record id such as 11x42');
	});
});

describe('On Error: Stop Workflow', () => {
	test('the run stops with one error naming the failed records', async () => {
		const { run } = await runCrm(
			crm,
			{ operation: 'get', module: moduleParam('Accounts'), recordId: '={{ $json.id }}' },
			[{ id: DEMO_IDS.accounts.bayside }, { id: '11x999998' }],
			{ onError: 'stopWorkflow' },
		);
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/^1 of 2 records failed:\n- Accounts record 11x999998: no Accounts record/);
	});
});

test('three items of one batch with the same new key: one create, the later two update it, no ambiguity', async () => {
	const name = 'Triple Input Ltd';
	const { main, errors } = await runCrm(
		crm,
		{ operation: 'upsert', module: moduleParam('Accounts'), inputMode: 'fields', fields: autoMapped(), matchOn: ['accountname'] },
		[
			{ accountname: name, bill_city: 'Napier' },
			{ accountname: name, bill_city: 'Hastings' },
			{ accountname: name, bill_city: 'Taupo' },
		],
	);
	expect(errors).toEqual([]);
	const stored = accounts().filter((r) => r.accountname === name);
	expect(stored).toHaveLength(1);
	expect(stored[0].bill_city).toBe('Taupo');
	expect(main.map((item) => item.json.id)).toEqual([stored[0].id, stored[0].id, stored[0].id]);
});
