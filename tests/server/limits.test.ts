/**
 * Per-organisation limits through the real app on a real data folder: the 4xx and its message in
 * Dutch and English, nothing stored on refusal, other organisations unaffected, and concurrent
 * requests that together cannot pass a limit. Small limits through the config.
 */
import request from 'supertest';
import { LEVER_LIBRARY } from '../../core/levers/library';
import { readConfig } from '../../server/config';
import { resolveLimits } from '../../server/store/limits';
import { snapshotDataDir, startTestApp, type TestApp } from './testApp';

let t: TestApp;
let auth: string;

const limits = resolveLimits({
  surveysPerOrganisation: 2,
  roundsPerOrganisation: 2,
  codesPerRound: 30,
  leversPerOrganisation: 2,
  scoringSessionsPerRound: 1,
  dataBytesPerOrganisation: 20_000,
});

beforeEach(async () => {
  t = await startTestApp({ limits });
  auth = (await t.adminFor('Het Baken')).auth;
});
afterEach(async () => {
  await t.close();
});

const ownSurvey = {
  title: { nl: 'Eigen peiling', en: 'Own survey' },
  sections: [
    {
      id: 'werk',
      title: { nl: 'Werk', en: 'Work' },
      statements: [{ id: 'werkdruk', text: { nl: 'De werkdruk is hanteerbaar.', en: 'The workload is manageable.' } }],
    },
  ],
  groups: [{ id: 'leraren', name: { nl: 'Leraren', en: 'Teachers' } }],
};

const ownLever = {
  title: { nl: 'Samen lessen voorbereiden', en: 'Preparing lessons together' },
  description: { nl: 'Secties bereiden lessen samen voor.', en: 'Departments prepare lessons together.' },
  cluster: 'samenwerken',
  themes: ['startende-leraren'],
  amo: ['ability'],
};

const post = (path: string, body: object, key = auth) => request(t.app).post(path).set('Authorization', key).send(body);

async function openRound(key = auth): Promise<string> {
  const res = await post('/api/rounds', { surveyId: 'shrm', name: 'Nulmeting', groups: ['leraren', 'oop'] }, key);
  expect(res.status).toBe(201);
  return res.body.id as string;
}

test('the limits come from the environment, with generous defaults', () => {
  const defaults = readConfig({}, 'dist').limits;
  expect(defaults).toEqual({
    surveysPerOrganisation: 200,
    roundsPerOrganisation: 500,
    codesPerRound: 20_000,
    leversPerOrganisation: 500,
    scoringSessionsPerRound: 50,
    dataBytesPerOrganisation: 5 * 1024 * 1024,
  });
  const set = readConfig({ KOERS_LIMIT_SURVEYS: '7', KOERS_LIMIT_CODES_PER_ROUND: '900' }, 'dist').limits;
  expect(set).toMatchObject({ surveysPerOrganisation: 7, codesPerRound: 900, roundsPerOrganisation: 500 });
  expect(() => readConfig({ KOERS_LIMIT_ROUNDS: '0' }, 'dist')).toThrow(/KOERS_LIMIT_ROUNDS/);
});

test('a survey past the limit: 409 naming the limit, in nl and en, nothing stored', async () => {
  expect((await post('/api/surveys', ownSurvey)).status).toBe(201);
  expect((await post('/api/surveys', ownSurvey)).status).toBe(201);
  const before = snapshotDataDir(t.dataDir);
  const nl = await post('/api/surveys', ownSurvey);
  expect(nl.status).toBe(409);
  expect(nl.body.error.code).toBe('surveyLimitReached');
  expect(nl.body.error.message).toMatch(/maximum van 2 eigen vragenlijsten/);
  expect(nl.body.error.message).toMatch(/KOERS_LIMIT_SURVEYS/);
  const en = await post('/api/surveys?lang=en', ownSurvey);
  expect(en.body.error.message).toMatch(/limit of 2 own surveys; nothing was saved/);
  expect(snapshotDataDir(t.dataDir)).toEqual(before);
  const list = await request(t.app).get('/api/surveys').set('Authorization', auth);
  expect(list.body.filter((s: { builtIn: boolean }) => !s.builtIn)).toHaveLength(2);
  // Another organisation is not affected.
  const other = (await t.adminFor('De Horizon')).auth;
  expect((await post('/api/surveys', ownSurvey, other)).status).toBe(201);
});

test('rounds, levers and scoring sessions past their limits: 409 with the value, nothing stored', async () => {
  const roundId = await openRound();
  await openRound();
  let before = snapshotDataDir(t.dataDir);
  const round = await post('/api/rounds?lang=en', { surveyId: 'shrm', name: 'Derde', groups: ['leraren'] });
  expect(round.status).toBe(409);
  expect(round.body.error).toMatchObject({ code: 'roundLimitReached' });
  expect(round.body.error.message).toMatch(/limit of 2 rounds.*KOERS_LIMIT_ROUNDS/);
  expect(snapshotDataDir(t.dataDir)).toEqual(before);

  expect((await post('/api/levers', ownLever)).status).toBe(201);
  expect((await post('/api/levers', ownLever)).status).toBe(201);
  before = snapshotDataDir(t.dataDir);
  const lever = await post('/api/levers', ownLever);
  expect(lever.status).toBe(409);
  expect(lever.body.error.message).toMatch(/maximum van 2 eigen maatregelen/);
  expect(snapshotDataDir(t.dataDir)).toEqual(before);

  const leverIds = LEVER_LIBRARY.slice(0, 2).map((l) => l.id);
  expect((await post(`/api/rounds/${roundId}/scoring`, { leverIds, raters: 2 })).status).toBe(201);
  before = snapshotDataDir(t.dataDir);
  const session = await post(`/api/rounds/${roundId}/scoring`, { leverIds, raters: 2 });
  expect(session.status).toBe(409);
  expect(session.body.error.code).toBe('scoringSessionLimitReached');
  expect(session.body.error.message).toMatch(/maximum van 1 scoringsrondes/);
  expect(snapshotDataDir(t.dataDir)).toEqual(before);
});

test('codes per round count over all requests; the refusal says how many are left', async () => {
  const roundId = await openRound();
  expect((await post(`/api/rounds/${roundId}/invitations`, { group: 'leraren', count: 20 })).status).toBe(201);
  const before = snapshotDataDir(t.dataDir);
  const res = await post(`/api/rounds/${roundId}/invitations?lang=en`, { group: 'oop', count: 11 });
  expect(res.status).toBe(409);
  expect(res.body.error.code).toBe('codeLimitReached');
  expect(res.body.error.message).toBe(
    'A round can have at most 30 invitation codes; this round has 20 and 10 more can be made. Nothing was ' +
      'created. Request fewer codes, or ask the administrator to raise the limit (KOERS_LIMIT_CODES_PER_ROUND).',
  );
  expect(snapshotDataDir(t.dataDir)).toEqual(before);
  expect((await post(`/api/rounds/${roundId}/invitations`, { group: 'oop', count: 10 })).status).toBe(201);
});

test('data past the size limit: 413 with the sizes, nothing stored', async () => {
  await t.close();
  t = await startTestApp({ limits: resolveLimits({ dataBytesPerOrganisation: 10_000 }) });
  auth = (await t.adminFor('Het Baken')).auth;
  // About 4 kB each: two fit in 10,000 bytes, a third does not.
  const big = { ...ownLever, description: { nl: 'x'.repeat(1_900), en: 'y'.repeat(1_900) } };
  expect((await post('/api/levers', big)).status).toBe(201);
  expect((await post('/api/levers', big)).status).toBe(201);
  const before = snapshotDataDir(t.dataDir);
  const res = await post('/api/levers', big);
  expect(res.status).toBe(413);
  expect(res.body.error.code).toBe('organisationDataTooLarge');
  expect(res.body.error.message).toMatch(/samen hoogstens 9 kB zijn; nu 8 kB, deze wijziging voegt 4 kB toe/);
  expect(res.body.error.message).toMatch(/KOERS_LIMIT_DATA_BYTES/);
  expect(snapshotDataDir(t.dataDir)).toEqual(before);
});

test('many concurrent requests cannot pass a limit together', async () => {
  const roundId = await openRound();
  const codeRequests = await Promise.all(
    Array.from({ length: 20 }, () => post(`/api/rounds/${roundId}/invitations`, { group: 'leraren', count: 4 })),
  );
  const statuses = codeRequests.map((r) => r.status).sort();
  // 30 codes: 7 requests of 4 fit (28), the 13 others are refused.
  expect(statuses.filter((s) => s === 201)).toHaveLength(7);
  expect(statuses.filter((s) => s === 409)).toHaveLength(13);
  const surveyRequests = await Promise.all(Array.from({ length: 10 }, () => post('/api/surveys', ownSurvey)));
  expect(surveyRequests.filter((r) => r.status === 201)).toHaveLength(2);
  expect(surveyRequests.filter((r) => r.status === 409)).toHaveLength(8);
  const roundRequests = await Promise.all(
    Array.from({ length: 10 }, () => post('/api/rounds', { surveyId: 'shrm', name: 'x', groups: ['leraren'] })),
  );
  expect(roundRequests.filter((r) => r.status === 201)).toHaveLength(1);
  const rounds = await request(t.app).get('/api/rounds').set('Authorization', auth);
  expect(rounds.body).toHaveLength(2);
});
