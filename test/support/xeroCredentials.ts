import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { XeroSandbox } from '../../sandbox/xero';

/** A Custom Connection bound to the sandbox's first organisation, as a user would save it. */
export function customConnectionCredentials(xero: XeroSandbox): ICredentialDataDecryptedObject {
	return { clientId: xero.clients.custom.clientId, clientSecret: xero.clients.custom.clientSecret, baseUrl: xero.url };
}

/** A web-app OAuth2 credential after "Connect my account": connected to both sandbox organisations. */
export async function oAuth2Credentials(xero: XeroSandbox): Promise<ICredentialDataDecryptedObject> {
	const token = await xero.authorize();
	return {
		clientId: xero.clients.web.clientId,
		clientSecret: xero.clients.web.clientSecret,
		baseUrl: xero.url,
		oauthTokenData: { ...token },
	};
}
