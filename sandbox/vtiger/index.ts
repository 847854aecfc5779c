import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SandboxClock } from './clock';
import { Engine, type CurrencyRow } from './engine';
import { seedDemoData, DEMO_EXTENSION } from './demo/seed';
import { RECORDED_CUSTOM_FIELDS } from './demo/customFields';
import { handleControl } from './http/control';
import { sendFatal } from './http/respond';
import { paramsOf, readForm } from './http/form';
import { handleWebservice } from './http/webservice';
import { SessionLocks } from './http/sessionLocks';
import { retrieveShape } from './store/shapes';
import { saveFromWebUi } from './ops/webUi';
import type { SandboxFaults, SandboxState, VtigerSandboxOptions } from './options';

export type { VtigerSandboxOptions, SandboxFaults, SandboxState } from './options';
export { DEMO_IDS } from './demo/seed';

/** The transcripts' admin access key; login sends md5(token + this). */
export const SANDBOX_ACCESS_KEY = 'iMIRQGEP2Sg8lOcM';
export const SANDBOX_USER = 'admin';

const DATA_DIR = join(__dirname, 'data');

export interface VtigerSandbox {
	url: string;
	/** `${url}/webservice.php` */
	webserviceUrl: string;
	userName: string;
	accessKey: string;
	close(): Promise<void>;
	state(): SandboxState;
	/** Live records of a module in retrieve shape (deleted ones excluded). */
	records(module: string): Array<Record<string, unknown>>;
	reset(data?: 'demo' | 'empty'): void;
	faults: SandboxFaults;
	clock: { now(): number; set(unixSeconds: number | null): void; advance(seconds: number): void };
	setCurrencyDecimals(decimals: 0 | 2): void;
	setSyncPatched(patched: boolean): void;
	setOperationManagerPatched(patched: boolean): void;
	/**
	 * Saves a record the way vtiger's web UI does (HTMLPurifier drops unknown tags, source "CRM"); returns it in
	 * retrieve shape. Transcript 36.
	 */
	webUiCreate(module: string, fields: Record<string, string>): Record<string, unknown>;
	/** Direct engine access for tests that need to plant state without going through HTTP. */
	engine(): Engine;
}

function buildEngine(data: 'demo' | 'empty', clock: SandboxClock, settings: Engine['settings'], options: VtigerSandboxOptions): Engine {
	const without: string[] = options.withoutModules ?? [];
	const adminUser = JSON.parse(readFileSync(join(DATA_DIR, 'admin-user.json'), 'utf8')) as Record<string, string>;
	if (options.accessKey) adminUser.accesskey = options.accessKey;
	const currencies = JSON.parse(readFileSync(join(DATA_DIR, 'currencies.json'), 'utf8')) as CurrencyRow[];
	adminUser.no_of_currency_decimals = String(settings.currencyDecimals);
	const engine = Engine.create({
		extension:
			data === 'demo'
				? { ...DEMO_EXTENSION, modules: DEMO_EXTENSION.modules?.filter((m) => !without.includes(m.describe.name)) }
				: { customFields: options.xeroCustomFields ? RECORDED_CUSTOM_FIELDS : undefined },
		clock,
		settings,
		adminUser,
		currencies: data === 'demo' ? [...currencies, ...DEMO_EXTENSION.currencies] : currencies,
	});
	if (data === 'demo') seedDemoData(engine);
	return engine;
}

export async function startVtigerSandbox(options: VtigerSandboxOptions = {}): Promise<VtigerSandbox> {
	let data = options.data ?? 'demo';
	const clock = new SandboxClock(options.now);
	const settings = {
		currencyDecimals: options.currencyDecimals ?? 2,
		syncPatched: options.syncPatched ?? true,
		operationManagerPatched: options.operationManagerPatched ?? true,
	};
	let engine = buildEngine(data, clock, settings, options);
	let pending500 = 0;
	let latencyMs = 0;
	let interleaved: Array<{ operation: string; write: (engine: Engine) => void }> = [];
	const calls: Record<string, number> = {};
	const sessions = new SessionLocks();

	const faults: SandboxFaults = {
		breakSessions: (kind = 'invalid') => engine.sessions.breakAllSessions(kind),
		fail500: (n) => {
			pending500 = n;
		},
		latency: (ms) => {
			latencyMs = ms;
		},
		expireChallenges: () => engine.sessions.expireChallenges(),
		beforeNext: (operation, write) => {
			interleaved.push({ operation, write });
		},
		slowSaves: (ms) => {
			engine.saveGapMs = ms;
		},
		clear: () => {
			pending500 = 0;
			latencyMs = 0;
			interleaved = [];
			engine.saveGapMs = 0;
		},
	};

	const state = (): SandboxState => {
		const modules: SandboxState['modules'] = {};
		for (const record of engine.store.records.values()) {
			const entry = (modules[record.module] ??= { live: 0, deleted: 0 });
			if (record.deleted) entry.deleted++;
			else entry.live++;
		}
		const sessions = engine.sessions.snapshot();
		return {
			data,
			settings: { ...settings },
			now: clock.now(),
			counters: engine.store.counters(),
			modules,
			sessions: sessions.sessions,
			challenges: sessions.challenges,
			faults: { pending500, latencyMs, saveGapMs: engine.saveGapMs },
			calls: { ...calls },
		};
	};

	const sandbox = {} as VtigerSandbox;
	const reset = (next?: 'demo' | 'empty') => {
		data = next ?? data;
		engine = buildEngine(data, clock, settings, options);
		faults.clear();
		for (const key of Object.keys(calls)) delete calls[key];
	};

	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		void (async () => {
			const url = new URL(req.url ?? '/', 'http://sandbox');
			if (url.pathname.startsWith('/__sandbox/')) {
				await handleControl(sandbox, url, req, res);
				return;
			}
			if (url.pathname !== '/webservice.php') {
				res.writeHead(404, { 'Content-Type': 'text/html; charset=UTF-8' });
				res.end('<h1>Not Found</h1>');
				return;
			}
			const query = paramsOf(url.searchParams);
			const { form, files } = req.method === 'POST' ? await readForm(req) : { form: {}, files: [] };
			const operation = { ...query, ...form }.operation ?? '';
			calls[operation] = (calls[operation] ?? 0) + 1;
			if (options.verbose) console.error(`[vtiger sandbox] ${req.method} ${operation}`);
			if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
			const other = interleaved.findIndex((entry) => entry.operation === operation);
			if (other >= 0) interleaved.splice(other, 1)[0].write(engine);
			if (pending500 > 0) {
				pending500--;
				sendFatal(res, true);
				return;
			}
			const request = { method: req.method ?? 'GET', query, form, files };
			await sessions.inTurn({ ...query, ...form }.sessionName, () => handleWebservice(engine, request, res));
		})().catch((error: unknown) => {
			console.error('[vtiger sandbox]', error);
			if (!res.headersSent) sendFatal(res, true);
		});
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	const url = `http://${options.host ?? '127.0.0.1'}:${port}`;

	Object.assign(sandbox, {
		url,
		webserviceUrl: `${url}/webservice.php`,
		userName: SANDBOX_USER,
		accessKey: options.accessKey ?? SANDBOX_ACCESS_KEY,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
		state,
		records: (module: string) =>
			engine.store
				.live(module)
				.sort((a, b) => a.crmid - b.crmid)
				.map((r) => retrieveShape(engine, r)),
		reset,
		faults,
		clock: { now: () => clock.now(), set: (t: number | null) => clock.set(t), advance: (s: number) => clock.advance(s) },
		setCurrencyDecimals: (d: 0 | 2) => {
			settings.currencyDecimals = d;
			engine.adminUser.no_of_currency_decimals = String(d);
		},
		setSyncPatched: (patched: boolean) => {
			settings.syncPatched = patched;
		},
		setOperationManagerPatched: (patched: boolean) => {
			settings.operationManagerPatched = patched;
		},
		webUiCreate: (module: string, fields: Record<string, string>) => retrieveShape(engine, saveFromWebUi(engine, module, fields)),
		engine: () => engine,
	} satisfies VtigerSandbox);
	return sandbox;
}
