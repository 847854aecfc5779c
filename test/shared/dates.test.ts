import { DateTime } from 'luxon';
import { calendarDate, instantIn } from '../../nodes/shared/dates';
import { XERO_RESOURCES } from '../../nodes/shared/xero/resources';
import { listQuery } from '../../nodes/XeroSync/get/listQuery';

/** Issue 11, defect 8: a date range entered east of UTC became the previous day (toISOString().slice(0, 10)). */
describe('date filters keep the date the user gave, in the workflow timezone', () => {
	const serverZone = process.env.TZ;
	beforeAll(() => {
		// The n8n server itself east of UTC, as in the report.
		process.env.TZ = 'Pacific/Auckland';
	});
	afterAll(() => {
		process.env.TZ = serverZone;
	});

	it('a date from the date picker is that date, whatever the server zone', () => {
		const qs = listQuery(XERO_RESOURCES.invoice, { dateFrom: '2026-01-05T00:00:00', dateTo: '2026-01-31' }, 'Pacific/Auckland');
		expect(qs.where).toBe('(Date>=DateTime(2026, 1, 5)) AND (Date<=DateTime(2026, 1, 31))');
		// Midnight 5 January in Auckland, as an instant (what `new Date(...)` of that date serialises to).
		const instant = listQuery(XERO_RESOURCES.invoice, { dateFrom: '2026-01-04T11:00:00.000Z' }, 'Pacific/Auckland');
		expect(instant.where).toBe('Date>=DateTime(2026, 1, 5)');
	});

	it('an instant is read in the workflow timezone', () => {
		expect(calendarDate('2026-01-04T11:00:00.000Z', 'Pacific/Auckland')).toBe('2026-01-05');
		expect(calendarDate('2026-01-04T11:00:00.000Z', 'America/New_York')).toBe('2026-01-04');
		expect(calendarDate(new Date(Date.UTC(2026, 0, 4, 11)), 'Asia/Tokyo')).toBe('2026-01-04');
		expect(calendarDate(DateTime.fromISO('2026-01-05T09:00:00', { zone: 'Australia/Sydney' }), 'Australia/Sydney')).toBe('2026-01-05');
		expect(calendarDate('2026-01-05T00:30:00+13:00', 'UTC')).toBe('2026-01-05');
		expect(calendarDate('not a date', 'UTC')).toBeUndefined();
	});

	it('a date-time option without a zone is wall-clock time in the workflow timezone', () => {
		expect(instantIn('2026-01-05T00:00:00', 'Pacific/Auckland')).toBe(Date.UTC(2026, 0, 4, 11));
		expect(instantIn('2026-01-05T00:00:00Z', 'Pacific/Auckland')).toBe(Date.UTC(2026, 0, 5));
	});
});
