/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test', '<rootDir>/nodes', '<rootDir>/sandbox'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
	testTimeout: 60000,
	maxWorkers: 2,
	// Sandboxes and n8n-core keep sockets and timers that outlive a file's afterAll now and then; a finished run
	// must still end, or CI waits out its whole time limit.
	forceExit: true,
	globalSetup: '<rootDir>/test/support/openapiSetup.ts',
	globalTeardown: '<rootDir>/test/support/openapiReport.ts',
};
