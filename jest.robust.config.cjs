// The robustness suite (`npm run test:robust`): real server processes, crashes, a 60 s load test and
// fuzzing. Same transform as jest.config.cjs (SWC to CommonJS; the ESM-only packages transformed too),
// but only tests/robust, one file at a time (--runInBand), with timeouts measured in minutes.
const base = require('./jest.config.cjs');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: base.testEnvironment,
  roots: ['<rootDir>/tests/robust'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  transform: base.transform,
  transformIgnorePatterns: base.transformIgnorePatterns,
  moduleFileExtensions: base.moduleFileExtensions,
  ...(base.moduleNameMapper ? { moduleNameMapper: base.moduleNameMapper } : {}),
  testTimeout: 10 * 60 * 1000,
  globalSetup: base.globalSetup,
  globalTeardown: base.globalTeardown,
};
