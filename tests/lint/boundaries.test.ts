/**
 * The import boundaries the README promises, as eslint.config.js enforces them: code that crosses
 * one is an error with the rule's message. Each probe is linted as the text of an existing file in
 * the folder it tests (so the type-aware parser knows the file); nothing is written to disk.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

const officeCode = [
  'export async function write(context: Excel.RequestContext): Promise<void> {',
  '  await Excel.run(async (ctx) => ctx.sync());',
  '  await context.sync();',
  '}',
  'export const host = (): unknown => Office.context;',
].join('\n');

const probes = {
  core: {
    file: 'core/compare.ts',
    code: [
      "import { z } from 'zod';",
      "import { readFileSync } from 'node:fs';",
      "import express from 'express';",
      "import { Low } from 'lowdb';",
      "import { HttpError } from '../server/http/errors';",
      "import { KoersClient } from '../addin/api/client';",
      "import { slugSchema } from './text';",
      'export const all = [z, readFileSync, express, Low, HttpError, KoersClient, slugSchema];',
    ].join('\n'),
  },
  server: {
    file: 'server/http/errors.ts',
    code: "import { KoersClient } from '../../addin/api/client';\nexport const client = KoersClient;",
  },
  addin: {
    file: 'addin/api/client.ts',
    code: [
      "import { HttpError } from '../../server/http/errors';",
      "import { readFileSync } from 'node:fs';",
      "import { slugSchema } from '../../core/text';",
      'export const all = [HttpError, readFileSync, slugSchema];',
    ].join('\n'),
  },
  officeOutsideExcel: { file: 'addin/taskpane/view.ts', code: officeCode },
  officeInExcel: { file: 'addin/excel/batch.ts', code: officeCode },
  publicPage: {
    file: 'server/public/form/formApi.ts',
    code: [
      "import { HttpError } from '../../http/errors';",
      "import { shrmSurvey } from '../../../core/instruments';",
      "import { getJson } from '../shared/pageApi';",
      'export const all = [HttpError, shrmSurvey, getJson];',
    ].join('\n'),
  },
} satisfies Record<string, { file: string; code: string }>;

// ESLint's flat config is ESM, which Jest's CommonJS runtime cannot import: all probes are linted in
// one child process through ESLint's own API, so the type-checked program is built once.
const lintProbes = `
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';
const probes = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: process.cwd() });
const out = {};
for (const [name, { file, code }] of Object.entries(probes)) {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(file) });
  out[name] = result.messages.map((m) => (m.ruleId ?? 'parse') + ': ' + m.message);
}
process.stdout.write(JSON.stringify(out));
`;

let found: Record<keyof typeof probes, string[]>;

beforeAll(() => {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', lintProbes], {
    cwd: root,
    input: JSON.stringify(probes),
    encoding: 'utf8',
  });
  found = JSON.parse(output) as typeof found;
}, 120_000);

const restricted = (messages: string[], rule = /^no-restricted-/) => messages.filter((m) => rule.test(m));

describe('import boundaries (eslint.config.js)', () => {
  test('core imports only zod and core', () => {
    const messages = restricted(found.core);
    expect(messages).toHaveLength(5);
    for (const library of ['node:fs', 'express', 'lowdb', '../server/http/errors', '../addin/api/client'])
      expect(messages.some((m) => m.includes(`'${library}'`))).toBe(true);
    expect(messages.join('\n')).not.toMatch(/'zod'|'\.\/text'/);
  });

  test('server never imports addin', () => {
    expect(restricted(found.server)).toEqual([expect.stringMatching(/never import each other/)]);
  });

  test('addin never imports server nor Node libraries, and may import core', () => {
    const messages = restricted(found.addin);
    expect(messages).toHaveLength(2);
    expect(messages.join('\n')).not.toContain('core/text');
  });

  test('only addin/excel touches the Excel and Office globals and types', () => {
    expect(restricted(found.officeOutsideExcel)).toHaveLength(3);
    expect(restricted(found.officeInExcel)).toEqual([]);
  });

  test('the public pages import only core and their own folder', () => {
    expect(restricted(found.publicPage)).toEqual([expect.stringMatching(/public pages import only core/)]);
  });
});
