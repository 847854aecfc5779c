import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { senderFromLegacyRequest, toVtigerCredentials, VtigerApiError, VtigerClient } from '../transport';

let testCounter = 0;

/**
 * Logs in and lists the modules, the two things every operation needs. The messages come from the transport,
 * which already says whether the key, the user, the address or the server is wrong.
 */
export async function simplyCrmApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted<ICredentialDataDecryptedObject>,
): Promise<INodeCredentialTestResult> {
	const credentials = toVtigerCredentials(credential.data);
	if (!credentials.instanceUrl || !credentials.username || !credentials.accessKey) {
		return { status: 'Error', message: 'Fill in the instance URL, the user name and the access key' };
	}
	try {
		// A fresh scope: a test must prove the current values, not reuse a session from before an edit.
		const client = new VtigerClient(senderFromLegacyRequest(this), credentials, {
			scope: `credential-test:${Date.now()}:${++testCounter}`,
			ephemeral: true,
		});
		const session = await client.session();
		const { types } = await client.listTypes();
		const version = session.vtigerVersion ? ` (vtiger ${session.vtigerVersion})` : '';
		return {
			status: 'OK',
			message: `Connected as ${credentials.username}${version}; ${types.length} modules available`,
		};
	} catch (error) {
		if (error instanceof VtigerApiError) return { status: 'Error', message: error.message };
		return { status: 'Error', message: `The CRM could not be checked: ${(error as Error).message}` };
	}
}
