/**
 * Type-checking is done once by `tsc` in `make test`; jest only transpiles. The global setup starts
 * the real pipeline functions once for the run (test/engine/global-setup.ts); the teardown stops them.
 */
const os = require('os');

module.exports = {
  // Most test time is the real engines (crank and the functions) in child processes, so two
  // workers use both cores of a 2-core machine; jest's default (cores - 1) would leave one idle.
  maxWorkers: Math.max(2, os.cpus().length - 1),
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
