import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INodeCredentialTestResult } from 'n8n-workflow';

import '../harness';
import { CrmRecord } from '../../nodes/CrmRecord/CrmRecord.node';
import type { VtigerSandbox } from '../../sandbox/vtiger';
import { credentialFor, withSandbox } from './workflow';

let crm: VtigerSandbox;
let html: Server;
let htmlUrl: string;

beforeAll(async () => {
	crm = await withSandbox('demo');
	html = createServer((_req, res) => {
		res.writeHead(200, { 'Content-Type': 'text/html' });
		res.end('<!doctype html><html><body>Welcome to our website</body></html>');
	});
	await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', resolve));
	htmlUrl = `http://127.0.0.1:${(html.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await crm.close();
	await new Promise((resolve) => html.close(resolve));
});
afterEach(() => crm.faults.clear());

/** Runs the node's `testedBy` function the way n8n's credential Test button does, with n8n-core's own context. */
async function testCredential(data: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult> {
	const node = new CrmRecord();
	const name = node.description.credentials?.[0].testedBy as string;
	const test = node.methods.credentialTest[name as 'simplyCrmApiTest'];
	return await test.call(new CredentialTestContext(), { id: 'c', name: 'CRM', type: 'simplyCrmApi', data });
}

async function closedPortUrl(): Promise<string> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return `http://127.0.0.1:${port}`;
}

test('the node names its test for the simplyCrmApi credential', () => {
	expect(new CrmRecord().description.credentials).toEqual([
		{ name: 'simplyCrmApi', required: true, testedBy: 'simplyCrmApiTest' },
	]);
});

test('right credentials: OK, with the user and the vtiger version', async () => {
	const result = await testCredential(credentialFor(crm));
	expect(result.status).toBe('OK');
	expect(result.message).toMatch(/^Connected as admin \(vtiger 7\.5\.0\); \d+ modules available$/);
});

test('a wrong access key says so, and which user', async () => {
	const result = await testCredential(credentialFor(crm, { accessKey: 'AAAAAAAAAAAAAAAA' }));
	expect(result).toEqual({
		status: 'Error',
		message:
			'The CRM rejected the access key for user "admin" (vtiger INVALID_USER_CREDENTIALS: Invalid username or password). Copy the access key from My Preferences in the CRM (it is not the password).',
	});
	expect(result.message).not.toContain('AAAAAAAAAAAAAAAA');
});

test('an unknown user says the user does not exist', async () => {
	const result = await testCredential(credentialFor(crm, { username: 'nosuchuser' }));
	expect(result.status).toBe('Error');
	expect(result.message).toBe(
		'The CRM has no user named "nosuchuser" (vtiger ACCESS_DENIED: username does not exists). Check the user name in the credential.',
	);
});

test('an unreachable URL says it could not be reached', async () => {
	const url = await closedPortUrl();
	const result = await testCredential(credentialFor(crm, { instanceUrl: url }));
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(/^The CRM at 127\.0\.0\.1:\d+ could not be reached \(ECONNREFUSED\)\. Check the instance URL/);
});

test('a web page that is not vtiger says so', async () => {
	const result = await testCredential(credentialFor(crm, { instanceUrl: htmlUrl }));
	expect(result).toEqual({
		status: 'Error',
		message:
			'The URL did not answer "getchallenge" like a vtiger webservice (it sent an HTML page). Check the instance URL.',
	});
});

test('a path without webservice.php (HTTP 404) says there is no webservice there', async () => {
	const result = await testCredential(credentialFor(crm, { instanceUrl: `${crm.url}/not-the-crm/` }));
	expect(result.status).toBe('Error');
	expect(result.message).toBe(
		'The CRM answered "getchallenge" with HTTP 404: there is no vtiger webservice.php at this URL',
	);
});

test('an empty HTTP 500 is a readable error', async () => {
	crm.faults.fail500(1);
	const result = await testCredential(credentialFor(crm));
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(/^The CRM failed with HTTP 500 and an empty response to "getchallenge"/);
});

test('empty fields are reported before any request', async () => {
	const result = await testCredential({ instanceUrl: crm.url, username: 'admin', accessKey: '' });
	expect(result).toEqual({ status: 'Error', message: 'Fill in the instance URL, the user name and the access key' });
});
