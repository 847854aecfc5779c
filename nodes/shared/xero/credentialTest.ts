import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { xeroEndpoints } from './transport/endpoints';
import { classifyFailure } from './transport/failures';

interface RawResponse {
	statusCode: number;
	body: unknown;
}

const NEEDED_SCOPES = 'accounting.settings (or accounting.settings.read), accounting.contacts and accounting.invoices';

function fail(message: string): INodeCredentialTestResult {
	return { status: 'Error', message };
}

function unreachable(error: unknown, host: string): INodeCredentialTestResult {
	const failure = classifyFailure(error);
	if (failure.kind !== 'network') return fail(`Could not reach ${host}.`);
	return fail(
		`Could not reach ${host} (${failure.code}). Check the network, and the Base URL override if one is set (leave it empty for Xero).`,
	);
}

function tokenRefusal(statusCode: number, body: unknown): INodeCredentialTestResult {
	const error = (body as IDataObject | undefined)?.error;
	switch (error) {
		case 'invalid_client':
			return fail(
				'Xero rejected the Client ID or Client Secret (invalid_client). Copy both again from the Custom Connection app in the Xero developer portal; a regenerated secret replaces the old one.',
			);
		case 'unauthorized_client':
			return fail(
				'This client is not a Custom Connection (unauthorized_client). Use the "Xero Sync OAuth2 API" credential for a web app, or create a Custom Connection app in the Xero developer portal.',
			);
		case 'invalid_scope':
			return fail('Xero refused the requested scopes (invalid_scope). Check the scopes of the Custom Connection app.');
		default:
			return fail(`Xero's token endpoint refused the request (${statusCode}${typeof error === 'string' ? `: ${error}` : ''}).`);
	}
}

/**
 * The Test button of the Xero Custom Connection credential (wired with `testedBy` on the node). It gets a token the
 * way n8n will (client_credentials) and reads the organisation, so it catches a wrong secret, a connection without
 * the accounting scopes, and an unreachable host, and on success names the organisation it reached.
 */
/**
 * n8n hands a credential test only the legacy `request` helper: ICredentialTestFunctions has no httpRequest (n8n-core's
 * CredentialTestContext, 2.8 to 2.41), so n8n's advice to use httpRequest cannot be followed here. See the README's
 * notes on n8n's verification.
 */
async function legacyRequest(ctx: ICredentialTestFunctions, options: object): Promise<unknown> {
	return await ctx.helpers.request(options);
}

export async function xeroCustomConnectionApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted<ICredentialDataDecryptedObject>,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const clientId = String(data.clientId ?? '').trim();
	const clientSecret = String(data.clientSecret ?? '');
	if (clientId === '' || clientSecret === '') return fail('Enter the Client ID and Client Secret of the Custom Connection.');
	const endpoints = xeroEndpoints(data.baseUrl);
	const identityHost = new URL(endpoints.token).host;

	let token: RawResponse;
	try {
		token = (await legacyRequest(this, {
			method: 'POST',
			uri: endpoints.token,
			headers: { Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
			form: { grant_type: 'client_credentials' },
			json: true,
			simple: false,
			resolveWithFullResponse: true,
		})) as RawResponse;
	} catch (error) {
		return unreachable(error, identityHost);
	}
	const accessToken = (token.body as IDataObject | undefined)?.access_token;
	if (token.statusCode >= 400 || typeof accessToken !== 'string') return tokenRefusal(token.statusCode, token.body);

	let organisation: RawResponse;
	try {
		organisation = (await legacyRequest(this, {
			method: 'GET',
			uri: `${endpoints.accounting}/Organisation`,
			headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
			json: true,
			simple: false,
			resolveWithFullResponse: true,
		})) as RawResponse;
	} catch (error) {
		return unreachable(error, new URL(endpoints.accounting).host);
	}
	if (organisation.statusCode === 401 || organisation.statusCode === 403) {
		const granted = String((token.body as IDataObject).scope ?? '').trim();
		return fail(
			`The Custom Connection works but may not read the accounting data (${organisation.statusCode}). Give the connection the scopes ${NEEDED_SCOPES} in the Xero developer portal${granted ? `; it now has: ${granted}` : ''}.`,
		);
	}
	if (organisation.statusCode >= 400) {
		return fail(`Xero answered ${organisation.statusCode} when reading the organisation; try again later.`);
	}
	const name = ((organisation.body as IDataObject)?.Organisations as IDataObject[] | undefined)?.[0]?.Name;
	return {
		status: 'OK',
		message: typeof name === 'string' ? `Connected to the Xero organisation "${name}"` : 'Connection tested successfully',
	};
}
