import type { IDataObject } from 'n8n-workflow';
import { startXeroSandbox, type XeroSandbox } from '../../sandbox/xero';
import { DEMO_TENANT_ID, runSync } from './support';

/**
 * Issue 11, defect 2: "Changed since the last run" must never pass a record it did not deliver, whatever happens
 * between page reads, and input items with different filters must not share a cursor.
 */
describe('Changed since the last run never skips a record', () => {
	let xero: XeroSandbox;
	let onRequest: ((line: string) => void) | undefined;
	beforeAll(async () => {
		xero = await startXeroSandbox({ data: 'empty', validate: true, log: (line) => onRequest?.(line) });
	});
	afterAll(() => xero.close());
	afterEach(() => {
		onRequest = undefined;
	});

	/** The sandbox's tenant store, to change a record between two page reads of one run. */
	interface Core {
		clock: { now(): number };
		tenants: Map<string, { records: { contacts: Map<string, IDataObject> }; store(collection: string, id: string, record: IDataObject): void }>;
	}
	const core = () => (xero as unknown as { core: Core }).core;
	const send = (items: IDataObject[]) =>
		runSync(xero, { resource: 'organisation', operation: 'send', inputMode: 'json', duplicateHandling: 'update' }, items);
	const changed = (staticData?: IDataObject, filters: IDataObject = {}, items: IDataObject[] = [{}]) =>
		runSync(
			xero,
			{ resource: 'organisation', operation: 'get', getMode: 'changedSince', filters, options: { pageSize: 2, overlapSeconds: 1 } },
			items,
			{ staticData: staticData as never },
		);

	it('a record leaving the result between page reads does not push a later one past the cursor', async () => {
		xero.reset('empty');
		for (let n = 0; n < 6; n++) {
			xero.advanceClock(5_000);
			expect((await send([{ Name: `Shift ${n}` }])).errors).toEqual([]);
		}
		const first = await changed();
		expect(first.main.map((i) => i.json.Name)).toEqual(['Shift 0', 'Shift 1', 'Shift 2', 'Shift 3', 'Shift 4', 'Shift 5']);

		for (let n = 0; n < 6; n++) {
			xero.advanceClock(5_000);
			await send([{ Name: `Shift ${n}`, Website: `https://shift${n}.example` }]);
		}
		// While the run reads its pages, "Shift 0" (on the first page) is archived and leaves the result.
		let reads = 0;
		onRequest = (line) => {
			if (line !== 'GET /api.xro/2.0/Contacts' || ++reads !== 2) return;
			const tenant = core().tenants.get(DEMO_TENANT_ID)!;
			const [id, record] = [...tenant.records.contacts.entries()].find(([, r]) => r.Name === 'Shift 0')!;
			xero.advanceClock(5_000);
			tenant.store('contacts', id, { ...record, ContactStatus: 'ARCHIVED', UpdatedDateUTC: `/Date(${core().clock.now()}+0000)/` });
		};
		const second = await changed(first.staticData);
		onRequest = undefined;
		const third = await changed(second.staticData);
		const delivered = [...second.main, ...third.main].map((i) => i.json.Name);
		for (let n = 1; n < 6; n++) expect(delivered).toContain(`Shift ${n}`);
		expect(new Set(delivered).size).toBe(delivered.length);
	});

	it('input items with different filters keep their own cursor', async () => {
		xero.reset('empty');
		xero.advanceClock(5_000);
		await send([{ Name: 'Alpha One' }, { Name: 'Beta One' }]);
		const items = [{ where: 'Name.StartsWith("Alpha")' }, { where: 'Name.StartsWith("Beta")' }];
		const perItem = { where: '={{ $json.where }}' };
		const first = await changed(undefined, perItem, items);
		expect(first.main.map((i) => i.json.Name).sort()).toEqual(['Alpha One', 'Beta One']);

		// Beta changes first, Alpha well after it: a shared cursor moved to Alpha's change passes Beta's.
		xero.advanceClock(5_000);
		await send([{ Name: 'Beta One', Website: 'https://b.example' }]);
		xero.advanceClock(5_000);
		await send([{ Name: 'Alpha One', Website: 'https://a.example' }]);
		const second = await changed(first.staticData, perItem, items);
		// The first item's run must not move the second item's cursor past Beta's change.
		expect(second.main.map((i) => [i.pairedItem, i.json.Name])).toEqual([
			[{ item: 0 }, 'Alpha One'],
			[{ item: 1 }, 'Beta One'],
		]);
		expect((await changed(second.staticData, perItem, items)).main).toEqual([]);
	});
});
