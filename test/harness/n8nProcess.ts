import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

let prepared = false;

/**
 * Process-wide set-up n8n's own server would do, so that tests neither touch a developer's files nor hang:
 * - n8n-core's InstanceSettings creates a settings file (with an encryption key) under the n8n user folder the first
 *   time a node runs; each process gets a throwaway folder, so parallel jest workers never race on one file;
 * - n8n-core's SSHClientsManager (created for every node context) starts a 60 s cleanup interval that only n8n's
 *   shutdown clears; left referenced it keeps jest (and any script) from exiting.
 */
export function prepareN8nProcess(): void {
	if (prepared) return;
	prepared = true;
	if (!process.env.N8N_HARNESS_USER_FOLDER) {
		const folder = mkdtempSync(path.join(tmpdir(), 'n8n-xero-crm-harness-'));
		process.env.N8N_HARNESS_USER_FOLDER = folder;
		process.env.N8N_USER_FOLDER = folder;
		process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
	}
	const { Container } = require('@n8n/di') as { Container: { get<T>(type: new (...args: never[]) => T): T } };
	const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager') as {
		SSHClientsManager: new (...args: never[]) => { cleanupTimer?: NodeJS.Timeout };
	};
	Container.get(SSHClientsManager).cleanupTimer?.unref();
}
