import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { VtigerSandbox } from '../../../sandbox/vtiger';
import type { XeroSandbox } from '../../../sandbox/xero';
import { ACCOUNTING_SCOPES } from '../../../sandbox/xero/identity/clients';
import type { WorkflowRun } from '../../harness';

/**
 * Credentials with secrets nobody else uses, so a leak cannot hide behind a common value: the scan looks for each
 * whole secret and for its prefix, which catches a secret cut short by a log formatter.
 */
export const SECRET_PREFIX = 'LEAKCHK';
export const XERO_WEB_SECRET = `${SECRET_PREFIX}-websecret-7d1f0c93b2a84e55`;
export const XERO_CUSTOM_SECRET = `${SECRET_PREFIX}-customsecret-4ab9e6f1c0d2`;
export const VTIGER_ACCESS_KEY = `${SECRET_PREFIX}vak93Qz`;

export const FUZZ_WEB_CLIENT = 'fuzz-web-client';
export const FUZZ_CUSTOM_CLIENT = 'fuzz-custom-client';

/** Adds the two Xero apps whose secrets are ours; the sandbox binds the custom one to the first tenant. */
export function seedXeroClients(xero: XeroSandbox): void {
	xero.addClient({ clientId: FUZZ_WEB_CLIENT, clientSecret: XERO_WEB_SECRET, kind: 'web', name: 'Fuzz web app', scopes: [] });
	xero.addClient({
		clientId: FUZZ_CUSTOM_CLIENT,
		clientSecret: XERO_CUSTOM_SECRET,
		kind: 'custom',
		name: 'Fuzz custom connection',
		scopes: [...ACCOUNTING_SCOPES],
	});
}

export function customCredential(xero: XeroSandbox): IDataObject {
	return { clientId: FUZZ_CUSTOM_CLIENT, clientSecret: XERO_CUSTOM_SECRET, baseUrl: xero.url };
}

export async function oauthCredential(xero: XeroSandbox): Promise<IDataObject> {
	const token = await xero.authorize({ clientId: FUZZ_WEB_CLIENT, clientSecret: XERO_WEB_SECRET });
	return { clientId: FUZZ_WEB_CLIENT, clientSecret: XERO_WEB_SECRET, baseUrl: xero.url, oauthTokenData: token as unknown as IDataObject };
}

interface SandboxUser {
	userName: string;
	accessKey: string;
}

/** The demo admin's access key is public (it is in the transcripts), so the CRM gets one of ours. */
export function seedVtigerAccessKey(crm: VtigerSandbox): IDataObject {
	const sessions = (crm.engine() as unknown as { sessions: { findUser(name: string): SandboxUser | undefined } }).sessions;
	const admin = sessions.findUser(crm.userName);
	if (!admin) throw new Error(`the vtiger sandbox has no user ${crm.userName}`);
	admin.accessKey = VTIGER_ACCESS_KEY;
	return { instanceUrl: crm.url, username: crm.userName, accessKey: VTIGER_ACCESS_KEY };
}

/** vtiger session names are bearer secrets too; the sandbox keeps them in its session table. */
export function vtigerSessionNames(crm: VtigerSandbox): string[] {
	const manager = (crm.engine() as unknown as { sessions: { sessions?: Map<string, unknown> } }).sessions;
	return [...(manager.sessions?.keys() ?? [])];
}

/** Every token the run's credentials held or were given (rotations included). */
export function tokensOf(run: Pick<WorkflowRun, 'credentials' | 'credentialSaves'>): string[] {
	const datas: ICredentialDataDecryptedObject[] = [...Object.values(run.credentials), ...run.credentialSaves.map((save) => save.data)];
	const tokens = new Set<string>();
	for (const data of datas) {
		const token = data.oauthTokenData as IDataObject | undefined;
		for (const key of ['access_token', 'refresh_token', 'id_token']) {
			if (typeof token?.[key] === 'string') tokens.add(token[key] as string);
		}
	}
	return [...tokens];
}

/** The needles for one secret: itself and a prefix long enough to be unique (a JWT's signature, not its header). */
function needlesOf(secret: string): string[] {
	const parts = secret.split('.');
	if (parts.length === 3 && secret.startsWith('eyJ')) return [secret, parts[1].slice(0, 24), parts[2].slice(0, 16)];
	return [secret, secret.slice(0, Math.min(12, secret.length))];
}

export interface Leak {
	secret: string;
	where: string;
}

export class LeakScanner {
	private readonly needles = new Map<string, string>();

	constructor(secrets: Iterable<string> = []) {
		this.needles.set(SECRET_PREFIX, SECRET_PREFIX);
		this.add(secrets);
	}

	add(secrets: Iterable<string>): void {
		for (const secret of secrets) {
			if (!secret || secret.length < 8) continue;
			for (const needle of needlesOf(secret)) this.needles.set(needle, secret);
		}
	}

	scan(text: string, where: string): Leak[] {
		const leaks: Leak[] = [];
		for (const [needle, secret] of this.needles) {
			if (text.includes(needle)) leaks.push({ secret: `${secret.slice(0, 6)}…`, where: `${where}: …${excerpt(text, needle)}…` });
		}
		return leaks;
	}
}

function excerpt(text: string, needle: string): string {
	const at = text.indexOf(needle);
	return text.slice(Math.max(0, at - 40), at + needle.length + 20).replace(/\s+/g, ' ');
}

/** Everything a user or a log store could see from a run: items, item errors, node errors, the run's error. */
export function runTexts(run: WorkflowRun): Array<[string, string]> {
	const texts: Array<[string, string]> = [];
	const raw = run.raw.data.resultData;
	for (const [nodeName, tasks] of Object.entries(raw.runData)) {
		for (const task of tasks) {
			if (task.error) texts.push([`${nodeName} node error`, errorText(task.error)]);
			for (const [outputIndex, items] of (task.data?.main ?? []).entries()) {
				for (const item of items ?? []) texts.push([`${nodeName} output ${outputIndex}`, itemText(item)]);
			}
		}
	}
	if (raw.error) texts.push(['run error', errorText(raw.error)]);
	return texts;
}

function itemText(item: INodeExecutionData): string {
	return JSON.stringify(item.json) + (item.error ? errorText(item.error) : '');
}

function errorText(error: unknown): string {
	const e = error as Record<string, unknown>;
	const fields = ['message', 'description', 'stack', 'context', 'cause', 'errorResponse', 'httpCode', 'messages'];
	return fields.map((field) => safeJson(e?.[field])).join(' | ') + safeJson(error);
}

function safeJson(value: unknown): string {
	if (value === undefined) return '';
	try {
		return typeof value === 'string' ? value : JSON.stringify(value);
	} catch {
		return String(value);
	}
}
