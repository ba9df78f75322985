/**
 * The PostgreSQL store on a real PostgreSQL: migrations, two stores (= two servers) on one database,
 * running totals equal to core's tally, and a database restart. The behaviour shared with the
 * embedded store is pinned down by the store contract suite (pgContract.test.ts).
 */
import pg from 'pg';
import { addToTally, buildComments, buildResults, createTally } from '../../core/aggregation';
import { builtInSurveys } from '../../core/instruments';
import type { StoredResponse } from '../../core/response';
import { listStatements } from '../../core/survey';
import { migrate, MIGRATIONS, openPostgresStore, type PostgresStore } from '../../server/store/postgres/index';
import { createTestDatabase, describePostgres } from '../support/postgres';

const DAY = '2026-11-24';
const shrm = builtInSurveys().find((s) => s.id === 'shrm')!;

describePostgres('PostgreSQL store', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const opened: PostgresStore[] = [];
  const open = async (): Promise<PostgresStore> => {
    const store = await openPostgresStore({ url: db.url, poolSize: 5 });
    opened.push(store);
    return store;
  };

  beforeEach(async () => {
    db = await createTestDatabase('store');
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    await db.drop();
  });

  test('migrations: applied once, idempotent, safe when two servers start together', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    const applied = [...a.migrations.applied, ...b.migrations.applied].map((m) => m.version);
    expect(applied).toEqual(MIGRATIONS.map((m) => m.version));
    const again = await migrate(a.pool);
    expect(again.applied).toEqual([]);
    const { rows } = await a.pool.query('SELECT version FROM koers_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  test('a database from a newer Koers is refused, not touched', async () => {
    const store = await open();
    await store.pool.query(`INSERT INTO koers_migrations (version, name) VALUES (9999, 'from the future')`);
    await expect(migrate(store.pool)).rejects.toThrow(/schema version 9999.*Update Koers/);
  });

  test('two stores on one database: a code used on one is refused on the other, results agree at once', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    const organisation = await a.organisations.findOrCreateOrganisation('Twee Servers College');
    expect((await b.organisations.findOrCreateOrganisation('twee servers college')).id).toBe(organisation.id);
    const round = await a.rounds.createRound(organisation.id, {
      surveyId: 'shrm',
      name: 'Ronde',
      groups: ['leraren', 'oop'],
      anonymityThreshold: 2,
      actionGap: 1,
    });
    const codes = await b.rounds.createInvitations(organisation.id, round.id, 'leraren', 40);
    const statements = listStatements(shrm).map((s) => s.id);
    const sent: StoredResponse[] = [];
    // Concurrently, alternating servers; every code submitted twice at once (once on each server).
    await Promise.all(
      codes.map(async (code, i) => {
        const answers = statements.slice(0, 5 + (i % 7)).map((statementId, j) => ({
          statementId,
          current: (i + j) % 6 === 5 ? null : 1 + ((i + j) % 5),
          desired: 1 + ((i * 3 + j) % 5),
        }));
        const input = { code, answers, ...(i % 3 === 0 ? { comment: `Opmerking ${i}` } : {}) };
        const outcomes = await Promise.allSettled([
          a.responses.submitResponse(input, DAY),
          b.responses.submitResponse(input, DAY),
        ]);
        const created = outcomes.filter((o) => o.status === 'fulfilled' && o.value === 'created');
        const refused = outcomes.filter((o) => o.status === 'rejected' && (o.reason as Error).message === 'codeUsed');
        expect([created.length, refused.length]).toEqual([1, 1]);
        const stored: StoredResponse['answers'] = {};
        for (const answer of answers) stored[answer.statementId] = [answer.current, answer.desired];
        sent.push({
          roundId: round.id,
          group: 'leraren',
          day: DAY,
          answers: stored,
          ...('comment' in input ? { comment: input.comment } : {}),
        });
      }),
    );
    expect(await a.responses.responseCount(round.id)).toBe(40);
    expect(await b.responses.responseCount(round.id)).toBe(40);

    // The running totals give exactly what core's in-memory tally gives for the same responses.
    const tally = createTally(shrm, round.groups);
    for (const response of sent) addToTally(tally, response);
    const survey = (await a.surveys.getSurvey(organisation.id, 'shrm'))!;
    const expected = buildResults({ tally, survey, round });
    expect(await a.responses.results(round)).toEqual(expected);
    expect(JSON.parse(await b.responses.resultsJson(round))).toEqual(expected);

    // One more response on a: b's results show it at once.
    const [extra] = await a.rounds.createInvitations(organisation.id, round.id, 'oop', 1);
    await a.responses.submitResponse(
      { code: extra!, answers: [{ statementId: statements[0]!, current: 2, desired: 4 }] },
      DAY,
    );
    expect(await b.responses.responseCount(round.id)).toBe(41);
    // During fieldwork only coarse participation is released: one more OOP response changes nothing.
    expect(JSON.parse(await b.responses.resultsJson(round))).toEqual(JSON.parse(JSON.stringify(expected)));

    const rows: StoredResponse[] = [];
    for await (const response of b.responses.readResponses(round.id)) rows.push(response);
    expect(rows).toHaveLength(41);
    // Comments as core publishes them from the same responses (the lone 'oop' response hides groups).
    addToTally(tally, { roundId: round.id, group: 'oop', day: DAY, answers: { [statements[0]!]: [2, 4] } });
    expect(await b.responses.comments(round)).toEqual(buildComments({ tally, round }));
  });

  test('a retry after a lost reply is recognised by the other server; a different answer is refused', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    const organisation = await a.organisations.findOrCreateOrganisation('Retry College');
    const round = await a.rounds.createRound(organisation.id, {
      surveyId: 'shrm',
      name: 'Ronde',
      groups: ['leraren'],
      anonymityThreshold: 5,
      actionGap: 1,
    });
    const [code] = await a.rounds.createInvitations(organisation.id, round.id, 'leraren', 1);
    const statementId = listStatements(shrm)[0]!.id;
    const input = { code: code!, submissionId: 'sub-12345678', answers: [{ statementId, current: 3, desired: 4 }] };
    await expect(a.responses.submitResponse(input, DAY)).resolves.toBe('created');
    await expect(b.responses.submitResponse(input, DAY)).resolves.toBe('repeated');
    await expect(
      b.responses.submitResponse({ ...input, answers: [{ statementId, current: 1, desired: 4 }] }, DAY),
    ).rejects.toThrow('codeUsed');
    expect(await b.responses.responseCount(round.id)).toBe(1);
    // Closing on b: a refuses a new code at once, and still recognises the repeat.
    const [other] = await a.rounds.createInvitations(organisation.id, round.id, 'leraren', 1);
    await b.rounds.closeRound(organisation.id, round.id);
    await expect(
      a.responses.submitResponse({ code: other!, answers: [{ statementId, current: 3, desired: 4 }] }, DAY),
    ).rejects.toThrow('roundClosed');
    await expect(a.responses.submitResponse(input, DAY)).resolves.toBe('repeated');
  });

  test('the database holds no plain codes or keys, and no column links a response to its code', async () => {
    const store = await open();
    const organisation = await store.organisations.findOrCreateOrganisation('Geheim College');
    const key = await store.organisations.createApiKey(organisation.id);
    const round = await store.rounds.createRound(organisation.id, {
      surveyId: 'shrm',
      name: 'Ronde',
      groups: ['leraren'],
      anonymityThreshold: 5,
      actionGap: 1,
    });
    const [code] = await store.rounds.createInvitations(organisation.id, round.id, 'leraren', 1);
    const statementId = listStatements(shrm)[0]!.id;
    await store.responses.submitResponse(
      { code: code!, submissionId: 'sub-abcdefgh', answers: [{ statementId, current: 3, desired: 4 }] },
      DAY,
    );
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const tables = await client.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
      );
      for (const { table_name } of tables.rows) {
        // table_name comes from the catalogue, not from input.
        const dump = JSON.stringify((await client.query(`SELECT * FROM ${table_name}`)).rows);
        expect(dump).not.toContain(code!);
        expect(dump).not.toContain(key);
        expect(dump).not.toContain('sub-abcdefgh');
      }
      const columns = await client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'responses'`,
      );
      expect(columns.rows.map((r) => r.column_name).sort()).toEqual([
        'answers',
        'comment',
        'day',
        'group_id',
        'id',
        'round_id',
      ]);
    } finally {
      await client.end();
    }
  });
});
