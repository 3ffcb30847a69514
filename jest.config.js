/**
 * Type-checking is done once by `tsc` in `make test`; jest only transpiles. The global setup starts
 * the real pipeline functions once for the run (test/engine/global-setup.ts); the teardown stops them.
 */
module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }],
  },
  globalSetup: '<rootDir>/test/engine/global-setup.ts',
  globalTeardown: '<rootDir>/test/engine/global-teardown.ts',
  testTimeout: 300000,
};
