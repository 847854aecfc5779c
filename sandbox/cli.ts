/**
 * `npm run sandbox`: the Xero sandbox and the vtiger sandbox in one process, with demo data by default.
 *
 *   npm run sandbox -- [--data demo|empty] [--xero-port N] [--crm-port N] [--clock-scale N] [--json FILE]
 *
 * Ports default to 0 (a free port); the URLs are printed. `--json FILE` writes the URLs, ports and credentials for
 * scripts (scripts/demo.sh, scripts/e2e.sh) once both sandboxes listen; the file is removed again on exit.
 * These are sandbox-only credentials, built into the sandboxes, so printing them is intended.
 */
import { createHash, randomBytes } from 'crypto';
import { renameSync, rmSync, writeFileSync } from 'fs';
import { startXeroSandbox } from './xero';
import { startVtigerSandbox } from './vtiger';

interface CliOptions {
	data: 'demo' | 'empty';
	xeroPort: number;
	crmPort: number;
	clockScale: number;
	jsonFile?: string;
	webhookUrl?: string;
	webhookKey: string;
	plantBadRecords: boolean;
	minuteLimit?: number;
	concurrentLimit?: number;
	latencyMs?: number;
}

/** A CRM record the sync must refuse: where it is and what the error message has to talk about. */
interface PlantedRecord {
	module: string;
	id: string;
	label: string;
	/** a regular expression (source) the sync-log message must match */
	expect: string;
}

/**
 * Records that Xero refuses, created through the CRM's own webservice (as a user would type them), so the demo's
 * and the e2e run's error branches have something to show.
 */
async function plantBadRecords(crmUrl: string, userName: string, accessKey: string): Promise<PlantedRecord[]> {
	const ws = `${crmUrl}/webservice.php`;
	const challenge = (await (await fetch(`${ws}?operation=getchallenge&username=${encodeURIComponent(userName)}`)).json()) as {
		result: { token: string };
	};
	const key = createHash('md5').update(challenge.result.token + accessKey).digest('hex');
	const login = (await (
		await fetch(ws, { method: 'POST', body: new URLSearchParams({ operation: 'login', username: userName, accessKey: key }) })
	).json()) as { success: boolean; result: { sessionName: string; userId: string } };
	if (!login.success) throw new Error('could not log in to the CRM sandbox to plant records');
	const create = async (elementType: string, element: Record<string, unknown>): Promise<string> => {
		const body = new URLSearchParams({
			operation: 'create',
			sessionName: login.result.sessionName,
			elementType,
			element: JSON.stringify({ assigned_user_id: login.result.userId, ...element }),
		});
		const answer = (await (await fetch(ws, { method: 'POST', body })).json()) as {
			success: boolean;
			result?: { id: string };
			error?: { message: string };
		};
		if (!answer.success || !answer.result) throw new Error(`planting a ${elementType} failed: ${answer.error?.message}`);
		return answer.result.id;
	};
	const planted: PlantedRecord[] = [];
	planted.push({
		module: 'Accounts',
		label: 'Bad Email Trading',
		expect: 'e-?mail',
		id: await create('Accounts', {
			accountname: 'Bad Email Trading',
			email1: 'accounts at bad-email',
			bill_city: 'Wellington',
			bill_country: 'New Zealand',
		}),
	});
	planted.push({
		module: 'Products',
		label: 'Gift voucher (code too long)',
		expect: 'code',
		id: await create('Products', {
			productname: 'Gift voucher (code too long)',
			productcode: 'GIFT-VOUCHER-CODE-FAR-TOO-LONG-FOR-XERO',
			unit_price: '50.00',
			purchase_cost: '0',
			discontinued: '1',
			usageunit: 'Units',
			cf_xero_sales_account: '200',
		}),
	});
	return planted;
}

const USAGE =
	'usage: npm run sandbox -- [--data demo|empty] [--xero-port N] [--crm-port N] [--clock-scale N] [--json FILE]\n' +
	'                          [--webhook-url URL] [--webhook-key KEY] [--plant-bad-records]\n' +
	'                          [--minute-limit N] [--concurrent-limit N] [--latency-ms N]   (Xero limits per tenant)';

function parseArgs(argv: string[]): CliOptions {
	const options: CliOptions = {
		data: 'demo',
		xeroPort: 0,
		crmPort: 0,
		clockScale: Number(process.env.XERO_CRM_CLOCK_SCALE ?? 1) || 1,
		// Like the key Xero's developer portal shows; new each start unless given.
		webhookKey: randomBytes(48).toString('base64'),
		plantBadRecords: false,
	};
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = argv[i + 1];
		const needValue = (): string => {
			if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
			i++;
			return value;
		};
		const needNumber = (): number => {
			const n = Number(needValue());
			if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a non-negative number\n${USAGE}`);
			return n;
		};
		switch (flag) {
			case '--data': {
				const data = needValue();
				if (data !== 'demo' && data !== 'empty') throw new Error(`--data is demo or empty\n${USAGE}`);
				options.data = data;
				break;
			}
			case '--xero-port':
				options.xeroPort = needNumber();
				break;
			case '--crm-port':
				options.crmPort = needNumber();
				break;
			case '--clock-scale':
				options.clockScale = needNumber() || 1;
				break;
			case '--json':
				options.jsonFile = needValue();
				break;
			case '--webhook-url':
				options.webhookUrl = needValue();
				break;
			case '--webhook-key':
				options.webhookKey = needValue();
				break;
			case '--plant-bad-records':
				options.plantBadRecords = true;
				break;
			case '--minute-limit':
				options.minuteLimit = needNumber();
				break;
			case '--concurrent-limit':
				options.concurrentLimit = needNumber();
				break;
			case '--latency-ms':
				options.latencyMs = needNumber();
				break;
			case '-h':
			case '--help':
				console.log(USAGE);
				process.exit(0);
				break;
			default:
				throw new Error(`unknown argument ${flag}\n${USAGE}`);
		}
	}
	return options;
}

function portOf(url: string): number {
	return Number(new URL(url).port);
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	const xero = await startXeroSandbox({
		port: options.xeroPort,
		clockScale: options.clockScale,
		data: options.data,
		validate: true,
		...(options.minuteLimit !== undefined ? { minuteLimit: options.minuteLimit } : {}),
		...(options.concurrentLimit !== undefined ? { concurrentLimit: options.concurrentLimit } : {}),
		...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
		webhooks: { key: options.webhookKey, ...(options.webhookUrl ? { url: options.webhookUrl } : {}) },
	});
	let crm: Awaited<ReturnType<typeof startVtigerSandbox>>;
	try {
		crm = await startVtigerSandbox({ port: options.crmPort, data: options.data });
	} catch (error) {
		await xero.close();
		throw error;
	}

	let planted: PlantedRecord[] = [];
	try {
		if (options.plantBadRecords) planted = await plantBadRecords(crm.url, crm.userName, crm.accessKey);
	} catch (error) {
		await Promise.allSettled([xero.close(), crm.close()]);
		throw error;
	}

	const info = {
		pid: process.pid,
		data: options.data,
		clockScale: options.clockScale,
		xero: {
			url: xero.url,
			port: portOf(xero.url),
			webClient: { clientId: xero.clients.web.clientId, clientSecret: xero.clients.web.clientSecret },
			customConnection: { clientId: xero.clients.custom.clientId, clientSecret: xero.clients.custom.clientSecret },
			customConnectionNoScope: {
				clientId: xero.clients.customNoScope.clientId,
				clientSecret: xero.clients.customNoScope.clientSecret,
			},
			tenants: xero.tenants,
			webhookKey: options.webhookKey,
			stateUrl: `${xero.url}/__sandbox/state`,
			webhooksUrl: `${xero.url}/__sandbox/webhooks`,
		},
		crm: {
			url: crm.url,
			port: portOf(crm.url),
			webserviceUrl: `${crm.url}/webservice.php`,
			username: crm.userName,
			accessKey: crm.accessKey,
			stateUrl: `${crm.url}/__sandbox/state`,
		},
		planted,
	};

	let closing = false;
	const shutdown = async (signal: string): Promise<void> => {
		if (closing) return;
		closing = true;
		if (options.jsonFile) rmSync(options.jsonFile, { force: true });
		const results = await Promise.allSettled([xero.close(), crm.close()]);
		const failed = results.filter((r) => r.status === 'rejected');
		if (signal !== 'exit') console.log(`sandboxes stopped (${signal})`);
		process.exit(failed.length ? 1 : 0);
	};
	process.on('SIGINT', () => void shutdown('SIGINT'));
	process.on('SIGTERM', () => void shutdown('SIGTERM'));
	// Parent scripts talk to us over a pipe; when it closes they are gone.
	process.on('SIGHUP', () => void shutdown('SIGHUP'));

	if (options.jsonFile) {
		const tmp = `${options.jsonFile}.tmp-${process.pid}`;
		writeFileSync(tmp, JSON.stringify(info, null, 2) + '\n');
		renameSync(tmp, options.jsonFile);
	}

	console.log(
		[
			`Xero sandbox (${options.data} data, clock x${options.clockScale}): ${xero.url}`,
			`  Xero OAuth2 (authorization code): client id ${info.xero.webClient.clientId}, secret ${info.xero.webClient.clientSecret}, base URL ${xero.url}`,
			`  Xero Custom Connection:            client id ${info.xero.customConnection.clientId}, secret ${info.xero.customConnection.clientSecret}, base URL ${xero.url}`,
			...xero.tenants.map((t) => `  tenant ${t.tenantName}: ${t.tenantId}`),
			`  webhooks: signing key ${options.webhookKey}; deliveries go to ${options.webhookUrl ?? '(no URL yet: POST {"url": …} to ' + info.xero.webhooksUrl + ')'}`,
			`  state: ${info.xero.stateUrl}`,
			`vtiger sandbox (${options.data} data): ${crm.url}`,
			`  Simply CRM: URL ${crm.url}, user ${info.crm.username}, access key ${info.crm.accessKey}`,
			`  state: ${info.crm.stateUrl}`,
			...planted.map((p) => `  planted bad record (the sync must refuse it): ${p.module} ${p.id} "${p.label}"`),
			'Ctrl-C stops both.',
		].join('\n'),
	);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : String(error));
	process.exit(1);
});
