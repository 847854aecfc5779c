import { prepareN8nProcess } from './n8nProcess';
prepareN8nProcess();

import { CredentialTestContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunction,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { HarnessCredentialTypes } from './credentialTypes';
import { HarnessCredentialsHelper } from './credentialsHelper';
import { loadPackageTypes } from './packageTypes';
import { additionalDataFor } from './runWorkflow';

/**
 * What the editor's Test button does with a node's `testedBy` function: n8n's CredentialsTester applies the
 * credential's defaults and expressions to the form data (mode 'internal'), then calls the function with n8n-core's
 * CredentialTestContext.
 */
export async function testCredential(
	type: string,
	data: ICredentialDataDecryptedObject,
	testFunction: ICredentialTestFunction,
): Promise<INodeCredentialTestResult> {
	const helper = new HarnessCredentialsHelper(new HarnessCredentialTypes(loadPackageTypes().credentials), {});
	const resolved = helper.applyDefaults(additionalDataFor(helper), data, type, 'internal');
	const credential: ICredentialsDecrypted = { id: 'test', name: 'Credential under test', type, data: resolved };
	return await testFunction.call(new CredentialTestContext(), credential);
}

/** The credential data after defaults and expressions, as a node or the Test button would read it. */
export function resolvedCredential(type: string, data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
	const helper = new HarnessCredentialsHelper(new HarnessCredentialTypes(loadPackageTypes().credentials), {});
	return helper.applyDefaults(additionalDataFor(helper), data, type, 'internal');
}
