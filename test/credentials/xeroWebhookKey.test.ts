import type { ICredentialTestFunctions } from 'n8n-workflow';

import { xeroCredentials } from '../../nodes/shared/xero/authentication.description';
import { XeroSync } from '../../nodes/XeroSync/XeroSync.node';
import { XeroWebhookTrigger } from '../../nodes/XeroWebhookTrigger/XeroWebhookTrigger.node';

const node = new XeroWebhookTrigger();
const keyTest = (webhookKey: unknown) =>
	node.methods.credentialTest.xeroWebhookKeyTest.call({} as ICredentialTestFunctions, {
		id: '1',
		name: 'Xero webhook key',
		type: 'xeroWebhookApi',
		data: { webhookKey } as never,
	});

describe('Xero Webhook Key credential: its Test button checks what it can, and says how far that goes', () => {
	it('refuses an empty key', async () => {
		expect(await keyTest('')).toMatchObject({ status: 'Error', message: expect.stringContaining('developer.xero.com') });
	});

	it.each(['abc def', 'abcdef\n', '\tabcdef'])('refuses a key pasted with white space (%p): no signature would match', async (key) => {
		expect(await keyTest(key)).toMatchObject({ status: 'Error', message: expect.stringContaining('spaces or line breaks') });
	});

	it("accepts a well-formed key and says only Xero's Intent to receive confirms it", async () => {
		expect(await keyTest('Y2s0Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6')).toEqual({
			status: 'OK',
			message: expect.stringContaining('Intent to receive'),
		});
	});

	it('is the credential test the node names', () => {
		expect(node.description.credentials?.[0]).toMatchObject({ name: 'xeroWebhookApi', testedBy: 'xeroWebhookKeyTest' });
	});
});

describe('Xero Webhook Trigger lifecycle: Xero webhooks are registered in the developer portal, not by n8n', () => {
	const hooks = node.webhookMethods.default;
	const ctx = {} as never;

	it('never claims to see a registration, and activates and deactivates without calling anything', async () => {
		expect(await hooks.checkExists.call(ctx)).toBe(false);
		expect(await hooks.create.call(ctx)).toBe(true);
		expect(await hooks.delete.call(ctx)).toBe(true);
	});
});

describe('Xero Sync credentials', () => {
	it('are written out in the node file (where n8n verification reads testedBy) and equal the shared list', () => {
		expect(new XeroSync().description.credentials).toEqual(xeroCredentials());
	});
});
