import type { IDataObject } from 'n8n-workflow';

import type { EventFilter } from '../../nodes/XeroTrigger/helpers/events';
import { remember } from '../../nodes/XeroTrigger/helpers/recordMemory';
import { XERO_RESOURCES as RESOURCE_SPECS } from '../../nodes/shared/xero/resources';
import type { ScopeState } from '../../nodes/XeroTrigger/helpers/scope';
import { processScope, scopeToPoll } from '../../nodes/XeroTrigger/helpers/scope';

const T0 = Date.UTC(2026, 10, 21, 12, 0, 0, 0);
const invoiceId = (n: number) => `1111111${n}-aaaa-bbbb-cccc-dddddddddddd`;
const invoice = (n: number, status: string, at: number): IDataObject => ({
	InvoiceID: invoiceId(n),
	InvoiceNumber: `INV-000${n}`,
	Status: status,
	UpdatedDateUTC: `/Date(${T0 + at}+0000)/`,
});

const anyChange: EventFilter = { event: 'createdOrUpdated', becameStatuses: [] };
const becamePaid: EventFilter = { event: 'statusChanged', becameStatuses: ['PAID'] };

function poll(state: ScopeState, filter: EventFilter, records: IDataObject[]) {
	const result = processScope(state, RESOURCE_SPECS.invoice, filter, records);
	return { ...result, next: JSON.parse(JSON.stringify(result.next)) as ScopeState };
}

describe('scope state', () => {
	it('starts from now without a backfill date, and from the date with one', () => {
		const fresh = scopeToPoll(undefined, undefined, T0);
		expect(fresh.cursor.sinceMs).toBe(T0);
		expect(fresh.origin).toBe('now');
		const backfill = scopeToPoll(undefined, '2026-01-01T00:00:00Z', T0);
		expect(backfill.cursor.sinceMs).toBe(Date.UTC(2026, 0, 1));
	});

	it('keeps a stored scope unless a different backfill date is chosen', () => {
		const stored = poll(scopeToPoll(undefined, undefined, T0), anyChange, [invoice(1, 'DRAFT', 10)]).next;
		expect(scopeToPoll(stored, undefined, T0 + 60_000)).toBe(stored);
		const backfilled = scopeToPoll(stored, '2026-01-01', T0 + 60_000);
		expect(backfilled).not.toBe(stored);
		expect(scopeToPoll(backfilled, '2026-01-01', T0 + 120_000)).toBe(backfilled);
		expect(scopeToPoll({ cursor: 'broken' }, undefined, T0).origin).toBe('now');
	});
});

describe('created, updated and status changes', () => {
	it('calls an unseen ID created and a seen one updated', () => {
		let state = scopeToPoll(undefined, undefined, T0);
		const first = poll(state, anyChange, [invoice(1, 'DRAFT', 10)]);
		expect(first.triggered.map((t) => t.change.kind)).toEqual(['created']);
		state = first.next;
		const second = poll(state, anyChange, [invoice(1, 'DRAFT', 2000), invoice(2, 'DRAFT', 2100)]);
		expect(second.triggered.map((t) => [t.record.InvoiceNumber, t.change.kind])).toEqual([
			['INV-0001', 'updated'],
			['INV-0002', 'created'],
		]);
	});

	it('"became PAID" fires once when an invoice is paid, not on later edits, and not for other statuses', () => {
		let state = scopeToPoll(undefined, undefined, T0);
		let result = poll(state, becamePaid, [invoice(1, 'AUTHORISED', 10)]);
		expect(result.triggered).toHaveLength(0);
		state = result.next;
		result = poll(state, becamePaid, [invoice(1, 'PAID', 2000)]);
		expect(result.triggered).toHaveLength(1);
		expect(result.triggered[0].change.previousStatus).toBe('AUTHORISED');
		state = result.next;
		result = poll(state, becamePaid, [invoice(1, 'PAID', 4000)]);
		expect(result.triggered).toHaveLength(0);
		state = result.next;
		result = poll(state, becamePaid, [invoice(1, 'VOIDED', 6000)]);
		expect(result.triggered).toHaveLength(0);
	});

	it('counts an invoice first seen already PAID as having become PAID (its earlier status is unknown)', () => {
		const result = poll(scopeToPoll(undefined, undefined, T0), becamePaid, [invoice(3, 'PAID', 10)]);
		expect(result.triggered).toHaveLength(1);
		expect(result.triggered[0].change.previousStatus).toBeNull();
	});

	it('any status change fires when no status is chosen', () => {
		const any: EventFilter = { event: 'statusChanged', becameStatuses: [] };
		let state = poll(scopeToPoll(undefined, undefined, T0), any, [invoice(1, 'DRAFT', 10)]).next;
		const edit = poll(state, any, [invoice(1, 'DRAFT', 2000)]);
		expect(edit.triggered).toHaveLength(0);
		state = edit.next;
		expect(poll(state, any, [invoice(1, 'AUTHORISED', 4000)]).triggered).toHaveLength(1);
	});

	it('remembers records filtered out, so the next change of them is an update', () => {
		const createdOnly: EventFilter = { event: 'created', becameStatuses: [] };
		const state = poll(scopeToPoll(undefined, undefined, T0), createdOnly, [invoice(1, 'DRAFT', 10)]).next;
		expect(poll(state, createdOnly, [invoice(1, 'AUTHORISED', 2000)]).triggered).toHaveLength(0);
		const updatedOnly: EventFilter = { event: 'updated', becameStatuses: [] };
		expect(poll(state, updatedOnly, [invoice(1, 'AUTHORISED', 2000)]).triggered).toHaveLength(1);
	});

	it('bounds the memory, forgetting the least recently seen record first', () => {
		let memory = {};
		for (let i = 0; i < 5; i++) memory = remember(memory, invoiceId(i), 'DRAFT', 3);
		memory = remember(memory, invoiceId(2), 'PAID', 3);
		expect(Object.keys(memory)).toEqual([invoiceId(3), invoiceId(4), invoiceId(2)]);
	});

	it('ignores records without an ID and changes from before the start', () => {
		const result = poll(scopeToPoll(undefined, undefined, T0 + 500), anyChange, [
			{ Status: 'DRAFT', UpdatedDateUTC: `/Date(${T0 + 900}+0000)/` },
			invoice(1, 'DRAFT', 100),
			invoice(2, 'DRAFT', 900),
		]);
		expect(result.triggered.map((t) => t.record.InvoiceNumber)).toEqual(['INV-0002']);
	});
});
