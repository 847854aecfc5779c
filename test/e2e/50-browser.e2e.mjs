// A real browser in the real editor: Debian's chromium driven by playwright-core. Every step asserts on what the
// page shows; screenshots go to screenshots/n8n-<version>/ (git-ignored) for people to look at.
import { after, before, test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { connectXeroOAuth2, launch, screenshotOnFailure, signIn } from './browser-lib.mjs';
import { env, importedWorkflows, n8n, sandbox, secrets } from './lib.mjs';

let browser;
let page;

before(async () => {
	browser = await launch();
	page = browser.page;
});

after(async () => {
	await browser?.close();
});

const test = screenshotOnFailure(nodeTest, () => browser);

/** Items of the node creator list (the panel that opens with +). */
const creatorItems = () => page.getByTestId('node-creator').getByTestId('item-iterator-item');

async function iconOf(item) {
	const img = item.locator('img').first();
	await img.waitFor();
	await page.waitForFunction((el) => el.complete, await img.elementHandle());
	return img.evaluate((el) => ({ src: el.getAttribute('src'), width: el.naturalWidth }));
}

async function assertPackageIcon(item, label) {
	const icon = await iconOf(item);
	assert.match(icon.src, /\/icons\/n8n-nodes-xero-crm\/dist\//, `${label} shows the package's icon (${icon.src})`);
	assert.ok(icon.width > 0, `${label}'s icon loaded`);
}

test('signs in and sees the example workflows', async () => {
	await signIn(page);
	await page.goto(`${env.n8nUrl}/home/workflows`);
	const cards = page.locator('[data-test-id^="resources-list-item"]');
	await cards.first().waitFor();
	const text = (await cards.allInnerTexts()).join('\n');
	for (const w of importedWorkflows()) assert.ok(text.includes(w.name), `"${w.name}" is listed`);
	await browser.screenshot('workflows');
});

/** Opens a credential from the Credentials page; returns the modal. */
async function openCredential(name) {
	await page.goto(`${env.n8nUrl}/home/credentials`);
	await page.locator('[data-test-id^="resources-list-item"]').filter({ hasText: name }).first().click();
	const modal = page.getByTestId('editCredential-modal');
	await modal.waitFor();
	return modal;
}

test('connects the Xero OAuth2 credential with "Connect my account" (sandbox consent in a popup)', async () => {
	// Not connected yet: "Connect my account"; connected (the OAuth2 e2e ran first): "Reconnect" in the banner.
	await connectXeroOAuth2(browser);
	await browser.screenshot('oauth2-connected');
});

test('the node panel finds the Xero nodes with their Get/Send actions and the CRM Record node, with icons', async () => {
	await page.goto(`${env.n8nUrl}/workflow/new`);
	await page.getByTestId('canvas-add-button').click();
	await page.getByTestId('node-creator-search-bar').fill('manual');
	await creatorItems().filter({ hasText: /Trigger manually|When clicking|Manual/ }).first().click();
	await page.keyboard.press('Escape');
	await page.getByTestId('node-creator-plus-button').click();

	await page.getByTestId('node-creator-search-bar').fill('Xero');
	const xeroSync = creatorItems().filter({ hasText: 'Xero Sync' }).first();
	await xeroSync.waitFor();
	await assertPackageIcon(xeroSync, 'Xero Sync');
	await browser.screenshot('node-panel-xero');
	await xeroSync.click();
	const panel = page.getByTestId('node-creator');
	await panel.getByText('Get organisations', { exact: true }).waitFor();
	const actions = await panel.innerText();
	for (const a of ['Get organisations', 'Send organisation', 'Get invoices', 'Send invoice', 'Get items', 'Send item']) {
		assert.ok(actions.includes(a), `action "${a}" is offered`);
	}
	await browser.screenshot('xero-sync-actions');

	// Back to the search and on to the CRM node.
	await page.getByTestId('nodes-list-header').first().locator('button').first().click();
	await page.getByTestId('node-creator-search-bar').fill('CRM');
	const crmRecord = creatorItems().filter({ hasText: 'CRM Record' }).first();
	await crmRecord.waitFor();
	await assertPackageIcon(crmRecord, 'CRM Record');
	await crmRecord.click();
	await panel.getByText('Get changed records').waitFor();
	await browser.screenshot('crm-record-actions');
	// One Escape leaves the actions list and a second closes the panel, depending on where the keyboard focus sits.
	for (let i = 0; i < 3 && (await page.getByTestId('node-creator').isVisible()); i++) {
		await page.keyboard.press('Escape');
		await page.getByTestId('node-creator').waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => undefined);
	}
});

test('adds a Xero Sync node and picks a tenant from the searchable list', async () => {
	await page.getByTestId('node-creator-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill('Xero');
	await creatorItems().filter({ hasText: 'Xero Sync' }).first().click();
	await page.getByTestId('node-creator').getByText('Get organisations', { exact: true }).click();
	const ndv = page.getByTestId('ndv');
	await ndv.waitFor();
	// OAuth2 is the default authentication; the connected sandbox credential is the only one of its type.
	const credential = ndv.getByTestId('node-credentials-select').locator('input');
	await credential.waitFor();
	if ((await credential.inputValue()) !== 'Xero OAuth2 (sandbox)') {
		await credential.click();
		await page.getByRole('option', { name: 'Xero OAuth2 (sandbox)' }).click();
	}
	const locator = ndv.getByTestId('resource-locator-tenant');
	await locator.getByTestId('rlc-input-container').click();
	const items = page.getByTestId('rlc-item');
	await items.first().waitFor();
	const names = (await items.allInnerTexts()).map((t) => t.trim()).sort();
	assert.deepEqual(names, sandbox().xero.tenants.map((t) => t.tenantName).sort(), 'the list shows both connected organisations');
	await browser.screenshot('tenant-list');
	const search = page.getByTestId('rlc-search');
	const searchInput = (await search.evaluate((el) => el.tagName)) === 'INPUT' ? search : search.locator('input');
	await searchInput.fill('Second');
	await page.waitForFunction(() => document.querySelectorAll('[data-test-id="rlc-item"]').length === 1);
	assert.deepEqual((await items.allInnerTexts()).map((t) => t.trim()), ['Second Demo Ltd'], 'the search filters the list');
	await items.first().click();
	await assert.doesNotReject(() => locator.getByTestId('rlc-input-container').locator('input').evaluate((el) => el.value).then((v) => assert.equal(v, 'Second Demo Ltd')));
	await browser.screenshot('tenant-picked');
	await page.keyboard.press('Escape');
});

async function expectTestResult(modal, ok) {
	if (ok) {
		await modal.getByTestId('credentials-config-container-test-success').waitFor({ timeout: 30_000 });
		assert.ok(await modal.getByText('Connection tested successfully').isVisible());
	} else {
		await modal.getByText(/Couldn.t connect with these settings/).waitFor({ timeout: 30_000 });
	}
}

async function credentialRoundTrip({ name, field, good, wrong, expectMessage, shotName }) {
	const modal = await openCredential(name);
	await expectTestResult(modal, true);
	// The Test button: n8n 2.x labels it "Retry" once a test has run.
	await modal.getByRole('button', { name: /Retry|Test/ }).first().click();
	await expectTestResult(modal, true);
	await browser.screenshot(`${shotName}-ok`);

	const input = modal.getByTestId(`parameter-input-${field}`).locator('input');
	try {
		await input.fill(wrong);
		await modal.getByTestId('credential-save-button').click();
		await expectTestResult(modal, false);
		await modal.getByText('More details').click();
		const message = modal.getByText(expectMessage).filter({ visible: true }).first();
		await message.waitFor();
		const shown = await message.innerText();
		await browser.screenshot(`${shotName}-wrong`);
		for (const secret of [...secrets(), wrong]) assert.ok(!shown.includes(secret), 'the failure message does not echo a secret');
	} finally {
		await input.fill(good);
		await modal.getByTestId('credential-save-button').click();
	}
	await expectTestResult(modal, true);
	await page.keyboard.press('Escape');
}

test('Xero Custom Connection credential: Test succeeds, a wrong secret shows the failure message', async () => {
	await credentialRoundTrip({
		name: 'Xero Custom Connection (sandbox)',
		field: 'clientSecret',
		good: sandbox().xero.customConnection.clientSecret,
		wrong: 'not-the-client-secret',
		expectMessage: /client|secret|credential|invalid/i,
		shotName: 'xero-custom-connection',
	});
});

test('Simply CRM credential: Test succeeds, a wrong access key shows the failure message', async () => {
	await credentialRoundTrip({
		name: 'Simply CRM (sandbox)',
		field: 'accessKey',
		good: sandbox().crm.accessKey,
		wrong: 'WrongKey00000000',
		expectMessage: /access key/i,
		shotName: 'simply-crm',
	});
});

test('runs an example workflow from the editor and shows items on the success and the error output', async () => {
	const example = importedWorkflows().find((w) => w.file === 'organisations-crm-to-xero.json');
	assert.ok(example, 'the CRM → Xero organisations example is imported');
	await page.goto(`${env.n8nUrl}/workflow/${example.id}`);
	// The canvas first, then the button: on a loaded machine the editor is still settling (it timed out at 30 s).
	await page.getByTestId('canvas-node').filter({ hasText: 'Send organisation to Xero' }).waitFor({ timeout: 90_000 });
	await page.getByTestId('execute-workflow-button').click({ timeout: 90_000 });
	// The editor reports the finished run in a toast; the canvas then labels each connection with its item count.
	await page.getByText(/Workflow executed successfully|executed successfully/i).first().waitFor({ timeout: 120_000 });
	await browser.screenshot('example-run');
	const rest = await n8n();
	const executions = await rest.get(`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: example.id }))}`);
	const latest = (executions.results ?? executions)[0];
	assert.equal(latest.status, 'success', 'the run from the editor succeeded');
	// Open the Xero node: its output panel offers the success and the error branch with their items.
	await page.getByTestId('canvas-node').filter({ hasText: 'Send organisation to Xero' }).dblclick();
	const output = page.getByTestId('output-panel');
	await output.waitFor();
	const branches = await output.innerText();
	assert.match(branches, /Success[^\n]*\d+ items?/i, `success branch with items: ${branches.slice(0, 300)}`);
	assert.match(branches, /Error[^\n]*1 item/i, 'error branch with the planted record');
	await browser.screenshot('example-outputs');
	await output.getByText(/Error/).first().click();
	await output.getByText(/e-?mail/i).first().waitFor();
	await browser.screenshot('example-error-branch');
});
