import { collectPages, nextPage, VTIGER_PAGE_SIZE } from '../../nodes/CrmRecord/helpers/paging';

/** A data set of n rows served like vtiger: LIMIT offset, count capped at 100 rows. */
function vtigerLike(total: number) {
	const asked: Array<[number, number]> = [];
	const fetch = async ({ offset, count }: { offset: number; count: number }) => {
		asked.push([offset, count]);
		const end = Math.min(total, offset + Math.min(count, VTIGER_PAGE_SIZE));
		return Array.from({ length: Math.max(0, end - offset) }, (_v, i) => offset + i);
	};
	return { asked, fetch };
}

describe('paging plan', () => {
	test('the first page asks for 100 rows from the start', () => {
		expect(nextPage(0, 0, undefined, undefined)).toEqual({ offset: 0, count: 100 });
	});

	test('a short page ends the plan', () => {
		expect(nextPage(0, 122, 22, 100)).toBeUndefined();
	});

	test('a limit shrinks the last page', () => {
		expect(nextPage(0, 100, 100, 100, 130)).toEqual({ offset: 100, count: 30 });
		expect(nextPage(0, 130, 30, 30, 130)).toBeUndefined();
	});

	test('an offset from the user shifts every page', () => {
		expect(nextPage(20, 100, 100, 100)).toEqual({ offset: 120, count: 100 });
	});
});

describe('collectPages', () => {
	test('122 rows come back in two pages, as in the transcripts (100 then 22)', async () => {
		const { asked, fetch } = vtigerLike(122);
		const rows = await collectPages(fetch);
		expect(rows).toHaveLength(122);
		expect(rows[121]).toBe(121);
		expect(asked).toEqual([
			[0, 100],
			[100, 100],
		]);
	});

	test('exactly 200 rows need a third, empty page to know the end', async () => {
		const { asked, fetch } = vtigerLike(200);
		expect(await collectPages(fetch)).toHaveLength(200);
		expect(asked).toHaveLength(3);
	});

	test('a limit of 150 stops after 150 rows', async () => {
		const { asked, fetch } = vtigerLike(1000);
		const rows = await collectPages(fetch, { wanted: 150 });
		expect(rows).toHaveLength(150);
		expect(asked).toEqual([
			[0, 100],
			[100, 50],
		]);
	});

	test('a start offset and a limit together, like LIMIT 20, 300', async () => {
		const { fetch } = vtigerLike(250);
		const rows = await collectPages(fetch, { start: 20, wanted: 300 });
		expect(rows).toHaveLength(230);
		expect(rows[0]).toBe(20);
	});
});
