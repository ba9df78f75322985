import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { META_FILE } from '../../server/store/metaDocument';
import { openStore } from '../../server/store/index';
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

const LEVERS = ['intervisie', 'gesprekkencyclus', 'mentor-met-tijd'];

async function openRound(key = auth): Promise<string> {
  const res = await request(t.app)
    .post('/api/rounds')
    .set('Authorization', key)
    .send({ surveyId: 'shrm', name: 'Nulmeting 2026', groups: ['leraren'] });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function openSession(roundId: string, leverIds = LEVERS, raters = 3) {
  const res = await request(t.app)
    .post(`/api/rounds/${roundId}/scoring`)
    .set('Authorization', auth)
    .send({ leverIds, raters });
  expect(res.status).toBe(201);
  return res.body as { sessionId: string; links: string[]; status: string };
}

const tokenOf = (link: string): string => link.slice(link.lastIndexOf('/s/') + 3);

type Score = { leverId: string; impact: number; feasibility: number; remark?: string };

function score(token: string, scores: Score[], lang = 'nl') {
  return request(t.app).post(`/api/scoring/${token}?lang=${lang}`).send({ scores });
}

function sessionOf(roundId: string, key = auth) {
  return request(t.app).get(`/api/rounds/${roundId}/scoring`).set('Authorization', key);
}

interface LeverRow {
  leverId: string;
  summary: {
    raters: number;
    impact: { mean: number; median: number; sd: number | null; range: number };
    feasibility: { mean: number; median: number; sd: number | null; range: number };
    disagreement: boolean;
    disagreementOn: string[];
    quadrant: string;
  } | null;
  remarks: string[];
  lever: { title: { nl: string } };
}

const row = (body: { levers: LeverRow[] }, leverId: string): LeverRow =>
  body.levers.find((l) => l.leverId === leverId)!;

describe('a scoring session from opening to closing', () => {
  test('members score through their links, the adviser counts as one more rater, and closing ends it', async () => {
    const roundId = await openRound();
    const opened = await request(t.app)
      .post(`/api/rounds/${roundId}/scoring`)
      .set('Authorization', auth)
      .send({ leverIds: LEVERS, raters: 3 });
    expect(opened.status).toBe(201);
    expect(opened.headers['cache-control']).toBe('no-store');
    expect(opened.body).toMatchObject({ roundId, status: 'open', raters: { links: 3, submitted: 0, adviser: false } });
    expect(opened.body.levers.map((l: LeverRow) => [l.leverId, l.summary, l.remarks])).toEqual(
      LEVERS.map((id) => [id, null, []]),
    );
    const links: string[] = opened.body.links;
    expect(links).toHaveLength(3);
    // Built from the configured host and port (testApp: the defaults), never from the request's Host header.
    for (const link of links) expect(link).toMatch(/^http:\/\/localhost:3000\/s\/[A-Za-z0-9_-]{24}$/);
    const [a, b, c] = links.map(tokenOf);
    expect(new Set([a, b, c]).size).toBe(3);
    // Only hashes are stored: the tokens themselves appear nowhere on disk.
    const onDisk = fs.readFileSync(path.join(t.dataDir, META_FILE), 'utf8');
    for (const token of [a, b, c]) expect(onDisk).not.toContain(token);

    const page = await request(t.app).get(`/api/scoring/${a}`).set('Accept-Language', 'en');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body.round).toEqual({ name: 'Nulmeting 2026' });
    expect(page.body.session).toEqual({ status: 'open' });
    expect(page.body.scores).toEqual([]);
    expect(page.body.levers.map((l: { id: string }) => l.id)).toEqual(LEVERS);
    expect(page.body.levers[0]).toEqual({
      id: 'intervisie',
      title: expect.objectContaining({ nl: expect.any(String), en: expect.any(String) }),
      description: expect.objectContaining({ nl: expect.any(String), en: expect.any(String) }),
      cluster: { id: 'opleiding-begeleiding', name: { nl: 'Opleiding en begeleiding', en: 'Training and guidance' } },
      amo: [
        { factor: 'ability', name: { nl: 'Kunnen', en: 'Ability' } },
        { factor: 'motivation', name: { nl: 'Willen', en: 'Motivation' } },
      ],
    });
    expect(JSON.stringify(page.body)).not.toMatch(/organisationId|keywords|sessionId/);

    const first = await score(a, [
      { leverId: 'intervisie', impact: 5, feasibility: 4, remark: '  Past bij ons  ' },
      { leverId: 'gesprekkencyclus', impact: 2, feasibility: 3 },
      { leverId: 'mentor-met-tijd', impact: 4, feasibility: 4 },
    ]);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ status: 'created' });
    await score(b, [
      { leverId: 'intervisie', impact: 4, feasibility: 4 },
      { leverId: 'gesprekkencyclus', impact: 5, feasibility: 2, remark: 'Kost veel tijd' },
      { leverId: 'mentor-met-tijd', impact: 4, feasibility: 5, remark: '' },
    ]).expect(201);
    // A member may leave a lever out.
    await score(c, [
      { leverId: 'intervisie', impact: 1, feasibility: 4, remark: 'Eerst de basis op orde' },
      { leverId: 'gesprekkencyclus', impact: 3, feasibility: 3 },
    ]).expect(201);

    const three = (await sessionOf(roundId)).body;
    expect(three.raters).toEqual({ links: 3, submitted: 3, adviser: false });
    // intervisie: impact 5, 4, 1 → mean 10/3, median 4, range 4 (≥ 3: disagreement); feasibility 4, 4, 4.
    const intervisie = row(three, 'intervisie');
    expect(intervisie.summary!.raters).toBe(3);
    expect(intervisie.summary!.impact.mean).toBeCloseTo(10 / 3, 10);
    expect(intervisie.summary!.impact.median).toBe(4);
    expect(intervisie.summary!.impact.range).toBe(4);
    expect(intervisie.summary!.feasibility).toMatchObject({ mean: 4, median: 4, sd: 0, range: 0 });
    expect(intervisie.summary!.disagreementOn).toEqual(['impact']);
    expect(intervisie.summary!.quadrant).toBe('nu-doen');
    // Remarks are trimmed, and sorted as text rather than in link order.
    expect(intervisie.remarks).toEqual(['Eerst de basis op orde', 'Past bij ons']);
    expect(intervisie.lever.title.nl).toBe('Leer van elkaar via intervisie en lesbezoek');
    // gesprekkencyclus: impact 2, 5, 3 → mean 10/3, median 3, range 3 (disagreement);
    // feasibility 3, 2, 3 → mean 8/3, median 3, sd 0.577 (no disagreement); high impact only → plannen.
    const cycle = row(three, 'gesprekkencyclus');
    expect(cycle.summary!.impact).toMatchObject({ median: 3, range: 3 });
    expect(cycle.summary!.feasibility.mean).toBeCloseTo(8 / 3, 10);
    expect(cycle.summary!.feasibility.sd).toBeCloseTo(Math.sqrt(1 / 3), 10);
    expect(cycle.summary!.disagreementOn).toEqual(['impact']);
    expect(cycle.summary!.quadrant).toBe('plannen');
    expect(cycle.remarks).toEqual(['Kost veel tijd']);
    // mentor-met-tijd: two raters, impact 4, 4; feasibility 4, 5 → mean 4.5, sd 0.707: agreement.
    const mentor = row(three, 'mentor-met-tijd');
    expect(mentor.summary).toMatchObject({
      raters: 2,
      impact: { mean: 4, median: 4 },
      feasibility: { mean: 4.5, median: 4.5 },
      disagreement: false,
      quadrant: 'nu-doen',
    });
    expect(mentor.remarks).toEqual([]);

    // The adviser's scores count as one more rater.
    const adviser = await request(t.app)
      .post(`/api/rounds/${roundId}/scoring/adviser`)
      .set('Authorization', auth)
      .send({ scores: [{ leverId: 'gesprekkencyclus', impact: 1, feasibility: 1 }] });
    expect(adviser.status).toBe(200);
    expect(adviser.body.raters).toEqual({ links: 3, submitted: 3, adviser: true });
    // impact 2, 5, 3, 1 → mean 2.75, median 2.5; feasibility 3, 2, 3, 1 → mean 2.25, median 2.5 → laten.
    expect(row(adviser.body, 'gesprekkencyclus').summary).toMatchObject({
      raters: 4,
      impact: { mean: 2.75, median: 2.5, range: 4 },
      feasibility: { mean: 2.25, median: 2.5 },
      quadrant: 'laten',
    });
    // Sending again replaces the adviser's earlier scores: still four raters.
    const again = await request(t.app)
      .post(`/api/rounds/${roundId}/scoring/adviser`)
      .set('Authorization', auth)
      .send({ scores: [{ leverId: 'gesprekkencyclus', impact: 3, feasibility: 3 }] });
    // impact 2, 5, 3, 3 → mean 3.25, median 3; feasibility 3, 2, 3, 3 → mean 2.75, median 3 → plannen.
    expect(row(again.body, 'gesprekkencyclus').summary).toMatchObject({
      raters: 4,
      impact: { mean: 3.25, median: 3 },
      feasibility: { mean: 2.75, median: 3 },
      quadrant: 'plannen',
    });

    // A member resubmits: their scores are replaced, so they still count once.
    const resubmitted = await score(a, [{ leverId: 'intervisie', impact: 2, feasibility: 2 }]);
    expect(resubmitted.status).toBe(201);
    expect(resubmitted.body).toEqual({ status: 'replaced' });
    expect((await request(t.app).get(`/api/scoring/${a}`)).body.scores).toEqual([
      { leverId: 'intervisie', impact: 2, feasibility: 2 },
    ]);
    const replaced = (await sessionOf(roundId)).body;
    expect(replaced.raters.submitted).toBe(3);
    // intervisie: impact 2, 4, 1 → mean 7/3, median 2; feasibility 2, 4, 4 → mean 10/3.
    expect(row(replaced, 'intervisie').summary!.raters).toBe(3);
    expect(row(replaced, 'intervisie').summary!.impact.median).toBe(2);
    expect(row(replaced, 'intervisie').summary!.feasibility.mean).toBeCloseTo(10 / 3, 10);
    expect(row(replaced, 'intervisie').summary!.quadrant).toBe('snel-resultaat');
    expect(row(replaced, 'intervisie').remarks).toEqual(['Eerst de basis op orde']);
    expect(row(replaced, 'mentor-met-tijd').summary!.raters).toBe(1);
    expect(row(replaced, 'gesprekkencyclus').summary!.raters).toBe(3);

    // Closing ends scoring for members and adviser alike; the results stay readable.
    const closed = await request(t.app).post(`/api/rounds/${roundId}/scoring/close`).set('Authorization', auth);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    const before = snapshotDataDir(t.dataDir);
    const late = await score(b, [{ leverId: 'intervisie', impact: 5, feasibility: 5 }], 'en');
    expect(late.status).toBe(409);
    expect(late.body.error).toEqual({
      code: 'scoringClosed',
      message: 'This scoring session is closed; scores can no longer be added or changed.',
    });
    const lateAdviser = await request(t.app)
      .post(`/api/rounds/${roundId}/scoring/adviser`)
      .set('Authorization', auth)
      .send({ scores: [{ leverId: 'intervisie', impact: 5, feasibility: 5 }] });
    expect(lateAdviser.status).toBe(409);
    expect(snapshotDataDir(t.dataDir)).toEqual(before);
    expect((await request(t.app).get(`/api/scoring/${b}`)).body.session).toEqual({ status: 'closed' });
    expect((await sessionOf(roundId)).body.status).toBe('closed');
    // Closing twice is harmless.
    expect((await request(t.app).post(`/api/rounds/${roundId}/scoring/close`).set('Authorization', auth)).status).toBe(
      200,
    );
  });

  test('opening a new session closes the previous one, and GET shows the latest', async () => {
    const roundId = await openRound();
    const first = await openSession(roundId);
    const second = await openSession(roundId, ['visie-uitdragen'], 2);
    expect(second.sessionId).not.toBe(first.sessionId);
    const oldToken = tokenOf(first.links[0]!);
    expect((await request(t.app).get(`/api/scoring/${oldToken}`)).body.session.status).toBe('closed');
    expect((await score(oldToken, [{ leverId: 'intervisie', impact: 3, feasibility: 3 }])).status).toBe(409);
    const latest = (await sessionOf(roundId)).body;
    expect(latest).toMatchObject({ sessionId: second.sessionId, status: 'open', raters: { links: 2 } });
    expect(latest.levers.map((l: LeverRow) => l.leverId)).toEqual(['visie-uitdragen']);
    expect(
      (await score(tokenOf(second.links[1]!), [{ leverId: 'visie-uitdragen', impact: 4, feasibility: 2 }])).status,
    ).toBe(201);
  });

  test('sessions, scores and links survive a restart', async () => {
    const roundId = await openRound();
    const { links } = await openSession(roundId);
    const token = tokenOf(links[0]!);
    await score(token, [{ leverId: 'intervisie', impact: 4, feasibility: 3, remark: 'Goed idee' }]).expect(201);
    const organisationId = (await t.store.organisations.organisationForKey(auth.slice('Bearer '.length)))!.id;
    await t.store.close();
    const reopened = await openStore({ dataDir: t.dataDir });
    const found = await reopened.scoring.lookupScoringToken(token);
    expect(found?.scores).toEqual([{ leverId: 'intervisie', impact: 4, feasibility: 3, remark: 'Goed idee' }]);
    expect(found?.levers.map((l) => l.id)).toEqual(LEVERS);
    expect((await reopened.scoring.getScoringSession(organisationId, roundId))?.status).toBe('open');
    expect(await reopened.scoring.submitScores(token, [{ leverId: 'intervisie', impact: 5, feasibility: 3 }])).toBe(
      'replaced',
    );
    await reopened.close();
  });
});

describe('bad input is refused and stores nothing', () => {
  test('opening a session', async () => {
    const roundId = await openRound();
    const other = (await t.adminFor('Ander Lyceum')).auth;
    const foreignLever = await request(t.app)
      .post('/api/levers')
      .set('Authorization', other)
      .send({
        title: { nl: 'Eigen idee', en: 'Own idea' },
        description: { nl: 'x', en: 'x' },
        cluster: 'samenwerken',
        themes: ['differentiatie'],
        amo: ['ability'],
      });
    await request(t.app).post('/api/levers/intervisie/retire').set('Authorization', auth).expect(200);
    const before = snapshotDataDir(t.dataDir);
    const manyLevers = Array.from({ length: 61 }, (_, i) => `maatregel-${i}`);
    const cases: Array<[object, number, string, RegExp]> = [
      [{ leverIds: [], raters: 3 }, 400, 'badRequest', /leverIds/],
      [{ leverIds: manyLevers, raters: 3 }, 400, 'badRequest', /leverIds: te groot.*60/],
      [{ leverIds: ['gesprekkencyclus', 'gesprekkencyclus'], raters: 3 }, 400, 'badRequest', /leverIds/],
      [{ leverIds: ['gesprekkencyclus'], raters: 0 }, 400, 'badRequest', /raters: te klein/],
      [{ leverIds: ['gesprekkencyclus'], raters: 31 }, 400, 'badRequest', /raters: te groot/],
      [{ leverIds: ['gesprekkencyclus'], raters: 2.5 }, 400, 'badRequest', /raters/],
      [{ leverIds: ['gesprekkencyclus'] }, 400, 'badRequest', /raters/],
      [{ leverIds: ['bestaat-niet'], raters: 3 }, 400, 'unknownLever', /De maatregel "bestaat-niet" bestaat niet/],
      [{ leverIds: [foreignLever.body.id], raters: 3 }, 400, 'unknownLever', /bestaat niet/],
      [
        { leverIds: ['gesprekkencyclus', 'intervisie'], raters: 3 },
        400,
        'leverRetired',
        /"intervisie" is buiten gebruik gezet/,
      ],
    ];
    for (const [body, status, code, message] of cases) {
      const res = await request(t.app).post(`/api/rounds/${roundId}/scoring`).set('Authorization', auth).send(body);
      expect({ body, status: res.status, code: res.body.error?.code, message: res.body.error?.message }).toEqual({
        body,
        status,
        code,
        message: expect.stringMatching(message),
      });
    }
    expect(snapshotDataDir(t.dataDir)).toEqual(before);
    expect((await sessionOf(roundId)).status).toBe(404);
  });

  test('scores from members and from the adviser', async () => {
    const roundId = await openRound();
    const { links } = await openSession(roundId);
    const token = tokenOf(links[0]!);
    const before = snapshotDataDir(t.dataDir);
    const ok = { leverId: 'intervisie', impact: 3, feasibility: 3 };
    const cases: Array<[unknown, number, string, RegExp]> = [
      [{ scores: [{ ...ok, impact: 6 }] }, 400, 'badRequest', /scores\.0\.impact: te groot/],
      [{ scores: [{ ...ok, feasibility: 0 }] }, 400, 'badRequest', /scores\.0\.feasibility: te klein/],
      [{ scores: [{ ...ok, impact: 2.5 }] }, 400, 'badRequest', /scores\.0\.impact/],
      [{ scores: [{ ...ok, impact: '4' }] }, 400, 'badRequest', /scores\.0\.impact: verwacht een getal/],
      [{ scores: [{ ...ok, remark: 'x'.repeat(501) }] }, 400, 'badRequest', /scores\.0\.remark: te groot/],
      [{ scores: [ok, ok] }, 400, 'badRequest', /scores/],
      [{ scores: [] }, 400, 'badRequest', /scores/],
      [{ scores: [{ ...ok, rater: 'Jan' }] }, 400, 'badRequest', /onbekend veld "rater"/],
      [{ scores: [ok], token: 'x' }, 400, 'badRequest', /onbekend veld "token"/],
      [{ scores: [ok, { ...ok, leverId: 'bestaat-niet' }] }, 400, 'unknownLever', /"bestaat-niet" bestaat niet/],
      [
        { scores: [ok, { ...ok, leverId: 'visie-uitdragen' }] },
        400,
        'leverNotInSession',
        /"visie-uitdragen" hoort niet bij deze scoringsronde/,
      ],
    ];
    for (const [body, status, code, message] of cases) {
      for (const [who, send] of [
        [
          'member',
          () =>
            request(t.app)
              .post(`/api/scoring/${token}`)
              .send(body as object),
        ],
        [
          'adviser',
          () =>
            request(t.app)
              .post(`/api/rounds/${roundId}/scoring/adviser`)
              .set('Authorization', auth)
              .send(body as object),
        ],
      ] as const) {
        const res = await send();
        expect({ who, body, status: res.status, code: res.body.error?.code, message: res.body.error?.message }).toEqual(
          {
            who,
            body,
            status,
            code,
            message: expect.stringMatching(message),
          },
        );
      }
    }
    expect(snapshotDataDir(t.dataDir)).toEqual(before);
    expect((await sessionOf(roundId)).body.raters).toEqual({ links: 3, submitted: 0, adviser: false });
  });

  test('wrong tokens', async () => {
    const roundId = await openRound();
    await openSession(roundId);
    const unknown = await request(t.app).get('/api/scoring/AAAAAAAAAAAAAAAAAAAAAAAA?lang=en');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({
      code: 'unknownScoringToken',
      message: 'This link is unknown. Please check that you used the complete link.',
    });
    const post = await score('AAAAAAAAAAAAAAAAAAAAAAAA', [{ leverId: 'intervisie', impact: 3, feasibility: 3 }]);
    expect(post.status).toBe(404);
    expect(post.body.error.code).toBe('unknownScoringToken');
    for (const malformed of ['kort', 'x'.repeat(65), 'AAAAAAAAAAAAAAAA.AAAAAAA']) {
      expect((await request(t.app).get(`/api/scoring/${malformed}`)).status).toBe(400);
    }
  });

  test("another organisation's round and session are 404", async () => {
    const roundId = await openRound();
    await openSession(roundId);
    const other = (await t.adminFor('Ander Lyceum')).auth;
    const before = snapshotDataDir(t.dataDir);
    for (const [method, url, body] of [
      ['get', `/api/rounds/${roundId}/scoring`, {}],
      ['post', `/api/rounds/${roundId}/scoring`, { leverIds: ['intervisie'], raters: 2 }],
      [
        'post',
        `/api/rounds/${roundId}/scoring/adviser`,
        { scores: [{ leverId: 'intervisie', impact: 3, feasibility: 3 }] },
      ],
      ['post', `/api/rounds/${roundId}/scoring/close`, {}],
    ] as const) {
      const res = await request(t.app)[method](url).set('Authorization', other).send(body);
      expect({ url, status: res.status, code: res.body.error?.code }).toEqual({
        url,
        status: 404,
        code: 'roundNotFound',
      });
    }
    expect(snapshotDataDir(t.dataDir)).toEqual(before);
    // Its own round without a session: 404 with its own message.
    const ownRound = await openRound(other);
    const none = await request(t.app).get(`/api/rounds/${ownRound}/scoring?lang=en`).set('Authorization', other);
    expect(none.status).toBe(404);
    expect(none.body.error).toEqual({
      code: 'scoringSessionNotFound',
      message: 'No scoring session has been opened for this round yet.',
    });
    const adviser = await request(t.app)
      .post(`/api/rounds/${ownRound}/scoring/adviser`)
      .set('Authorization', other)
      .send({ scores: [{ leverId: 'intervisie', impact: 3, feasibility: 3 }] });
    expect(adviser.status).toBe(404);
    expect(
      (await request(t.app).post(`/api/rounds/${ownRound}/scoring/close`).set('Authorization', other)).status,
    ).toBe(404);
  });

  test('members are rate-limited per link like invitation codes', async () => {
    const limited = await startTestApp({ ratePerCode: 2 });
    try {
      const key = (await limited.adminFor('Het Baken')).auth;
      const round = await request(limited.app)
        .post('/api/rounds')
        .set('Authorization', key)
        .send({ surveyId: 'shrm', name: 'R', groups: ['leraren'] });
      const opened = await request(limited.app)
        .post(`/api/rounds/${round.body.id}/scoring`)
        .set('Authorization', key)
        .send({ leverIds: ['intervisie'], raters: 2 });
      const [first, second] = (opened.body.links as string[]).map(tokenOf);
      const send = (token: string) =>
        request(limited.app)
          .post(`/api/scoring/${token}`)
          .send({ scores: [{ leverId: 'intervisie', impact: 3, feasibility: 3 }] });
      expect((await send(first!)).status).toBe(201);
      expect((await send(first!)).status).toBe(201);
      const third = await send(first!);
      expect(third.status).toBe(429);
      expect(third.body.error.code).toBe('tooManyRequests');
      expect((await send(second!)).status).toBe(201);
    } finally {
      await limited.close();
    }
  });
});
