/**
 * koers.json is checked with its schema on open (issue 8, item 4): a document that parses but has the
 * wrong shape, a missing document beside existing logs, or a missing secret stops the start with a
 * message naming the file, and nothing is overwritten.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../../server/store/index';
import { createOrganisations, removeDir, tempDataDir } from './support/fixture';

let dataDir: string;
afterEach(() => removeDir(dataDir));

/** A folder with an organisation, a round, codes and one response, closed cleanly. */
async function populatedFolder(): Promise<{ metaPath: string; original: string }> {
  dataDir = tempDataDir('meta');
  const [org] = await createOrganisations(dataDir, ['Vorm College']);
  const store = await openStore({ dataDir });
  const round = await store.rounds.createRound(org!.organisationId, {
    surveyId: 'shrm',
    name: 'R',
    groups: ['leraren'],
    anonymityThreshold: 2,
    actionGap: 1,
  });
  const [code] = await store.rounds.createInvitations(org!.organisationId, round.id, 'leraren', 1);
  const survey = (await store.surveys.getSurvey(org!.organisationId, 'shrm'))!;
  const statementId = survey.sections[0]!.statements[0]!.id;
  await store.responses.submitResponse(
    { code: code!, answers: [{ statementId, current: 2, desired: 4 }] },
    '2026-01-01',
  );
  await store.close();
  const metaPath = path.join(dataDir, 'koers.json');
  return { metaPath, original: fs.readFileSync(metaPath, 'utf8') };
}

const broken: Array<[string, (doc: Record<string, unknown>) => unknown, RegExp]> = [
  ['null', () => null, /holds null instead of the Koers document/],
  ['0', () => 0, /holds number instead/],
  ['a list', () => [], /holds a list instead/],
  ['{} (no secret)', () => ({}), /secret/],
  ['rounds as a string', (doc) => ({ ...doc, rounds: 'x' }), /rounds: /],
  ['a round without id', (doc) => ({ ...doc, rounds: [{ ...(doc.rounds as object[])[0], id: 5 }] }), /rounds\.0\.id/],
  ['an empty secret', (doc) => ({ ...doc, secret: '' }), /secret/],
  ['apiKeys as an object', (doc) => ({ ...doc, apiKeys: {} }), /apiKeys/],
];

test.each(broken)('refuses koers.json holding %s and leaves it as it is', async (_name, damage, message) => {
  const { metaPath, original } = await populatedFolder();
  const statementCheck = JSON.parse(original) as Record<string, unknown>;
  const damaged = JSON.stringify(damage(statementCheck));
  fs.writeFileSync(metaPath, damaged);
  const error = await openStore({ dataDir }).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(error?.message).toMatch(message);
  expect(error?.message).toContain(metaPath);
  expect(error?.message).toMatch(/Restore koers\.json from a backup/);
  expect(fs.readFileSync(metaPath, 'utf8')).toBe(damaged);
  expect(fs.existsSync(path.join(dataDir, 'koers.lock'))).toBe(false);
});

test('refuses a missing koers.json beside existing response logs instead of orphaning them', async () => {
  const { metaPath } = await populatedFolder();
  fs.rmSync(metaPath);
  await expect(openStore({ dataDir })).rejects.toThrow(
    /koers\.json is missing while responses\/ and used-codes\/ hold data/,
  );
  expect(fs.existsSync(metaPath)).toBe(false);
});

test('still starts a fresh folder, and an intact document with unknown extra fields', async () => {
  const { metaPath, original } = await populatedFolder();
  fs.writeFileSync(metaPath, JSON.stringify({ ...JSON.parse(original), laterFeature: { x: 1 } }));
  const store = await openStore({ dataDir });
  expect((await store.organisations.listApiKeys()).length).toBe(1);
  await store.close();
  expect(JSON.parse(fs.readFileSync(metaPath, 'utf8')).laterFeature).toEqual({ x: 1 });

  const fresh = tempDataDir('meta-fresh');
  try {
    const empty = await openStore({ dataDir: fresh });
    await empty.close();
    expect(JSON.parse(fs.readFileSync(path.join(fresh, 'koers.json'), 'utf8')).secret).toEqual(expect.any(String));
  } finally {
    removeDir(fresh);
  }
});
