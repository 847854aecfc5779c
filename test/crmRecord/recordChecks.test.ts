import { readFileSync } from 'fs';
import { join } from 'path';

import { explainVtigerError } from '../../nodes/CrmRecord/helpers/recordErrors';
import { recordLabel } from '../../nodes/CrmRecord/helpers/recordLabel';
import { missingMandatoryFields, referenceValues } from '../../nodes/CrmRecord/helpers/validateRecord';
import { VtigerApiError } from '../../nodes/CrmRecord/transport/VtigerApiError';
import type { DescribeResult } from '../../nodes/CrmRecord/transport/types';

function describeOf(module: string): DescribeResult {
	const data = JSON.parse(readFileSync(join('/work/shared/vtiger-7.5-transcripts', `05_describe_${module}.json`), 'utf8'));
	return data.exchanges[data.exchanges.length - 1].response.body.result;
}

const accounts = describeOf('Accounts');
const contacts = describeOf('Contacts');
const invoice = describeOf('Invoice');

describe('mandatory fields', () => {
	test('every missing one is named, the owner is ours to fill', () => {
		expect(missingMandatoryFields({ accountname: '' }, accounts, 'create')).toEqual(['accountname']);
		expect(missingMandatoryFields({ accountname: 'Acme' }, accounts, 'create')).toEqual([]);
	});

	test('an invoice needs its header fields, not the line-item columns describe also lists', () => {
		expect(missingMandatoryFields({ subject: 'S' }, invoice, 'create').sort()).toEqual([
			'account_id',
			'bill_street',
			'ship_street',
		]);
	});

	test('a partial update only fails when it blanks a mandatory field it sends', () => {
		expect(missingMandatoryFields({ phone: '1' }, accounts, 'revise')).toEqual([]);
		expect(missingMandatoryFields({ accountname: ' ' }, accounts, 'revise')).toEqual(['accountname']);
	});
});

describe('references', () => {
	test('reference fields and line-item products are collected; Users/Currency are left to vtiger', () => {
		const refs = referenceValues(
			{ account_id: '11x2', contact_id: '', currency_id: '21x1', LineItems: [{ productid: '14x127' }, { productid: '26x129' }] },
			invoice,
		);
		expect(refs).toEqual([
			{ field: 'account_id', id: '11x2', refersTo: ['Accounts'] },
			{ field: 'LineItems[0].productid', id: '14x127', refersTo: ['Products', 'Services'] },
			{ field: 'LineItems[1].productid', id: '26x129', refersTo: ['Products', 'Services'] },
		]);
	});

	test('a Contacts account_id is checked against Accounts', () => {
		expect(referenceValues({ account_id: '11x999999' }, contacts)).toEqual([
			{ field: 'account_id', id: '11x999999', refersTo: ['Accounts'] },
		]);
	});
});

describe('messages', () => {
	const label = recordLabel({ accountname: 'Acme Ltd' }, accounts, 0);

	test('records are named by their label fields, else the id, else the item', () => {
		expect(label).toBe('"Acme Ltd"');
		expect(recordLabel({ firstname: 'Jane', lastname: 'Doe' }, contacts, 0)).toBe('"Jane Doe"');
		expect(recordLabel({ id: '11x9' }, accounts, 0)).toBe('11x9');
		expect(recordLabel({}, accounts, 4)).toBe('item 5');
	});

	test('missing mandatory field names record and field', () => {
		const explained = explainVtigerError(
			new VtigerApiError('MANDATORY_FIELDS_MISSING', 'accountname does not have a value', 'create'),
			{ module: 'Accounts', label, describe: accounts },
		);
		expect(explained.message).toBe('Accounts record "Acme Ltd" is missing the mandatory field "Organization Name" (accountname)');
	});

	test('the duplicate code 0 gets its own code and a way out', () => {
		const explained = explainVtigerError(new VtigerApiError('0', 'Duplicate(s) detected!', 'create'), {
			module: 'Accounts',
			label,
		});
		expect(explained.code).toBe('DUPLICATE');
		expect(explained.message).toMatch(/Accounts record "Acme Ltd" duplicates an existing Accounts record/);
		expect(explained.description).toMatch(/Upsert/);
	});

	test('"permission denied" on an id says the record does not exist', () => {
		const explained = explainVtigerError(
			new VtigerApiError('ACCESS_DENIED', 'Permission to perform the operation is denied', 'retrieve'),
			{ module: 'Accounts', label: '11x126', id: '11x126' },
		);
		expect(explained.message).toMatch(/no Accounts record with id 11x126/);
	});

	test('a wrong-module reference names the field', () => {
		const explained = explainVtigerError(
			new VtigerApiError('REFERENCE_INVALID', 'Invalid reference specified for account_id', 'create'),
			{ module: 'Contacts', label: '"Jane Doe"', describe: contacts },
		);
		expect(explained.message).toMatch(/account_id\) points to a record of the wrong module/);
	});
});
