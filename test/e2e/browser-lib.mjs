// Debian's chromium driven by playwright-core (never a downloaded browser), for the editor tests.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, selectors } from 'playwright-core';

// n8n's editor marks elements with data-test-id.
selectors.setTestIdAttribute('data-test-id');
import assert from 'node:assert/strict';
import { env, sandbox } from './lib.mjs';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
];

export async function launch() {
	const userDataDir = mkdtempSync(join(tmpdir(), 'xero-crm-chromium-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		headless: true,
		args: CHROMIUM_ARGS,
		viewport: { width: 1440, height: 900 },
	});
	context.setDefaultTimeout(30_000);
	const page = context.pages()[0] ?? (await context.newPage());
	const consoleErrors = [];
	page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
	mkdirSync(env.screenshots, { recursive: true });
	let shot = 0;
	return {
		context,
		page,
		consoleErrors,
		screenshot: async (name) => {
			shot += 1;
			const path = join(env.screenshots, `${String(shot).padStart(2, '0')}-${name}.png`);
			await page.screenshot({ path });
			return path;
		},
		close: async () => {
			await context.close();
			rmSync(userDataDir, { recursive: true, force: true });
		},
	};
}

export async function signIn(page) {
	await page.goto(`${env.n8nUrl}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"]').fill(env.email);
	await page.locator('input[name="password"]').fill(env.password);
	await page.locator('[data-test-id="form-submit-button"]').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}

/** node:test's `test`, but a failing test leaves a screenshot of the page (of the browser `current()` returns). */
export function screenshotOnFailure(nodeTest, current) {
	return (name, fn, options) =>
		nodeTest(name, options ?? {}, async () => {
			try {
				await fn();
			} catch (error) {
				await current()?.screenshot(`FAILED-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`).catch(() => undefined);
				throw error;
			}
		});
}

/**
 * Connects the "Xero OAuth2 (sandbox)" credential with "Connect my account" (or "Reconnect" once connected): the
 * popup goes to the sandbox's authorize page, which consents at once and redirects to n8n's callback.
 */
export async function connectXeroOAuth2(browser, name = 'Xero OAuth2 (sandbox)') {
	const { page, context } = browser;
	await page.goto(`${env.n8nUrl}/home/credentials`);
	await page.locator('[data-test-id^="resources-list-item"]').filter({ hasText: name }).first().click();
	const modal = page.getByTestId('editCredential-modal');
	await modal.waitFor();
	const button = modal
		.getByTestId('oauth-connect-button')
		.or(modal.getByTestId('oauth-connect-success-banner').getByRole('button'))
		// n8n 2.41 shows a not-yet-connected credential as a warning banner with a plain "Connect" button.
		.or(modal.getByRole('button', { name: /^\s*Connect\s*$/ }))
		.filter({ visible: true })
		.first();
	await button.waitFor();
	// n8n's callback page tells the editor and the popup closes (often before anyone could look at it): watch the network.
	const authorize = context.waitForEvent('request', (r) => r.url().startsWith(`${sandbox().xero.url}/identity/connect/authorize`));
	const callback = context.waitForEvent('response', (r) => r.url().startsWith(`${env.n8nUrl}/rest/oauth2-credential/callback?`));
	await button.click();
	const authorizeUrl = new URL((await authorize).url());
	assert.equal(authorizeUrl.searchParams.get('client_id'), sandbox().xero.webClient.clientId);
	const done = await callback;
	assert.equal(done.status(), 200);
	assert.ok(new URL(done.url()).searchParams.get('code'), 'n8n received an authorization code');
	await modal.getByTestId('oauth-connect-success-banner').waitFor({ timeout: 30_000 });
	assert.match(await modal.getByTestId('oauth-connect-success-banner').innerText(), /connected/i);
	await page.keyboard.press('Escape');
}

/**
 * A screenshot is evidence only if it shows the editor: a PNG of the page's size, with many distinct colours (a blank
 * or single-colour page has one or two). The browser decodes the PNG, so no image library is needed.
 */
export async function assertScreenshotShowsPage(page, path) {
	const png = readFileSync(path);
	assert.ok(png.length > 10_000, `${path} is ${png.length} bytes: too small to show a page`);
	assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', `${path} is a PNG`);
	const stats = await page.evaluate(async (base64) => {
		const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
		const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
		const g = canvas.getContext('2d');
		g.drawImage(bitmap, 0, 0);
		const { data } = g.getImageData(0, 0, bitmap.width, bitmap.height);
		const colours = new Set();
		for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
		return { width: bitmap.width, height: bitmap.height, colours: colours.size };
	}, png.toString('base64'));
	assert.equal(stats.width, page.viewportSize().width, `${path} has the page's width`);
	assert.ok(stats.colours >= 8, `${path} shows a rendered page (${stats.colours} distinct colours sampled)`);
}
