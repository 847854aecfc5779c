#!/usr/bin/env node
// n8n's own verification of a community package, run on this checkout instead of a package downloaded from npm:
// - @n8n/scan-community-package's analysis, called the way its analyzePackageByName() calls it after download: on the
//   source tree (package.json, nodes/, credentials/) and on the extracted `npm pack` tarball (compiled .js and
//   package.json). Its provenance check and download are left out: they need a published version.
// - `n8n-node lint` (@n8n/node-cli), the check n8n's docs ask of every community package.
// - the publish workflow against GitHub's workflow schema (@action-validator/core): it cannot run here.
// Prints the error counts and exits 1 on any error. Needs `npm run build` first (the tarball ships dist/).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';
import { validateWorkflow } from '@action-validator/core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORKFLOW = '.github/workflows/publish.yml';
const stripColour = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');
/** ESLint's stylish summary: "✖ 45 problems (39 errors, 6 warnings)". */
const errorCount = (text) => Number(/\((\d+) errors?,/.exec(stripColour(text ?? ''))?.[1] ?? 0);

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { cwd: repo, encoding: 'utf8', ...options });
	if (result.error) throw result.error;
	return result;
}

function packTarball() {
	if (!fs.existsSync(path.join(repo, 'dist', 'nodes'))) throw new Error('dist/ is missing: run `npm run build` first');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-n8n-'));
	const packed = run('npm', ['pack', '--silent', '--pack-destination', dir]);
	if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
	const tarball = path.join(dir, packed.stdout.trim().split('\n').pop());
	const packageDir = path.join(dir, 'package');
	fs.mkdirSync(packageDir);
	// As the scanner unpacks a downloaded tarball.
	const untar = run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
	return { dir, packageDir };
}

const checks = [];
function report(name, errors, details) {
	checks.push({ name, errors });
	if (errors > 0 && details) process.stdout.write(`${details.trimEnd()}\n`);
	console.log(`${errors === 0 ? 'ok  ' : 'FAIL'} ${name}: ${errors} error${errors === 1 ? '' : 's'}`);
}

async function scan(name, dir, patterns) {
	const result = await analyzePackage(dir, patterns);
	// A failed analysis without an ESLint summary (e.g. a crash) still counts as an error.
	report(name, result.passed ? 0 : Math.max(1, errorCount(result.details)), result.details ?? result.message);
}

const { dir, packageDir } = packTarball();
try {
	await scan('scan-community-package, source', repo, SOURCE_FILE_PATTERNS);
	await scan('scan-community-package, npm pack tarball', packageDir, ['**/*.js', 'package.json']);
} finally {
	fs.rmSync(dir, { recursive: true, force: true });
}

const lint = run(path.join(repo, 'node_modules', '.bin', 'n8n-node'), ['lint'], { env: { ...process.env, FORCE_COLOR: '0' } });
const lintOutput = stripColour(`${lint.stdout}${lint.stderr}`);
report('n8n-node lint', lint.status === 0 ? errorCount(lintOutput) : Math.max(1, errorCount(lintOutput)), lintOutput);

const workflow = validateWorkflow(fs.readFileSync(path.join(repo, WORKFLOW), 'utf8'));
report(`GitHub workflow schema, ${WORKFLOW}`, workflow.errors.length, JSON.stringify(workflow.errors, null, 2));

const failed = checks.filter((check) => check.errors > 0);
if (failed.length > 0) {
	console.log(`n8n verification failed: ${failed.map((check) => check.name).join('; ')}`);
	process.exit(1);
}
console.log('n8n verification: 0 errors');
