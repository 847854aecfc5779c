import fs = require('node:fs');
import os = require('node:os');
import path = require('node:path');

/**
 * Jest globalSetup: gives every Xero sandbox of this run (in jest workers, or started by tests in other processes)
 * a directory to write its OpenAPI validation counters to. openapiReport.ts sums them after the run.
 */
export default function openapiSetup(): void {
	let dir = process.env.XERO_SANDBOX_VALIDATION_DIR;
	if (!dir) {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xero-openapi-'));
		process.env.XERO_SANDBOX_VALIDATION_DIR = dir;
		process.env.XERO_SANDBOX_VALIDATION_DIR_OWNED = '1';
	}
	fs.mkdirSync(dir, { recursive: true });
	// counters from an earlier run in a reused directory must not count for this one
	for (const name of fs.readdirSync(dir)) {
		if (/^xero-openapi-\d+\.json$/.test(name)) fs.rmSync(path.join(dir, name));
	}
}
