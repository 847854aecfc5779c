import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

/**
 * The webhook key cannot be tried against Xero: Xero never receives it, it only signs deliveries with it. What can
 * be checked is what breaks every signature silently: an empty key, or one pasted with spaces or line breaks.
 * The message says how far the check goes.
 */
export async function xeroWebhookKeyTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const key = typeof credential.data?.webhookKey === 'string' ? credential.data.webhookKey : '';
	if (key === '') return { status: 'Error', message: "Paste the app's webhooks key from developer.xero.com (Webhooks page)" };
	if (/\s/.test(key)) {
		return {
			status: 'Error',
			message: 'The key contains spaces or line breaks, so no signature from Xero would match: paste it again as one word',
		};
	}
	return {
		status: 'OK',
		message:
			"The key is well-formed. Only Xero can confirm it is your app's key: activate the workflow, then send 'Intent to receive' on the app's Webhooks page",
	};
}
