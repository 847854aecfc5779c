import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * n8n-core's InstanceSettings creates a settings file (with an encryption key) under the n8n user folder the first
 * time a node runs. Tests must never write into a developer's real ~/.n8n, and parallel jest workers must not race
 * on one file, so each process gets its own throwaway folder before n8n-core reads the config.
 */
export function useThrowawayN8nFolder(): void {
	if (process.env.N8N_HARNESS_USER_FOLDER) return;
	const folder = mkdtempSync(path.join(tmpdir(), 'n8n-xero-crm-harness-'));
	process.env.N8N_HARNESS_USER_FOLDER = folder;
	process.env.N8N_USER_FOLDER = folder;
	process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
}
