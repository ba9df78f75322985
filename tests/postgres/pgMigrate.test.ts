/**
 * `npm run koers -- migrate --to postgres://…` round-trips the demo data: after the copy the
 * PostgreSQL store answers every read exactly as the embedded store does on the same folder, the
 * printed key and a spare code still work, and a second copy into the now non-empty database is
 * refused without touching it.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { seedDemo, type DemoInfo } from '../../server/demo/seed';
import { openStore } from '../../server/store';
import type { KoersStores } from '../../server/store/contract';
import { openPostgresStore } from '../../server/store/postgres/index';
import { createTestDatabase, describePostgres } from '../support/postgres';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');

async function koers(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(tsx, ['server/cli.ts', ...args], { env: { ...process.env, KOERS_DATABASE_URL: '' } }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** Everything an organisation can read, through the contract only. */
async function snapshot(store: KoersStores, organisationId: string) {
  const rounds = await store.rounds.listRounds(organisationId);
  const perRound = [];
  for (const round of rounds) {
    const responses = await collect(store.responses.readResponses(round.id));
    perRound.push({
      round,
      count: await store.responses.responseCount(round.id),
      results: JSON.parse(await store.responses.resultsJson(round)),
      comments: (await store.responses.comments(round)).map((c) => JSON.stringify(c)).sort(),
      responses: responses.map((r) => JSON.stringify(r)).sort(),
      sessions: await store.scoring.listScoringSessions(organisationId, round.id),
    });
  }
  return {
    surveys: await store.surveys.listSurveys(organisationId),
    levers: await store.levers.listLevers(organisationId),
    keys: await store.organisations.listApiKeys(),
    perRound,
  };
}

describePostgres('migrate --to postgres', () => {
  let dataDir: string;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-migrate-'));
    db = await createTestDatabase('migrate');
  });
  afterEach(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await db.drop();
  });

  test('copies the demo data; both stores then answer alike', async () => {
    let demo: DemoInfo;
    let organisationId: string;
    let token: string;
    const embedded = await openStore({ dataDir });
    try {
      demo = await seedDemo(embedded);
      const organisation = await embedded.organisations.findOrCreateOrganisation(demo.organisationName);
      organisationId = organisation.id;
      // Also the admin data the demo does not make: an own lever, a retired built-in one, a revoked
      // key, an MT session with scores.
      const lever = await embedded.levers.createLever(organisationId, {
        title: { nl: 'Samen lessen voorbereiden', en: 'Preparing lessons together' },
        description: { nl: 'Secties bereiden samen voor.', en: 'Departments prepare together.' },
        cluster: 'samenwerken',
        themes: ['startende-leraren'],
        amo: ['ability'],
      });
      const builtIn = (await embedded.levers.listLevers(organisationId)).find((l) => l.builtIn)!;
      await embedded.levers.setLeverRetired(organisationId, builtIn.id, true);
      await embedded.organisations.createApiKey(organisationId, { label: 'oud' });
      const oldKey = (await embedded.organisations.listApiKeys()).find((k) => k.label === 'oud')!;
      await embedded.organisations.revokeApiKey(oldKey.id);
      const opened = await embedded.scoring.openScoringSession(organisationId, demo.roundId, [lever.id], 2);
      token = opened.tokens[0]!;
      await embedded.scoring.submitScores(token, [{ leverId: lever.id, impact: 4, feasibility: 3 }]);
    } finally {
      await embedded.close();
    }

    const copied = await koers('migrate', '--to', db.url, '--from', dataDir);
    expect(copied.code).toBe(0);
    expect(copied.stdout).toMatch(/Copied:/);
    expect(copied.stdout).toMatch(/1 organisations, 2 API keys/);
    expect(copied.stdout).toMatch(/70 responses/);
    expect(copied.stdout).toMatch(/1 scoring sessions with 2 personal links/);

    const before = await openStore({ dataDir });
    const expected = await snapshot(before, organisationId);
    await before.close();
    const pg = await openPostgresStore({ url: db.url, poolSize: 3 });
    try {
      expect(await snapshot(pg, organisationId)).toEqual(expected);
      // The printed key, a spare code and the personal scoring link work against PostgreSQL.
      expect((await pg.organisations.organisationForKey(demo.apiKey))?.id).toBe(organisationId);
      const lookup = await pg.rounds.lookupCode(demo.freeCode);
      expect(lookup).toMatchObject({ group: 'leraren', used: false });
      expect((await pg.scoring.lookupScoringToken(token))?.scores).toHaveLength(1);
      const statementId = lookup!.survey.sections[0]!.statements[0]!.id;
      await expect(
        pg.responses.submitResponse(
          { code: demo.freeCode, answers: [{ statementId, current: 2, desired: 4 }] },
          '2026-10-02',
        ),
      ).resolves.toBe('created');
      // The free code belongs to the demo's open round (19 responses in fieldwork).
      expect(await pg.responses.responseCount(demo.openRoundId)).toBe(20);
    } finally {
      await pg.close();
    }

    const again = await koers('migrate', '--to', db.url, '--from', dataDir);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/not empty/);
  }, 120_000);

  test('refuses an interim round that has released figures, and copies nothing', async () => {
    const embedded = await openStore({ dataDir });
    let organisationId: string;
    try {
      const organisation = await embedded.organisations.findOrCreateOrganisation('Tussenstand College');
      organisationId = organisation.id;
      await embedded.organisations.createApiKey(organisation.id);
      const round = await embedded.rounds.createRound(organisation.id, {
        surveyId: 'shrm',
        name: 'Met tussenstanden',
        groups: ['leraren'],
        anonymityThreshold: 5,
        actionGap: 1,
        release: 'interim',
      });
      const codes = await embedded.rounds.createInvitations(organisation.id, round.id, 'leraren', 5);
      const statementId = (await embedded.rounds.lookupCode(codes[0]!))!.survey.sections[0]!.statements[0]!.id;
      // Five answers in one group: the threshold, so the first interim release is out.
      for (const code of codes) {
        await embedded.responses.submitResponse(
          { code, answers: [{ statementId, current: 2, desired: 4 }] },
          '2026-11-24',
        );
      }
      expect((await embedded.responses.results(round)).release).toMatchObject({ state: 'interim' });
    } finally {
      await embedded.close();
    }

    const refused = await koers('migrate', '--to', db.url, '--from', dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Met tussenstanden\) publishes interim results and has already released some/);
    expect(refused.stderr).toMatch(/Nothing was copied/);
    const pg = await openPostgresStore({ url: db.url, poolSize: 1 });
    try {
      expect(await pg.organisations.listApiKeys()).toEqual([]);
      expect(await pg.rounds.listRounds(organisationId)).toEqual([]);
    } finally {
      await pg.close();
    }
  }, 120_000);

  test('explains itself without a postgres:// URL', async () => {
    const res = await koers('migrate', '--to', 'mysql://x');
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/postgres:\/\//);
    expect(res.stderr).toMatch(/Usage/);
  }, 60_000);
});
