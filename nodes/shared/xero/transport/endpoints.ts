import type { INodeProperties } from 'n8n-workflow';

/**
 * Expression for one Xero host: the override when one is set (the sandbox or a proxy serves everything on one host),
 * otherwise Xero's own. n8n resolves `$self` against the credential's other fields on every read, so the OAuth2
 * URLs follow the override without the user touching them.
 */
export function xeroHostExpression(defaultHost: string, path: string): string {
	const override = 'String($self["baseUrl"] || "").trim()';
	return `={{ (${override}.endsWith("/") ? ${override}.slice(0, -1) : ${override}) || "${defaultHost}" }}${path}`;
}

export const baseUrlProperty: INodeProperties = {
	displayName: 'Base URL Override (Advanced)',
	name: 'baseUrl',
	type: 'string',
	default: '',
	placeholder: 'http://127.0.0.1:4010',
	description:
		'Leave empty to use Xero. Set it only for a Xero sandbox or a proxy that serves /identity/connect/authorize, /connect/token, /connections and /api.xro/2.0 on one host.',
};

const XERO_API_HOST = 'https://api.xero.com';
const XERO_IDENTITY_HOST = 'https://identity.xero.com';
const XERO_LOGIN_HOST = 'https://login.xero.com';

export interface XeroEndpoints {
	/** Accounting API root, e.g. https://api.xero.com/api.xro/2.0 */
	accounting: string;
	connections: string;
	token: string;
	authorize: string;
}

/** The same layout the credential expressions above produce, for code that reads the raw `baseUrl`. */
export function xeroEndpoints(baseUrl: unknown): XeroEndpoints {
	const override = typeof baseUrl === 'string' ? baseUrl.trim().replace(/\/+$/, '') : '';
	const api = override || XERO_API_HOST;
	return {
		accounting: `${api}/api.xro/2.0`,
		connections: `${api}/connections`,
		token: `${override || XERO_IDENTITY_HOST}/connect/token`,
		authorize: `${override || XERO_LOGIN_HOST}/identity/connect/authorize`,
	};
}
