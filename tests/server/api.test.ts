import request from 'supertest';
import { roundResultsSchema } from '../../core/results';
import { snapshotDataDir, startTestApp, type TestApp } from './testApp';

let t: TestApp;
let auth: string;

beforeEach(async () => {
  t = await startTestApp({ addinOrigin: 'https://addin.example.nl' });
  auth = (await t.adminFor('Het Baken')).auth;
});
afterEach(async () => {
  await t.close();
});

async function openRound(groups = ['leraren', 'oop', 'directie'], extra: Record<string, unknown> = {}) {
  const res = await request(t.app)
    .post('/api/rounds')
    .set('Authorization', auth)
    .send({ surveyId: 'shrm', name: 'Nulmeting', groups, ...extra });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

async function invite(roundId: string, group: string, count: number): Promise<string[]> {
  const res = await request(t.app)
    .post(`/api/rounds/${roundId}/invitations`)
    .set('Authorization', auth)
    .send({ group, count });
  expect(res.status).toBe(201);
  return res.body.codes as string[];
}

async function shrmStatementIds(): Promise<string[]> {
  const res = await request(t.app).get('/api/surveys/shrm').set('Authorization', auth);
  return res.body.sections.flatMap((s: { statements: { id: string }[] }) => s.statements.map((st) => st.id));
}

function answersFor(ids: string[], current: number, desired: number) {
  return ids.map((statementId) => ({ statementId, current, desired }));
}

describe('health and auth', () => {
  test('health answers without a key', async () => {
    const res = await request(t.app).get('/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
  });

  test('admin routes need a valid key, with a message in the caller language', async () => {
    const none = await request(t.app).get('/api/rounds');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('unauthorized');
    expect(none.body.error.message).toMatch(/API-sleutel/);
    const wrong = await request(t.app)
      .get('/api/rounds')
      .set('Authorization', 'Bearer koers_wrong')
      .set('Accept-Language', 'en-GB,en;q=0.9');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toMatch(/API key/);
  });

  test('security headers are set and CORS is only for the configured origin', async () => {
    const allowed = await request(t.app).get('/health').set('Origin', 'https://addin.example.nl');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://addin.example.nl');
    expect(allowed.headers['x-content-type-options']).toBe('nosniff');
    expect(allowed.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    const other = await request(t.app).get('/health').set('Origin', 'https://evil.example.com');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('surveys', () => {
  test('lists the built-in instruments and accepts a valid own survey', async () => {
    const list = await request(t.app).get('/api/surveys').set('Authorization', auth);
    expect(list.status).toBe(200);
    expect(list.body.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['shrm', 'learning-climate']));

    const own = {
      title: { nl: 'Korte peiling', en: 'Short poll' },
      sections: [
        {
          id: 'werk',
          title: { nl: 'Werk', en: 'Work' },
          statements: [
            { id: 'werkdruk', text: { nl: 'De werkdruk is hanteerbaar.', en: 'The workload is manageable.' } },
          ],
        },
      ],
      groups: [{ id: 'leraren', name: { nl: 'Leraren', en: 'Teachers' } }],
    };
    const created = await request(t.app).post('/api/surveys').set('Authorization', auth).send(own);
    expect(created.status).toBe(201);
    expect(created.body.scale).toEqual({ min: 1, max: 5 });
    expect(created.body.builtIn).toBe(false);
  });

  test('an invalid survey is refused with a readable message and nothing is stored', async () => {
    const before = snapshotDataDir(t.dataDir);
    const res = await request(t.app)
      .post('/api/surveys?lang=en')
      .set('Authorization', auth)
      .send({ title: { nl: 'x' }, sections: [], groups: [], extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('badRequest');
    // A Dutch-only title is fine (English falls back to Dutch); the empty lists are not.
    expect(res.body.error.message).not.toMatch(/title/);
    expect(res.body.error.message).toMatch(/sections: too small or too short \(at least 1\)/);
    expect(res.body.error.message).toMatch(/unknown field "extra"/);
    expect(snapshotDataDir(t.dataDir)).toEqual(before);
  });
});

describe('rounds and invitations', () => {
  test('opening a round validates survey and groups', async () => {
    const unknownSurvey = await request(t.app)
      .post('/api/rounds')
      .set('Authorization', auth)
      .send({ surveyId: 'nope', name: 'x', groups: ['leraren'] });
    expect(unknownSurvey.status).toBe(400);
    expect(unknownSurvey.body.error.code).toBe('unknownSurvey');
    const unknownGroup = await request(t.app)
      .post('/api/rounds')
      .set('Authorization', auth)
      .send({ surveyId: 'shrm', name: 'x', groups: ['ouders-x'] });
    expect(unknownGroup.status).toBe(400);
    expect(unknownGroup.body.error.code).toBe('unknownGroup');
    const round = await openRound();
    const list = await request(t.app).get('/api/rounds').set('Authorization', auth);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({
      id: round.id,
      status: 'open',
      anonymityThreshold: 5,
      release: 'atClose',
      responses: { exact: false, atLeast: 0, below: 5 },
      released: 'notReleased',
    });
  });

  test('invitations come as JSON or as CSV for Dutch Excel', async () => {
    const round = await openRound();
    const codes = await invite(round.id, 'leraren', 3);
    expect(new Set(codes).size).toBe(3);
    const csv = await request(t.app)
      .post(`/api/rounds/${round.id}/invitations?format=csv`)
      .set('Authorization', auth)
      .send({ group: 'oop', count: 2 });
    expect(csv.status).toBe(201);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.text.slice(1).trim().split(/\r?\n/);
    // Group names, not ids, and the round's name in the file name.
    expect(lines[0]).toBe('groep;code;link');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^Onderwijsondersteunend personeel \(OOP\);[A-Z0-9]+;http.+\/r\/[A-Z0-9]+$/);
    expect(csv.headers['content-disposition']).toContain(
      'uitnodigingen-Nulmeting-Onderwijsondersteunend-personeel-OOP.csv',
    );
  });

  test('invitations for a group outside the round or after closing are refused', async () => {
    const round = await openRound(['leraren']);
    const wrong = await request(t.app)
      .post(`/api/rounds/${round.id}/invitations`)
      .set('Authorization', auth)
      .send({ group: 'oop', count: 2 });
    expect(wrong.status).toBe(400);
    await request(t.app).post(`/api/rounds/${round.id}/close`).set('Authorization', auth).expect(200);
    const closed = await request(t.app)
      .post(`/api/rounds/${round.id}/invitations`)
      .set('Authorization', auth)
      .send({ group: 'leraren', count: 2 });
    expect(closed.status).toBe(409);
  });
});

describe('submitting responses', () => {
  test('a code works once, a retry of the same submission gets its 201 again and is stored once', async () => {
    const round = await openRound();
    const [code] = await invite(round.id, 'leraren', 1);
    const ids = await shrmStatementIds();
    const body = { code, answers: answersFor(ids, 2, 4), submissionId: 'a1b2c3d4e5f6a7b8' };
    const first = await request(t.app).post('/api/responses').send(body);
    expect(first.status).toBe(201);
    expect(first.body.status).toBe('created');
    const retry = await request(t.app).post('/api/responses').send(body);
    expect(retry.status).toBe(201);
    expect(retry.body.status).toBe('repeated');
    const other = await request(t.app)
      .post('/api/responses')
      .send({ ...body, answers: answersFor(ids, 3, 3), submissionId: 'ffffffffffffffff' });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('codeUsed');
    expect(await t.store.responses.responseCount(round.id)).toBe(1);
  });

  test('bad answers are refused with a clear message and nothing is stored', async () => {
    const round = await openRound();
    const [code] = await invite(round.id, 'leraren', 1);
    const ids = await shrmStatementIds();
    const before = snapshotDataDir(t.dataDir);
    const cases: Array<[unknown, number, RegExp]> = [
      [{ code, answers: [{ statementId: ids[0], current: 9, desired: 4 }] }, 400, /buiten de schaal/],
      [{ code, answers: [{ statementId: 'bestaat-niet', current: 1, desired: 4 }] }, 400, /hoort niet bij/],
      [
        {
          code,
          answers: [
            { statementId: ids[0], current: 1, desired: 4 },
            { statementId: ids[0], current: 2, desired: 4 },
          ],
        },
        400,
        /twee keer/,
      ],
      [{ code, answers: [{ statementId: ids[0], current: '3', desired: 4 }] }, 400, /answers\.0\.current/],
      [{ code: 'ONBEKEND1', answers: answersFor(ids, 2, 4) }, 404, /onbekend/],
      [{ code, answers: answersFor(ids, 2, 4), __proto__x: 1 }, 400, /onbekend veld/],
      [{ code, answers: [] }, 400, /answers/],
    ];
    for (const [body, status, message] of cases) {
      const res = await request(t.app)
        .post('/api/responses')
        .send(body as object);
      expect({ status: res.status, message: res.body.error?.message }).toEqual({
        status,
        message: expect.stringMatching(message),
      });
    }
    expect(snapshotDataDir(t.dataDir)).toEqual(before);
    expect(await t.store.responses.responseCount(round.id)).toBe(0);
  });

  test('malformed bodies get 4xx, never 500', async () => {
    const invalidJson = await request(t.app)
      .post('/api/responses')
      .set('Content-Type', 'application/json')
      .send('{"code": ');
    expect(invalidJson.status).toBe(400);
    expect(invalidJson.body.error.code).toBe('invalidJson');
    const protoKey = await request(t.app)
      .post('/api/responses')
      .set('Content-Type', 'application/json')
      .send('{"__proto__": {"admin": true}, "code": "ABCDEFGH", "answers": []}');
    expect(protoKey.status).toBe(400);
    const text = await request(t.app).post('/api/responses').set('Content-Type', 'text/plain').send('code=1');
    expect(text.status).toBe(415);
    const huge = await request(t.app)
      .post('/api/responses')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ code: 'ABCDEFGH', comment: 'x'.repeat(2_000_000), answers: [] }));
    expect(huge.status).toBe(413);
    const badEscape = await request(t.app).get('/api/form/AB%ED%A0%80');
    expect(badEscape.status).toBe(400);
    expect(badEscape.body.error.code).toBe('invalidPath');
    const deep = await request(t.app)
      .post('/api/responses')
      .set('Content-Type', 'application/json')
      .send('['.repeat(200_000) + ']'.repeat(200_000));
    expect(deep.status).toBeGreaterThanOrEqual(400);
    expect(deep.status).toBeLessThan(500);
  });

  test('a closed round refuses answers', async () => {
    const round = await openRound();
    const [code] = await invite(round.id, 'leraren', 1);
    await request(t.app).post(`/api/rounds/${round.id}/close`).set('Authorization', auth).expect(200);
    const res = await request(t.app)
      .post('/api/responses')
      .set('Accept-Language', 'en')
      .send({ code, answers: answersFor(await shrmStatementIds(), 2, 4) });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/closed/);
  });
});

describe('results and rows keep the anonymity promise', () => {
  async function fill(
    roundId: string,
    group: string,
    count: number,
    current: number,
    desired: number,
    comment?: string,
  ) {
    const ids = await shrmStatementIds();
    for (const code of await invite(roundId, group, count)) {
      await request(t.app)
        .post('/api/responses')
        .send({ code, answers: answersFor(ids, current, desired), ...(comment ? { comment } : {}) })
        .expect(201);
    }
  }

  test('groups below the threshold are hidden everywhere, with a coarse count; results come at closing', async () => {
    const round = await openRound(['leraren', 'oop', 'directie']);
    await fill(round.id, 'leraren', 8, 2, 4, '=HYPERLINK("http://x")');
    await fill(round.id, 'oop', 6, 3, 4);
    await fill(round.id, 'directie', 2, 5, 5, 'geheime opmerking van de directie');

    // During fieldwork: participation only, a clear 409 for everything else.
    for (const path of ['results?', 'comments?', 'responses?', 'responses?format=csv&', 'suggestions?']) {
      const early = await request(t.app).get(`/api/rounds/${round.id}/${path}lang=en`).set('Authorization', auth);
      expect({ path, status: early.status, code: early.body.error?.code }).toEqual({
        path,
        status: 409,
        code: 'resultsNotReleased',
      });
      expect(early.body.error.message).toMatch(/released when the round closes/);
    }
    const during = await request(t.app).get(`/api/rounds/${round.id}`).set('Authorization', auth);
    expect(during.body.responses).toEqual({ exact: false, atLeast: 14, below: 19 });
    expect(during.body.participation).toEqual([
      { id: 'leraren', kind: 'group', status: 'shown', responses: { exact: true, value: 8 } },
      { id: 'oop', kind: 'group', status: 'shown', responses: { exact: true, value: 6 } },
      { id: 'directie', kind: 'group', status: 'suppressed', responses: { exact: false, atLeast: 0, below: 5 } },
    ]);
    // Only the published numbers count: ids and timestamps may hold any digits.
    expect(JSON.stringify(during.body)).not.toMatch(/"(value|atLeast|below)":16\b|"value":2\b/);
    await request(t.app).post(`/api/rounds/${round.id}/close`).set('Authorization', auth).expect(200);

    const res = await request(t.app).get(`/api/rounds/${round.id}/results`).set('Authorization', auth);
    expect(res.status).toBe(200);
    const results = roundResultsSchema.parse(res.body);
    expect(results.responses.total).toEqual({ exact: false, atLeast: 14, below: 19 });
    const status = Object.fromEntries(results.groups.map((g) => [g.id, g.status]));
    // directie (2) is below 5 and hidden; oop is shown (no complementary suppression any more).
    expect(status).toEqual({ leraren: 'shown', oop: 'shown', directie: 'suppressed' });
    expect(results.groups[2]).toMatchObject({
      reason: { code: 'belowThreshold' },
      responses: { exact: false, below: 5 },
    });
    const first = results.statements[0]!;
    expect(first.byGroup.leraren).toMatchObject({ status: 'shown', n: 8, meanCurrent: 2, meanDesired: 4, gap: 2 });
    expect(first.overall).toMatchObject({ status: 'shown', n: 14, actionNeeded: true });
    expect(first.byGroup.directie).toEqual({ status: 'suppressed', reason: 'unitNotShown' });
    expect(JSON.stringify(res.body)).not.toContain('geheime');
    expect(results.groups[0]).toMatchObject({ id: 'leraren', comments: 8 });

    const comments = await request(t.app).get(`/api/rounds/${round.id}/comments`).set('Authorization', auth);
    expect(comments.status).toBe(200);
    expect(comments.body.comments).toHaveLength(8);
    expect(comments.body.comments.every((c: { group: string }) => c.group === 'leraren')).toBe(true);
    expect(comments.body.comments.every((c: { text: string }) => !c.text.includes('geheime'))).toBe(true);
    expect(JSON.stringify(comments.body)).not.toContain('geheime');

    const rows = await request(t.app).get(`/api/rounds/${round.id}/responses`).set('Authorization', auth);
    expect(rows.status).toBe(200);
    expect(rows.body.rows).toHaveLength(14);
    expect(rows.body.rows.every((r: { group: string }) => r.group !== 'directie')).toBe(true);
    expect(Object.keys(rows.body.rows[0]).sort()).toEqual(['answers', 'comment', 'group']);

    const csv = await request(t.app).get(`/api/rounds/${round.id}/responses?format=csv`).set('Authorization', auth);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text).toContain(`;"'=HYPERLINK(""http://x"")"`);
    expect(csv.text).not.toContain('geheime');
  });

  test('roll-ups, comment threshold and interim release are round settings, checked and shown', async () => {
    const bad = await request(t.app)
      .post('/api/rounds?lang=en')
      .set('Authorization', auth)
      .send({
        surveyId: 'shrm',
        name: 'x',
        groups: ['directie', 'teamleiders', 'leraren'],
        rollUps: [
          { id: 'leiding', name: 'Leiding', groups: ['directie', 'teamleiders'] },
          { id: 'nog-een', name: 'Nog een', groups: ['teamleiders', 'leraren'] },
        ],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('rollUpOverlap');
    const low = await request(t.app)
      .post('/api/rounds')
      .set('Authorization', auth)
      .send({ surveyId: 'shrm', name: 'x', groups: ['leraren'], anonymityThreshold: 6, commentThreshold: 5 });
    expect(low.body.error.code).toBe('commentThresholdBelowThreshold');
    const created = await request(t.app)
      .post('/api/rounds')
      .set('Authorization', auth)
      .send({
        surveyId: 'shrm',
        name: 'Met tussenstand',
        groups: ['directie', 'teamleiders', 'leraren'],
        rollUps: [{ id: 'leidinggevenden', name: 'Leidinggevenden', groups: ['directie', 'teamleiders'] }],
        commentThreshold: 8,
        release: 'interim',
      })
      .expect(201);
    const shown = await request(t.app).get(`/api/rounds/${created.body.id}`).set('Authorization', auth);
    expect(shown.body).toMatchObject({
      release: 'interim',
      commentThreshold: 8,
      rollUps: [
        {
          id: 'leidinggevenden',
          name: { nl: 'Leidinggevenden', en: 'Leidinggevenden' },
          groups: ['directie', 'teamleiders'],
        },
      ],
    });
    const none = await request(t.app).get(`/api/rounds/${created.body.id}/results`).set('Authorization', auth);
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('noInterimRelease');
    await fill(created.body.id, 'directie', 2, 2, 4);
    await fill(created.body.id, 'teamleiders', 3, 2, 5, 'van een teamleider');
    await fill(created.body.id, 'leraren', 5, 3, 4);
    const interim = await request(t.app).get(`/api/rounds/${created.body.id}/results`).set('Authorization', auth);
    expect(interim.status).toBe(200);
    expect(interim.body.release.state).toBe('interim');
    const columns = interim.body.groups.filter((g: { status: string }) => g.status === 'shown');
    expect(columns.map((g: { id: string }) => g.id)).toEqual(['leraren', 'leidinggevenden']);
    const rows = await request(t.app).get(`/api/rounds/${created.body.id}/responses`).set('Authorization', auth);
    expect(rows.body.rows.map((r: { group: string }) => r.group).sort()).toEqual([
      ...Array(5).fill('leidinggevenden'),
      ...Array(5).fill('leraren'),
    ]);
    // Comment threshold 8: neither column (5 each) has its comments published.
    expect(rows.body.rows.some((r: { comment?: string }) => r.comment)).toBe(false);
    const comments = await request(t.app).get(`/api/rounds/${created.body.id}/comments`).set('Authorization', auth);
    expect(comments.body.comments).toEqual([]);
  });

  test('results follow closing and new interim releases, although their body is cached', async () => {
    const round = (
      await request(t.app)
        .post('/api/rounds')
        .set('Authorization', auth)
        .send({ surveyId: 'shrm', name: 'Cache', groups: ['leraren'], release: 'interim' })
        .expect(201)
    ).body;
    await fill(round.id, 'leraren', 5, 2, 4);
    const get = async () =>
      (await request(t.app).get(`/api/rounds/${round.id}/results`).set('Authorization', auth)).body;
    expect((await get()).statements[0].overall.n).toBe(5);
    expect((await get()).statements[0].overall.n).toBe(5);
    // One more answer: still the same interim release (it would reveal that one answer).
    await fill(round.id, 'leraren', 1, 2, 4);
    expect((await get()).statements[0].overall.n).toBe(5);
    await fill(round.id, 'leraren', 4, 2, 4);
    expect((await get()).statements[0].overall.n).toBe(10);
    await request(t.app).post(`/api/rounds/${round.id}/close`).set('Authorization', auth).expect(200);
    expect((await get()).status).toBe('closed');
  });

  test('another organisation sees none of it', async () => {
    const round = await openRound();
    const other = (await t.adminFor('Ander Lyceum')).auth;
    for (const [method, url] of [
      ['get', `/api/rounds/${round.id}/results`],
      ['get', `/api/rounds/${round.id}/responses`],
      ['get', `/api/rounds/${round.id}/comments`],
      ['get', `/api/rounds/${round.id}`],
      ['post', `/api/rounds/${round.id}/close`],
      ['post', `/api/rounds/${round.id}/invitations`],
    ] as const) {
      const res = await request(t.app)[method](url).set('Authorization', other).send({ group: 'leraren', count: 1 });
      expect({ url, status: res.status }).toEqual({ url, status: 404 });
    }
    const list = await request(t.app).get('/api/rounds').set('Authorization', other);
    expect(list.body).toEqual([]);
  });
});
