import { readFileSync } from 'fs';
import { join } from 'path';

import { fieldTypes, normaliseRecord, normaliseValue } from '../../nodes/CrmRecord/helpers/normalise';
import { toVtigerElement, toVtigerValue } from '../../nodes/CrmRecord/helpers/writeValues';
import type { DescribeResult } from '../../nodes/CrmRecord/transport/types';

const TRANSCRIPTS = '/work/shared/vtiger-7.5-transcripts';

function transcriptResult(file: string, exchange = -1): Record<string, unknown> {
	const data = JSON.parse(readFileSync(join(TRANSCRIPTS, file), 'utf8'));
	const exchanges = data.exchanges;
	return exchanges[exchange < 0 ? exchanges.length + exchange : exchange].response.body.result;
}

const invoiceDescribe = transcriptResult('05_describe_Invoice.json') as unknown as DescribeResult;
const accountsDescribe = transcriptResult('05_describe_Accounts.json') as unknown as DescribeResult;

describe('normaliseValue', () => {
	test.each([
		['1250000.50000000', 'currency', 1250000.5],
		['42', 'integer', 42],
		['2.000', 'double', 2],
		['-3.5', 'percent', -3.5],
		['1', 'boolean', true],
		['0', 'boolean', false],
		['', 'currency', ''],
		['', 'boolean', ''],
		['not a number', 'double', 'not a number'],
		['0042', 'string', '0042'],
		['11x2', 'reference', '11x2'],
	])('%j as %s → %j', (value, type, expected) => {
		expect(normaliseValue(value, type)).toBe(expected);
	});

	test('values vtiger already sends as JSON numbers or null pass through', () => {
		expect(normaliseValue(340.473, 'currency')).toBe(340.473);
		expect(normaliseValue(null, 'double')).toBeNull();
	});
});

describe('normaliseRecord on the recorded invoice', () => {
	const invoice = transcriptResult('21_retrieve_invoice.json', 0);
	const out = normaliseRecord(invoice, fieldTypes(invoiceDescribe));

	test('money and quantities become numbers, ids and dates stay text', () => {
		expect(out.hdnGrandTotal).toBe(340.473);
		expect(out.txtAdjustment).toBe(0);
		expect(out.conversion_rate).toBe(1);
		expect(out.account_id).toBe('11x2');
		expect(out.invoicedate).toBe('2024-01-15');
		expect(out.invoice_no).toBe('INV1');
	});

	test('empty fields stay "" and booleans become booleans', () => {
		expect(out.hdnDiscountPercent).toBe('');
		expect(out.starred).toBe(false);
	});

	test('line items get numbers and their real parent instead of "7xArray"', () => {
		const lines = out.LineItems as Array<Record<string, unknown>>;
		expect(lines).toHaveLength(3);
		expect(lines[0]).toMatchObject({ parent_id: '7x130', quantity: 2, listprice: 100.5, sequence_no: 1, productid: '14x127' });
		expect(lines[1].discount_percent).toBe(10);
		expect(lines[2].entity_type).toBe('Services');
	});

	test('the display-formatted LineItems_FinalDetails is left to the raw output', () => {
		expect(invoice.LineItems_FinalDetails).toBeDefined();
		expect(out.LineItems_FinalDetails).toBeUndefined();
	});
});

describe('toVtigerValue', () => {
	test('ISO dates and datetimes become vtiger formats in UTC', () => {
		expect(toVtigerValue('2024-01-15T10:00:00.000Z', 'date')).toBe('2024-01-15');
		expect(toVtigerValue('2024-01-15T23:30:00+13:00', 'datetime')).toBe('2024-01-15 10:30:00');
		expect(toVtigerValue('2024-01-15T08:05', 'datetime')).toBe('2024-01-15 08:05:00');
		expect(toVtigerValue(new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), 'datetime')).toBe('2024-01-02 03:04:05');
	});

	test('text that is not an ISO date is sent as it is (vtiger also accepts dd-mm-yyyy)', () => {
		expect(toVtigerValue('17-05-1990', 'date')).toBe('17-05-1990');
	});

	test('booleans become "1"/"0", null becomes empty', () => {
		expect(toVtigerValue(true, 'boolean')).toBe('1');
		expect(toVtigerValue('false', 'boolean')).toBe('0');
		expect(toVtigerValue(null, 'string')).toBe('');
	});

	test('an element is converted field by field with the describe types', () => {
		expect(
			toVtigerElement({ emailoptout: true, annual_revenue: 1000.25, accountname: 'X' }, fieldTypes(accountsDescribe)),
		).toEqual({ emailoptout: '1', annual_revenue: 1000.25, accountname: 'X' });
	});
});
