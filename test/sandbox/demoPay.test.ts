import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { DEMO_TENANT_ID, startXeroSandbox, type XeroSandbox } from '../../sandbox/xero';

/** `npm run demo:pay -- NUMBER` pays an approved invoice in a running sandbox and sends Xero's webhook at once. */
const run = promisify(execFile);
let xero: XeroSandbox;
let dir: string;
let received: string[];
let server: import('node:http').Server;

beforeAll(async () => {
	const http = await import('node:http');
	received = [];
	server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString()));
		req.on('end', () => {
			received.push(body);
			res.writeHead(200).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as { port: number }).port;
	xero = await startXeroSandbox({ port: 0, data: 'demo', webhooks: { key: 'k'.repeat(64), url: `http://127.0.0.1:${port}/hook` } });
	dir = mkdtempSync(join(tmpdir(), 'demo-pay-'));
	writeFileSync(
		join(dir, 'sandbox.json'),
		JSON.stringify({ xero: { url: xero.url, customConnection: xero.clients.custom, tenants: xero.tenants } }),
	);
});
afterAll(async () => {
	await xero.close();
	await new Promise((resolve) => server.close(resolve));
	rmSync(dir, { recursive: true, force: true });
});

const payScript = (...args: string[]) =>
	run(join(__dirname, '../../node_modules/.bin/ts-node'), ['--transpile-only', join(__dirname, '../../sandbox/pay.ts'), ...args, '--json', join(dir, 'sandbox.json')]);

test('lists the payable invoices, pays one in full through the API, and the webhook goes out', async () => {
	const listed = await payScript();
	expect(listed.stdout).toMatch(/INV-0002\s+Bayside Club\s+NZD \d+/);
	const paid = await payScript('INV-0002');
	expect(paid.stdout).toMatch(/^Paid INV-0002/);
	const invoices = (xero.state()[DEMO_TENANT_ID] as { invoices: Array<Record<string, unknown>> }).invoices;
	expect(invoices.find((i) => i.InvoiceNumber === 'INV-0002')).toMatchObject({ Status: 'PAID', AmountDue: 0 });
	expect(received.some((body) => body.includes('"eventCategory":"INVOICE"'))).toBe(true);
	await expect(payScript('INV-0002')).rejects.toMatchObject({ stderr: expect.stringMatching(/INV-0002 is not an approved sales invoice/) });
}, 60_000);

test('--amount makes a part payment: the invoice stays AUTHORISED with the rest due; a wrong amount is refused', async () => {
	const part = await payScript('INV-0004', '--amount', '100');
	expect(part.stdout).toMatch(/^Part-paid INV-0004 \(USD 100 of 1725 due/);
	const invoices = (xero.state()[DEMO_TENANT_ID] as { invoices: Array<Record<string, unknown>> }).invoices;
	expect(invoices.find((i) => i.InvoiceNumber === 'INV-0004')).toMatchObject({ Status: 'AUTHORISED', AmountPaid: 100, AmountDue: 1625 });
	await expect(payScript('INV-0004', '--amount', '5000')).rejects.toMatchObject({ stderr: expect.stringMatching(/--amount 5000 is not an amount between 0 and the 1625 due/) });
}, 60_000);
