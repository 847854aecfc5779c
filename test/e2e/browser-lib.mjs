// Debian's chromium driven by playwright-core (never a downloaded browser), for the editor tests.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, selectors } from 'playwright-core';

// n8n's editor marks elements with data-test-id.
selectors.setTestIdAttribute('data-test-id');
import { env } from './lib.mjs';

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
