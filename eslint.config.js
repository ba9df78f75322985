// ESLint 9 flat config: typescript-eslint's type-checked rules everywhere, the Office add-ins rules
// for addin/, Prettier owns formatting (eslint-config-prettier turns off the rules it would fight).
// The import boundaries the README promises are enforced here:
//   core/    imports only zod (and itself): no node:, no Express, lowdb or Office;
//   server/  never imports addin/; its browser pages (server/public) import only core and themselves;
//   addin/   never imports server/; only addin/excel uses the Excel/Office globals.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import prettier from 'eslint-config-prettier';

/** A relative import that climbs out to one of these top-level folders (e.g. '../../server/app'). */
const into = (...folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

const nodeAndServerLibraries = {
  regex: '^(node:|express|lowdb|steno|pg$|compression|helmet|supertest|exceljs)',
  message: 'Browser code runs in a web view: no Node or server libraries.',
};

/** Office globals: only addin/excel talks to Excel. */
const officeGlobals = ['Excel', 'Office', 'OfficeExtension', 'OfficeCore'].map((name) => ({
  name,
  message: 'Only addin/excel touches Excel/Office; pass what you need in from there.',
}));

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', '.certs/', 'tests/.tmp/', 'addin/assets/'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.cjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `${n}` of numbers and booleans is what the message texts do; objects are still reported.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // The code writes `x[i]!` where an index is known to exist, as noUncheckedIndexedAccess asks;
      // with that compiler flag off (yet) the rule would strip every one of those assertions.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Express 5 awaits handlers that return promises: an async handler is not a floating promise.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    // Plain JavaScript config files: Node globals, no type information needed.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        performance: 'readonly',
        URL: 'readonly',
        module: 'writable',
        require: 'readonly',
      },
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!zod$|\\.\\.?/)', message: 'core/ is pure: it imports only zod.' },
            { regex: into('server', 'addin', 'tests'), message: 'core/ is pure: it imports only zod and core.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: into('addin'), message: 'server/ and addin/ never import each other; share through core/.' },
            {
              regex: '^(@microsoft/office-js|office-ui-fabric-core|chart\\.js)',
              message: 'Add-in libraries stay in addin/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/public/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: into('addin'), message: 'server/ and addin/ never import each other; share through core/.' },
            nodeAndServerLibraries,
            {
              regex: '^\\.\\./\\.\\./(?!\\.\\./core/)',
              message: 'The public pages import only core/ and server/public/ (they run in the browser).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['addin/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: into('server', 'tests'),
              message: 'server/ and addin/ never import each other; share through core/.',
            },
            nodeAndServerLibraries,
          ],
        },
      ],
    },
  },
  {
    files: ['addin/**/*.ts'],
    ignores: ['addin/excel/**'],
    rules: {
      'no-restricted-globals': ['error', ...officeGlobals],
      // Types too (Excel.Range in a signature): no-restricted-globals sees values only.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSQualifiedName > Identifier.left[name=/^(Excel|Office|OfficeExtension|OfficeCore)$/]',
          message: 'Only addin/excel touches Excel/Office types; pass plain values in from there.',
        },
      ],
    },
  },
  {
    // The file stores implement the async store contract (server/store/contract) that the PostgreSQL
    // store awaits in; in memory there is nothing to await, and `async` keeps a throw a rejection.
    files: ['server/store/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // The fake workbook's seeds are object literals whose methods get their own `this` from the mock.
    files: ['tests/addin/fakeExcel.ts'],
    rules: { '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['workbook'] }] },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Tests reach into values they have just checked; `!` after an expect is the clearer form.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // supertest's res.body and Playwright's evaluate() are `any` by design; the tests check their
      // shape with expect(), which is the point of the test.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  prettier,
);
