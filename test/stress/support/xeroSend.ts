import type { IDataObject, INode } from 'n8n-workflow';
import { DEMO_TENANT_ID, type XeroSandbox } from '../../../sandbox/xero';
import { node } from '../../harness';
import { customCredential, oauthCredential } from './secrets';

export type XeroAuth = 'customConnection' | 'oAuth2';

/**
 * Xero Sync's Send as the stress suites run it: JSON input, duplicates skipped, failures on the error output, signed
 * in with our own-secret credential of either kind (an OAuth2 credential may be given, a fresh one is made if not).
 */
export async function xeroSendNode(
	xero: XeroSandbox,
	name: string,
	resource: string,
	auth: XeroAuth,
	oauth?: IDataObject,
): Promise<{ node: INode; credentials: Record<string, IDataObject> }> {
	const credentials: Record<string, IDataObject> =
		auth === 'oAuth2' ? { xeroSyncOAuth2Api: oauth ?? (await oauthCredential(xero)) } : { xeroCustomConnectionApi: customCredential(xero) };
	const sync = node(name, 'n8n-nodes-xero-crm.xeroSync', {
		parameters: {
			authentication: auth,
			...(auth === 'oAuth2' ? { tenant: { __rl: true, mode: 'id', value: DEMO_TENANT_ID } } : {}),
			resource,
			operation: 'send',
			inputMode: 'json',
			duplicateHandling: 'skip',
		} as never,
		credentials: auth === 'oAuth2' ? { xeroSyncOAuth2Api: { id: '1', name: 'Xero' } } : { xeroCustomConnectionApi: { id: '2', name: 'Xero' } },
		onError: 'continueErrorOutput',
	});
	return { node: sync, credentials };
}
