import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What `npm publish` would ship: only the built nodes and credentials, the README and the licence. */
const root = path.resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('the published package', () => {
	it('has no runtime dependencies, n8n-workflow as a peer, and the community keyword', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.keywords).toContain('n8n-community-node-package');
	});

	it('packs only dist/, the README, the licence and package.json, and every file n8n loads (run npm run build first)', () => {
		expect(existsSync(path.join(root, 'dist', 'nodes'))).toBe(true);
		const [report] = JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }),
		) as Array<{ files: Array<{ path: string }> }>;
		const files = report.files.map((file) => file.path);
		const outside = files.filter(
			(file) => !/^dist\/(nodes|credentials)\//.test(file) && !['package.json', 'README.md', 'LICENSE'].includes(file),
		);
		expect(outside).toEqual([]);
		for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(files).toContain(entry);
		expect(files.some((file) => file.startsWith('dist/sandbox'))).toBe(false);
	});
});
