import { parseDateTime } from '../php';
import { createRecord } from '../ops/save';
import type { UploadedFile } from '../http/form';
import { challenge, create, call, login, type ReplayContext } from './context';
import { md5 } from './mapping';
import type { Transcript } from './transcripts';

// Setup the recording did but did not record. Every entry says which later file shows that it happened.
export interface FilePlan {
	before?(ctx: ReplayContext, file: Transcript): Promise<void>;
	after?(ctx: ReplayContext, file: Transcript): Promise<void>;
	beforeExchange?: Record<number, (ctx: ReplayContext, file: Transcript) => Promise<void>>;
	// Seconds added to the recorded response time before an exchange (expiry simulated in the recording's DB).
	clockOffset?: Record<number, number>;
}

// The file parts of a recorded multipart body, as the emulator's own parser reads them.
function uploadOf(raw: string): UploadedFile[] {
	const boundary = /^--(\S+)\r\n/.exec(raw)?.[1] ?? '';
	return raw
		.split(`--${boundary}`)
		.map((part) => /name="([^"]*)"; filename="([^"]*)"\r\nContent-Type: ([^\r]*)\r\n\r\n([\s\S]*)\r\n$/.exec(part))
		.filter((m): m is RegExpExecArray => !!m)
		.map((m) => ({ field: m[1], name: m[2], type: m[3], bytes: Buffer.from(m[4], 'utf8') }));
}

const MAIN_SESSION = '716c8ba6b01858fee476';

function mainSession(ctx: ReplayContext): string {
	const live = ctx.maps.sessions.get(MAIN_SESSION);
	if (!live) throw new Error('the main session of 02_login_success has not been replayed');
	return live;
}

async function bindUnrecordedLogin(ctx: ReplayContext, recordedSession: string): Promise<void> {
	const live = await login(ctx);
	if (!ctx.maps.sessions.bindOrCheck(recordedSession, live)) throw new Error(`session ${recordedSession} already bound`);
}

function transcript(ctx: ReplayContext, prefix: string): Transcript {
	const found = ctx.transcripts.find((t) => t.file.startsWith(prefix));
	if (!found) throw new Error(`transcript ${prefix} not found`);
	return found;
}

export const PLANS: Record<string, FilePlan> = {
	// The note of 03d[0] says a valid token was outstanding: a getchallenge happened before the file.
	'03d_login_misc_errors.json': {
		before: async (ctx) => {
			await challenge(ctx);
		},
	},
	// The recording moved vtiger_ws_userauthtoken.expireTime 600 s into the past before the second exchange.
	'03e_login_expired_token.json': { clockOffset: { 1: 600 } },
	// 14, 16 and 23 show 11x2 named "Acme Transcript Ltd (updated)" (modifiedtime still 11:50:40) although 10
	// ends with "(update partial)": the name was set back right after 10 without being recorded.
	'10_update_account.json': {
		after: async (ctx, file) => {
			const last = file.exchanges[file.exchanges.length - 1];
			ctx.sandbox.clock.set(Math.floor(Date.parse(last.response.headers.Date) / 1000));
			await call(ctx, {
				method: 'POST',
				query: {},
				form: {
					operation: 'revise',
					sessionName: mainSession(ctx),
					element: JSON.stringify({ id: ctx.maps.mapIdsInText('11x2'), accountname: 'Acme Transcript Ltd (updated)' }),
				},
			});
		},
	},
	// Only the first and the last of the 120 creates were kept. The other 118 accounts are listed in full by
	// the sync of file 23, which gives each one's name, industry, employees, city and creation second.
	'11_bulk_create_120_accounts.json': {
		beforeExchange: {
			1: async (ctx, file) => {
				const sync = transcript(ctx, '23_sync_modifiedtime');
				const rows = sync.exchanges
					.slice(0, 2)
					.flatMap((e) => ((e.response.body as { result: { updated: Array<Record<string, string>> } }).result.updated));
				const middle = (file.created_ids ?? []).slice(1, -1);
				for (const id of middle) {
					const row = rows.find((r) => r.id === id);
					if (!row) throw new Error(`bulk account ${id} is not in transcript 23`);
					ctx.sandbox.clock.set(parseDateTime(row.createdtime));
					await create(ctx, mainSession(ctx), 'Accounts', {
						accountname: row.accountname,
						assigned_user_id: '19x1',
						industry: row.industry,
						employees: row.employees,
						bill_city: row.bill_city,
					});
				}
			},
		},
	},
	// 23z was recorded with only the OperationManager patch (stock vtws_sync signature).
	'23z_sync_without_sync_patch.json': {
		before: async (ctx) => ctx.sandbox.setSyncPatched(false),
		after: async (ctx) => ctx.sandbox.setSyncPatched(true),
	},
	// 23 uses a session from a login that was not recorded.
	'23_sync_modifiedtime.json': { before: (ctx) => bindUnrecordedLogin(ctx, '54af8b4d6b01859db8b9d') },
	// 29 starts with ACC125, PRO4, INV3, 11x137 and line item 33x7, so four records (two accounts, a product and
	// an invoice with one line item) were created after 23 without being recorded. 29 runs with 0 currency
	// decimals and logs in with a challenge that was not recorded.
	'29_user_currency_decimals_0.json': {
		before: async (ctx, file) => {
			ctx.sandbox.clock.set(Math.floor(Date.parse(file.exchanges[0].response.headers.Date) / 1000) - 1);
			const session = await login(ctx);
			const a = await create(ctx, session, 'Accounts', { accountname: 'Unrecorded account A', assigned_user_id: '19x1' });
			await create(ctx, session, 'Accounts', { accountname: 'Unrecorded account B', assigned_user_id: '19x1' });
			const p = await create(ctx, session, 'Products', { productname: 'Unrecorded product', assigned_user_id: '19x1', unit_price: '1' });
			await create(ctx, session, 'Invoice', {
				subject: 'Unrecorded invoice',
				account_id: a.id,
				assigned_user_id: '19x1',
				bill_street: 'x',
				ship_street: 'x',
				productid: p.id,
				LineItems: [{ productid: p.id, quantity: '1', listprice: '1' }],
			});
			ctx.sandbox.setCurrencyDecimals(0);
			const token = await challenge(ctx);
			const recordedKey = file.exchanges[0].request.form?.accessKey ?? '';
			ctx.accessKeys.set(recordedKey, md5(token + ctx.sandbox.accessKey));
		},
	},
	// Second instance (31+). Its database was not fresh: 38's control query (LIMIT 2) shows the two oldest
	// accounts, 11x2 and 11x3, from an earlier run; 36 reads 11x2238 (ACC2099), created through the webservice as
	// "UI Probe" at 15:33:03, before 31, and then renamed directly in MariaDB (crmentity.label kept, 36's notes).
	'31_describe_PurchaseOrder.json': {
		before: async (ctx) => {
			const engine = ctx.sandbox.engine();
			for (const name of ['HVmx94jqyt ALPHA LTD', 'HVmx94jqyt BETA LTD']) createRecord(engine, 'Accounts', { accountname: name, assigned_user_id: '19x1' }, '19x1');
			engine.store.skipTo(2238);
			engine.store.skipRecordNumber('Accounts', 2098);
			ctx.sandbox.clock.set(parseDateTime('2026-12-04 15:33:03'));
			const probe = createRecord(engine, 'Accounts', { accountname: 'UI Probe', assigned_user_id: '19x1' }, '19x1');
			probe.values.accountname = 'Jones &amp; Co O&#039;Hara';
		},
	},
	// 36 also reads 11x2269 (ACC2102), saved through the real web UI at 15:38:55 with the form values its notes list.
	'36_ui_saved_html_entities.json': {
		before: async (ctx) => {
			const engine = ctx.sandbox.engine();
			engine.store.skipTo(2269);
			engine.store.skipRecordNumber('Accounts', 2101);
			ctx.sandbox.clock.set(parseDateTime('2026-12-04 15:38:55'));
			ctx.sandbox.webUiCreate('Accounts', {
				accountname: "Jones & Co <Ltd> O'Hara",
				assigned_user_id: '19x1',
				bill_city: 'Town & <b>Country</b>',
				description: 'UI desc <b>bold</b> & <script>x</script> "quoted" 5 > 3',
			});
		},
	},
	// 34's retrieve_related lists DOC1 (15x2257, an external link) and DOC5 (15x2261, an upload with attachment
	// 15x2262), both created at 15:38:05 and related to invoice 7x2252 by an earlier run of the same script: its
	// DOC1-DOC5 are the same five creates as 34's, so they are made again here, with the same upload.
	'34_documents.json': {
		before: async (ctx, file) => {
			const engine = ctx.sandbox.engine();
			ctx.sandbox.clock.set(parseDateTime('2026-12-04 15:38:05'));
			engine.store.skipTo(2257);
			const creates = file.exchanges.filter((e) => e.request.form?.operation === 'create' && e.request.form.elementType === 'Documents');
			const made = creates.map((e) => {
				const upload = e.request.content_type?.startsWith('multipart/') ? uploadOf(e.request.raw_body ?? '') : [];
				return createRecord(engine, 'Documents', JSON.parse(e.request.form?.element ?? '{}') as Record<string, unknown>, '19x1', upload);
			});
			const invoice = Number(ctx.maps.mapIdsInText('7x2252').split('x')[1]);
			for (const doc of [made[0], made[made.length - 1]]) engine.store.relations.push([invoice, doc.crmid]);
			engine.store.get(invoice)!.values.modifiedtime = '2026-12-04 15:38:05';
		},
	},
	// 38 swapped the stock OperationManager.php in for its first 8 exchanges and restored the patched one before the
	// control query.
	'38_query_without_operationmanager_patch.json': {
		before: async (ctx) => ctx.sandbox.setOperationManagerPatched(false),
		beforeExchange: { 8: async (ctx) => ctx.sandbox.setOperationManagerPatched(true) },
	},
	// 30 uses a session from a login that was not recorded.
	'30_duplicate_detection.json': { before: (ctx) => bindUnrecordedLogin(ctx, '74ce46a66b0185b463c59') },
};
