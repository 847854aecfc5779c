/**
 * `npm run demo:pay -- INV-0002`: pays an approved invoice in the running Xero sandbox of `npm run demo` (or of any
 * `npm run sandbox -- --json FILE`), the way a bookkeeper would in Xero: a payment of the amount due (or of --amount,
 * a part payment) from the first bank account, through Xero's own API (PUT /Payments), then the sandbox's webhook
 * deliveries are sent at once. Without an invoice number it lists the invoices that can be paid.
 *
 *   npm run demo:pay -- [INVOICE_NUMBER] [--amount 100] [--json .demo/sandbox.json] [--tenant TENANT_ID]
 */
import { readFileSync } from 'fs';
import { join } from 'path';

interface SandboxInfo {
	xero: { url: string; customConnection: { clientId: string; clientSecret: string }; tenants: Array<{ tenantId: string }> };
}

type Json = Record<string, unknown>;

const USAGE = 'usage: npm run demo:pay -- [INVOICE_NUMBER] [--amount 100] [--json .demo/sandbox.json] [--tenant TENANT_ID]';

function parseArgs(argv: string[]) {
	const args = { invoiceNumber: '', jsonFile: join(__dirname, '..', '.demo', 'sandbox.json'), tenantId: '', amount: '' };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		if (flag === '--json' || flag === '--tenant' || flag === '--amount') {
			const value = argv[++i];
			if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
			if (flag === '--json') args.jsonFile = value;
			else if (flag === '--amount') args.amount = value;
			else args.tenantId = value;
		} else if (flag === '-h' || flag === '--help') {
			console.log(USAGE);
			process.exit(0);
		} else if (flag.startsWith('-')) throw new Error(`unknown argument ${flag}\n${USAGE}`);
		else args.invoiceNumber = flag;
	}
	return args;
}

function readInfo(file: string): SandboxInfo {
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as SandboxInfo;
	} catch {
		throw new Error(`No running sandbox found (${file} is missing): start it with "npm run demo" first, or pass --json FILE.`);
	}
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const info = readInfo(args.jsonFile);
	const { url, customConnection } = info.xero;
	const tenantId = args.tenantId || info.xero.tenants[0].tenantId;
	const tokenAnswer = await fetch(`${url}/connect/token`, {
		method: 'POST',
		headers: {
			authorization: `Basic ${Buffer.from(`${customConnection.clientId}:${customConnection.clientSecret}`).toString('base64')}`,
			'content-type': 'application/x-www-form-urlencoded',
		},
		body: new URLSearchParams({ grant_type: 'client_credentials' }),
	});
	const { access_token: token } = (await tokenAnswer.json()) as { access_token: string };
	const api = async (method: string, path: string, body?: Json): Promise<Json> => {
		const res = await fetch(`${url}/api.xro/2.0${path}`, {
			method,
			headers: { authorization: `Bearer ${token}`, 'xero-tenant-id': tenantId, accept: 'application/json', 'content-type': 'application/json' },
			body: body ? JSON.stringify(body) : undefined,
		});
		const answer = (await res.json()) as Json;
		if (!res.ok) throw new Error(`Xero sandbox: ${method} ${path} answered ${res.status}: ${JSON.stringify(answer).slice(0, 500)}`);
		return answer;
	};

	const payable = ((await api('GET', '/Invoices?Statuses=AUTHORISED&page=1')).Invoices as Json[]).filter(
		(invoice) => invoice.Type === 'ACCREC' && Number(invoice.AmountDue) > 0,
	);
	const list = () =>
		payable.map((i) => `  ${String(i.InvoiceNumber)}  ${String((i.Contact as Json).Name)}  ${String(i.CurrencyCode)} ${String(i.AmountDue)} due`).join('\n');
	if (!args.invoiceNumber) {
		console.log(payable.length ? `Invoices you can pay (npm run demo:pay -- NUMBER):\n${list()}` : 'No approved invoice has an amount due.');
		return;
	}
	const invoice = payable.find((i) => String(i.InvoiceNumber).toLowerCase() === args.invoiceNumber.toLowerCase());
	if (!invoice) {
		throw new Error(`${args.invoiceNumber} is not an approved sales invoice with an amount due.${payable.length ? ` These are:\n${list()}` : ''}`);
	}
	const due = Number(invoice.AmountDue);
	const amount = args.amount === '' ? due : Number(args.amount);
	if (!(amount > 0) || amount > due) throw new Error(`--amount ${args.amount} is not an amount between 0 and the ${String(invoice.AmountDue)} due.`);
	const bank = ((await api('GET', `/Accounts?where=${encodeURIComponent('Type=="BANK"')}`)).Accounts as Json[])[0];
	if (!bank) throw new Error('The organisation has no bank account to pay from.');
	await api('PUT', '/Payments', {
		Payments: [{ Invoice: { InvoiceID: invoice.InvoiceID }, Account: { Code: bank.Code }, Amount: amount, Date: new Date().toISOString().slice(0, 10) }],
	});
	await fetch(`${url}/__sandbox/webhooks/flush`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
	const part = amount < due;
	console.log(
		`${part ? 'Part-paid' : 'Paid'} ${String(invoice.InvoiceNumber)} (${String(invoice.CurrencyCode)} ${amount} of ${due} due, from ${String(bank.Name)}); ` +
			`Xero sent its webhook, so the instant flow updates the CRM invoice's received and balance${part ? '' : ' and sets it Paid'} (creating it if the CRM had none).`,
	);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : String(error));
	process.exit(1);
});
