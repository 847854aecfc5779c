import type { IHttpRequestOptions } from 'n8n-workflow';
import { senderFromHttpRequest } from '../../nodes/CrmRecord/transport/senders';

/**
 * n8n's `qs` encoder works in 1024-character chunks and splits an emoji that straddles a chunk edge, corrupting the
 * next character of a long VTQL query. The sender therefore puts GET parameters into the URL itself.
 */
test('a GET carries its parameters in the URL, encoded so that they decode to exactly what was sent', async () => {
	const sent: IHttpRequestOptions[] = [];
	const send = senderFromHttpRequest({
		helpers: {
			httpRequest: async (options: IHttpRequestOptions) => {
				sent.push(options);
				return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"success":true,"result":[]}' };
			},
		},
	} as never);
	const prefix = "SELECT * FROM Accounts WHERE accountname IN ('";
	const query = `${prefix}${'a'.repeat(1023 - prefix.length)}😀 O''Neill & Sons + 100%');`;
	expect(query.charCodeAt(1023)).toBe(0xd83d);

	await send({ method: 'GET', url: 'http://crm.test/webservice.php', params: { operation: 'query', sessionName: 's', query } });

	expect(sent[0].qs).toBeUndefined();
	const url = new URL(sent[0].url);
	expect(url.searchParams.get('query')).toBe(query);
	expect(url.searchParams.get('operation')).toBe('query');
});
