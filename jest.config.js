/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test', '<rootDir>/nodes', '<rootDir>/sandbox'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
	testTimeout: 60000,
	maxWorkers: 2,
	globalSetup: '<rootDir>/test/support/openapiSetup.ts',
	globalTeardown: '<rootDir>/test/support/openapiReport.ts',
};
