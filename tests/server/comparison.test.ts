import request from 'supertest';
import { roundComparisonSchema } from '../../core/comparison';
import { snapshotDataDir, startTestApp, type TestApp } from './testApp';

let t: TestApp;
let auth: string;

beforeEach(async () => {
  t = await startTestApp();
  auth = (await t.adminFor('Het Baken')).auth;
});
afterEach(async () => {
  await t.close();
});

async function openRound(name: string, extra: Record<string, unknown> = {}) {
  return request(t.app)
    .post('/api/rounds')
    .set('Authorization', auth)
    .send({ surveyId: 'shrm', name, groups: ['leraren', 'oop', 'directie'], ...extra });
}

async function statementIds(surveyId = 'shrm'): Promise<string[]> {
  const res = await request(t.app).get(`/api/surveys/${surveyId}`).set('Authorization', auth);
  return res.body.sections.flatMap((s: { statements: { id: string }[] }) => s.statements.map((st) => st.id));
}

/** One response per [current, desired] pair, every statement answered alike. */
async function answer(roundId: string, group: string, pairs: Array<[number, number]>): Promise<void> {
  const invited = await request(t.app)
    .post(`/api/rounds/${roundId}/invitations`)
    .set('Authorization', auth)
    .send({ group, count: pairs.length });
  const ids = await statementIds();
  for (const [index, [current, desired]] of pairs.entries()) {
    const res = await request(t.app)
      .post('/api/responses')
      .send({
        code: invited.body.codes[index],
        answers: ids.map((statementId) => ({ statementId, current, desired })),
      });
    expect(res.status).toBe(201);
  }
}

const repeat = <T>(value: T, times: number): T[] => Array.from({ length: times }, () => value);

describe('GET /api/rounds/:id/comparison', () => {
  test('a follow-up round against its baseline: Welch interval per group, hidden stays hidden', async () => {
    const first = await openRound('Nulmeting');
    expect(first.status).toBe(201);
    // Leraren: gaps 2,2,2,2,3,3,3,3 (mean 2.5); OOP: 3 responses, below the threshold of 5.
    await answer(first.body.id, 'leraren', [
      ...repeat<[number, number]>([2, 4], 4),
      ...repeat<[number, number]>([1, 4], 4),
    ]);
    await answer(first.body.id, 'oop', repeat([2, 4], 3));
    await answer(first.body.id, 'directie', repeat([3, 4], 5));
    await request(t.app).post(`/api/rounds/${first.body.id}/close`).set('Authorization', auth);

    const second = await openRound('Vervolgmeting', { baselineRoundId: first.body.id });
    expect(second.status).toBe(201);
    expect(second.body.baselineRoundId).toBe(first.body.id);
    // Leraren: gaps 0,0,0,0,1,1,1,1 (mean 0.5); OOP now 6.
    await answer(second.body.id, 'leraren', [
      ...repeat<[number, number]>([3, 3], 4),
      ...repeat<[number, number]>([3, 4], 4),
    ]);
    await answer(second.body.id, 'oop', repeat([3, 4], 6));
    await answer(second.body.id, 'directie', repeat([3, 4], 5));
    // During fieldwork the comparison is as closed as the results.
    const early = await request(t.app).get(`/api/rounds/${second.body.id}/comparison`).set('Authorization', auth);
    expect(early.status).toBe(409);
    await request(t.app).post(`/api/rounds/${second.body.id}/close`).set('Authorization', auth);

    const res = await request(t.app).get(`/api/rounds/${second.body.id}/comparison`).set('Authorization', auth);
    expect(res.status).toBe(200);
    const comparison = roundComparisonSchema.parse(res.body);
    expect(comparison.baseline.roundId).toBe(first.body.id);
    expect(comparison.chain).toHaveLength(2);
    const statement = comparison.statements[0]!;
    const leraren = statement.byGroup.leraren!;
    expect(leraren.status).toBe('shown');
    if (leraren.status !== 'shown') return;
    // Both rounds: sd of the gaps √(16/56) = 0.534522, n 8 → v = 0.0357143 each, se = 0.267261,
    // df = 14.0, t(14) = 2.144787: change −2 ± 0.573214 → [−2.573214, −1.426786].
    expect(leraren.baseline).toMatchObject({ n: 8, gap: 2.5 });
    expect(leraren.current).toMatchObject({ n: 8, gap: 0.5 });
    expect(leraren.change).toBeCloseTo(-2, 12);
    expect(leraren.welch!.df).toBeCloseTo(14, 9);
    expect(leraren.welch!.ciLow).toBeCloseTo(-2.573214, 5);
    expect(leraren.welch!.ciHigh).toBeCloseTo(-1.426786, 5);
    expect(leraren.verdict).toBe('shrank');
    // OOP was hidden in the baseline: hidden in the comparison, no figure of the new round either.
    expect(statement.byGroup.oop).toEqual({ status: 'suppressed' });
    expect(JSON.stringify(comparison.sections)).not.toContain('"oop":{"status":"shown"');

    const third = await openRound('Derde meting', { baselineRoundId: second.body.id });
    await answer(third.body.id, 'leraren', repeat([3, 4], 6));
    await request(t.app).post(`/api/rounds/${third.body.id}/close`).set('Authorization', auth);
    const chain = await request(t.app).get(`/api/rounds/${third.body.id}/comparison`).set('Authorization', auth);
    expect(chain.status).toBe(200);
    expect(chain.body.chain.map((r: { roundId: string }) => r.roundId)).toEqual([
      first.body.id,
      second.body.id,
      third.body.id,
    ]);
    expect(chain.body.statements[0].trend).toHaveLength(3);
    expect(chain.body.statements[0].trend[2]).toEqual({ roundId: third.body.id, gap: 1, n: 6 });
  });

  test('a round without a baseline answers 409 with a message saying what to do', async () => {
    const round = await openRound('Nulmeting');
    const res = await request(t.app).get(`/api/rounds/${round.body.id}/comparison?lang=en`).set('Authorization', auth);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('noBaseline');
    expect(res.body.error.message).toMatch(/baselineRoundId/);
  });

  test('bad baselines are refused with a clear 400 and nothing is stored', async () => {
    const other = await t.adminFor('Ander Lyceum');
    const foreign = await request(t.app)
      .post('/api/rounds')
      .set('Authorization', other.auth)
      .send({ surveyId: 'shrm', name: 'Elders', groups: ['leraren'] });
    const climate = await request(t.app)
      .post('/api/rounds')
      .set('Authorization', auth)
      .send({ surveyId: 'learning-climate', name: 'Klimaat', groups: ['leraren'] });
    expect(climate.status).toBe(201);
    const climateIds = new Set(await statementIds('learning-climate'));
    expect((await statementIds('shrm')).filter((id) => climateIds.has(id))).toEqual([]);

    const before = snapshotDataDir(t.dataDir);
    const unknown = await openRound('Vervolg', { baselineRoundId: 'round_does_not_exist' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('unknownBaseline');
    expect(unknown.body.error.message).toMatch(/basisronde/);
    const elsewhere = await openRound('Vervolg', { baselineRoundId: foreign.body.id });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.code).toBe('unknownBaseline');
    const disjoint = await openRound('Vervolg', { baselineRoundId: climate.body.id });
    expect(disjoint.status).toBe(400);
    expect(disjoint.body.error.code).toBe('baselineNothingShared');
    const wrongType = await openRound('Vervolg', { baselineRoundId: 42 });
    expect(wrongType.status).toBe(400);
    expect(snapshotDataDir(t.dataDir)).toEqual(before);
  });
});
