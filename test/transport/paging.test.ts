import type { IDataObject } from 'n8n-workflow';

import { xeroPages, type XeroTransport } from '../../nodes/shared/xero/transport';
import type { XeroRequest } from '../../nodes/shared/xero/transport/types';

/** A transport over `total` invoices that records the pages asked for. */
function fakeTransport(total: number, withPagination: boolean) {
	const asked: IDataObject[] = [];
	const transport: XeroTransport = {
		async request<T>(request: XeroRequest) {
			const qs = request.qs ?? {};
			asked.push(qs);
			const page = Number(qs.page);
			const size = Number(qs.pageSize);
			const all = Array.from({ length: total }, (_, i) => ({ InvoiceID: `id-${i + 1}` }));
			const body: IDataObject = { Invoices: all.slice((page - 1) * size, page * size) };
			if (withPagination) {
				body.pagination = { page, pageSize: size, pageCount: Math.ceil(total / size), itemCount: total };
			}
			return { status: 200, headers: {}, body: body as T };
		},
	};
	return { transport, asked };
}

async function read(total: number, pageSize: number, withPagination: boolean) {
	const { transport, asked } = fakeTransport(total, withPagination);
	const ids: string[] = [];
	for await (const page of xeroPages(transport, '/Invoices', { itemsKey: 'Invoices', pageSize, qs: { Statuses: 'DRAFT' } })) {
		ids.push(...page.map((record) => String(record.InvoiceID)));
	}
	return { ids, asked };
}

describe('xeroPages', () => {
	it('stops on a short page', async () => {
		const { ids, asked } = await read(250, 100, false);
		expect(ids).toHaveLength(250);
		expect(asked).toEqual([
			{ Statuses: 'DRAFT', page: 1, pageSize: 100 },
			{ Statuses: 'DRAFT', page: 2, pageSize: 100 },
			{ Statuses: 'DRAFT', page: 3, pageSize: 100 },
		]);
	});

	it('makes no empty-page call when Xero says the last full page was the last', async () => {
		const { ids, asked } = await read(200, 100, true);
		expect(ids).toHaveLength(200);
		expect(asked).toHaveLength(2);
	});

	it('needs the one extra call when the count is not known and the last page is full', async () => {
		const { ids, asked } = await read(200, 100, false);
		expect(ids).toHaveLength(200);
		expect(asked).toHaveLength(3);
	});

	it('reads nothing more after an empty first page', async () => {
		const { ids, asked } = await read(0, 100, true);
		expect(ids).toEqual([]);
		expect(asked).toHaveLength(1);
	});
});
