// The Xero OAuth2 credential connected through n8n's own endpoints, as the editor's "Connect my account" does:
// n8n's auth URL, the Xero sandbox's consent (which agrees at once and redirects), then n8n's callback, which
// exchanges the code and saves the tokens. Used by the OAuth2 e2e test and the queue-mode test.
export async function connectXeroOAuth2(rest, credentialId) {
	const authUrl = await rest.get(`/rest/oauth2-credential/auth?id=${credentialId}`);
	const consent = await fetch(authUrl, { redirect: 'manual' });
	const callback = new URL(consent.headers.get('location') ?? '', rest.baseUrl);
	const done = await rest.raw('GET', callback.pathname + callback.search);
	return { authUrl, consent, callback, done, html: await done.text() };
}
