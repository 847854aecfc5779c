export type ClientKind = 'web' | 'custom';

export interface SandboxClient {
	clientId: string;
	clientSecret: string;
	kind: ClientKind;
	name: string;
	/** custom connections: the scopes granted when the connection was set up */
	scopes: string[];
	/** custom connections: the one organisation they are bound to (filled in with the first tenant when empty) */
	tenantId?: string;
}

export const ACCOUNTING_SCOPES = [
	'accounting.transactions',
	'accounting.transactions.read',
	'accounting.invoices',
	'accounting.invoices.read',
	'accounting.payments',
	'accounting.payments.read',
	'accounting.banktransactions',
	'accounting.banktransactions.read',
	'accounting.manualjournals',
	'accounting.manualjournals.read',
	'accounting.settings',
	'accounting.settings.read',
	'accounting.contacts',
	'accounting.contacts.read',
	'accounting.attachments',
	'accounting.attachments.read',
	'accounting.reports.read',
	'accounting.journals.read',
	'accounting.budgets.read',
];

/** the clients ARCHITECTURE.md promises; `npm run sandbox` prints them */
export function builtInClients(): SandboxClient[] {
	return [
		{
			clientId: 'sandbox-web-client',
			clientSecret: 'sandbox-web-secret',
			kind: 'web',
			name: 'Sandbox Web App',
			scopes: [],
		},
		{
			clientId: 'sandbox-custom-client',
			clientSecret: 'sandbox-custom-secret',
			kind: 'custom',
			name: 'Sandbox Custom Connection',
			scopes: [...ACCOUNTING_SCOPES],
		},
		{
			clientId: 'sandbox-custom-noscope',
			clientSecret: 'sandbox-custom-secret',
			kind: 'custom',
			name: 'Sandbox Custom Connection without accounting scopes',
			scopes: ['files.read', 'assets.read'],
		},
	];
}
