// Jest runs TypeScript through SWC as CommonJS. Some dependencies ship ESM only (lowdb, steno,
// and what office-addin-manifest pulls in: strip-bom, uuid, node-fetch 3 and its helpers), so those are
// transformed too. The pattern looks at the innermost node_modules folder of a path, because
// node-fetch sits nested under @microsoft/app-manifest.
const esmOnly = [
  'lowdb',
  'steno',
  'strip-bom',
  'node-fetch',
  'data-uri-to-buffer',
  'fetch-blob',
  'formdata-polyfill',
  'uuid',
].join('|');
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/tests/robust/', '/tests/bench/'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(?:${esmOnly})/)[^/]+/(?:(?!/node_modules/).)*$`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // A throwaway PostgreSQL for the PostgreSQL store's tests (tests/support/postgres.ts).
  globalSetup: '<rootDir>/tests/support/pgGlobalSetup.ts',
  globalTeardown: '<rootDir>/tests/support/pgGlobalTeardown.ts',
};
