/**
 * Isolation between organisations: with organisation A's API key, every round, survey, response,
 * lever and scoring session of organisation B answers 404, exactly like an id that does not exist
 * (so ids reveal nothing), and A's lists never contain B's things. A public code answers only its
 * own round.
 */
import type { HttpResult } from './support/fixture';
import {
  AdminApi,
  createOrganisations,
  killLeftoverServers,
  removeDir,
  serve,
  tempDataDir,
  type HttpClient,
} from './support/fixture';
import { makeSubmission, seededRandom } from './support/respondents';
import { lowestValue, type CoarseCount } from '../../core/coarseCount';

let dataDir: string;
afterAll(async () => {
  await killLeftoverServers();
  removeDir(dataDir);
});

const ownSurvey = (title: string) => ({
  title: { nl: title, en: title },
  sections: [
    {
      id: 'werk',
      title: { nl: 'Werk', en: 'Work' },
      statements: [
        { id: 'werkdruk', text: { nl: 'De werkdruk is hanteerbaar.', en: 'The workload is manageable.' } },
        { id: 'overleg', text: { nl: 'Er is genoeg overleg.', en: 'There is enough consultation.' } },
      ],
    },
  ],
  groups: [{ id: 'leraren', name: { nl: 'Leraren', en: 'Teachers' } }],
});

const ownLever = (description: string) => ({
  title: { nl: 'Gedeelde naam voor een instrument', en: 'Shared name for a lever' },
  description: { nl: description, en: description },
  cluster: 'samenwerken',
  themes: ['differentiatie'],
  amo: ['opportunity'],
});

interface Org {
  admin: AdminApi;
  surveyId: string;
  roundId: string;
  closedRoundId: string;
  leverId: string;
  codes: string[];
  scoringLink: string;
}

async function populate(client: HttpClient, apiKey: string, name: string): Promise<Org> {
  const admin = new AdminApi(client, apiKey);
  const survey = (
    await admin.expectStatus(client.post('/api/surveys', ownSurvey(`Peiling ${name}`), admin.headers), 201, 'survey')
  ).json as { id: string };
  const round = await admin.createRound({
    surveyId: survey.id,
    groups: ['leraren'],
    anonymityThreshold: 2,
    name: `Ronde ${name}`,
  });
  const shrm = await admin.createRound({
    surveyId: 'shrm',
    groups: ['leraren', 'oop'],
    anonymityThreshold: 2,
    name: `Gesloten ${name}`,
  });
  const codes = await admin.invite(round.id, 'leraren', 10);
  const random = seededRandom(name.length);
  for (const code of codes.slice(0, 4)) {
    const res = await client.post(
      '/api/responses',
      makeSubmission(random, code, `${name}: opmerking ${code}`, ['werkdruk', 'overleg']).body,
    );
    expect(res.status).toBe(201);
  }
  await admin.close(shrm.id);
  const lever = (
    await admin.expectStatus(client.post('/api/levers', ownLever(`Alleen van ${name}`), admin.headers), 201, 'lever')
  ).json as { id: string };
  const scoring = (
    await admin.expectStatus(
      client.post(`/api/rounds/${round.id}/scoring`, { leverIds: [lever.id], raters: 2 }, admin.headers),
      201,
      'scoring',
    )
  ).json as { links: string[] };
  return {
    admin,
    surveyId: survey.id,
    roundId: round.id,
    closedRoundId: shrm.id,
    leverId: lever.id,
    codes,
    scoringLink: scoring.links[0]!,
  };
}

test('an API key of one organisation sees nothing of another, and a code answers only its own round', async () => {
  dataDir = tempDataDir('isolation');
  const [keyA, keyB] = await createOrganisations(dataDir, ['School A', 'School B']);
  const { client, stop } = await serve(dataDir);
  const a = await populate(client, keyA!.apiKey, 'A');
  const b = await populate(client, keyB!.apiKey, 'B');
  // Ids are per organisation: both made a lever with the same title, so the lever ids collide.
  expect(a.leverId).toBe(b.leverId);

  const bBefore = await snapshotOf(b);

  const missingRound = 'round-zzzzzzzzzzzzzzzz';
  const probes: Array<{
    what: string;
    method: string;
    path: (id: string) => string;
    body?: unknown;
    ids: [string, string];
  }> = [
    { what: 'round', method: 'GET', path: (id) => `/api/rounds/${id}`, ids: [b.roundId, missingRound] },
    { what: 'closed round', method: 'GET', path: (id) => `/api/rounds/${id}`, ids: [b.closedRoundId, missingRound] },
    { what: 'results', method: 'GET', path: (id) => `/api/rounds/${id}/results`, ids: [b.roundId, missingRound] },
    { what: 'comments', method: 'GET', path: (id) => `/api/rounds/${id}/comments`, ids: [b.roundId, missingRound] },
    { what: 'responses', method: 'GET', path: (id) => `/api/rounds/${id}/responses`, ids: [b.roundId, missingRound] },
    {
      what: 'responses as CSV',
      method: 'GET',
      path: (id) => `/api/rounds/${id}/responses?format=csv`,
      ids: [b.roundId, missingRound],
    },
    {
      what: 'suggestions',
      method: 'GET',
      path: (id) => `/api/rounds/${id}/suggestions`,
      ids: [b.roundId, missingRound],
    },
    {
      what: 'invitations',
      method: 'POST',
      path: (id) => `/api/rounds/${id}/invitations`,
      body: { group: 'leraren', count: 1 },
      ids: [b.roundId, missingRound],
    },
    { what: 'close', method: 'POST', path: (id) => `/api/rounds/${id}/close`, ids: [b.roundId, missingRound] },
    {
      what: 'scoring session',
      method: 'GET',
      path: (id) => `/api/rounds/${id}/scoring`,
      ids: [b.roundId, missingRound],
    },
    {
      what: 'open scoring',
      method: 'POST',
      path: (id) => `/api/rounds/${id}/scoring`,
      body: { leverIds: [b.leverId], raters: 1 },
      ids: [b.roundId, missingRound],
    },
    {
      what: 'adviser scores',
      method: 'POST',
      path: (id) => `/api/rounds/${id}/scoring/adviser`,
      body: { scores: [{ leverId: b.leverId, impact: 5, feasibility: 5 }] },
      ids: [b.roundId, missingRound],
    },
    {
      what: 'close scoring',
      method: 'POST',
      path: (id) => `/api/rounds/${id}/scoring/close`,
      ids: [b.roundId, missingRound],
    },
    { what: 'survey', method: 'GET', path: (id) => `/api/surveys/${id}`, ids: [b.surveyId, 'survey-zzzzzzzzzzzzzzzz'] },
  ];
  for (const probe of probes) {
    const [theirs, missing] = await Promise.all(
      probe.ids.map((id) =>
        client.request(probe.method, probe.path(id), {
          headers: a.admin.headers,
          ...(probe.body ? { body: probe.body } : {}),
        }),
      ),
    );
    expect([probe.what, theirs!.status]).toEqual([probe.what, 404]);
    // Same answer as for an id that does not exist: nothing tells A that B's id is real.
    expect([probe.what, theirs!.text.replaceAll(probe.ids[0], '<id>')]).toEqual([
      probe.what,
      missing!.text.replaceAll(probe.ids[1], '<id>'),
    ]);
  }

  // B's own levers: the id exists for A too, but it is A's own lever; B's text never shows.
  const leverForA = await a.admin.getJson<{ description: { nl: string } }>(`/api/levers/${b.leverId}`);
  expect(leverForA.description.nl).toBe('Alleen van A');
  await a.admin.expectStatus(
    client.request('PATCH', `/api/levers/${a.leverId}`, {
      body: { description: { nl: 'A gewijzigd', en: 'A changed' } },
      headers: a.admin.headers,
    }),
    200,
    'patch own lever',
  );
  await a.admin.expectStatus(
    client.post(`/api/levers/gericht-werven/retire`, undefined, a.admin.headers),
    200,
    'retire built-in for A',
  );
  const leversOfA =
    await a.admin.getJson<Array<{ id: string; description: { nl: string }; retired: boolean }>>('/api/levers');
  expect(JSON.stringify(leversOfA)).not.toContain('Alleen van B');
  const leversOfB =
    await b.admin.getJson<Array<{ id: string; description: { nl: string }; retired: boolean }>>('/api/levers');
  expect(leversOfB.find((l) => l.id === b.leverId)!.description.nl).toBe('Alleen van B');
  expect(leversOfB.find((l) => l.id === 'gericht-werven')!.retired).toBe(false);

  // Lists of A never mention B's things.
  const listed = JSON.stringify([
    await a.admin.getJson('/api/rounds'),
    await a.admin.getJson('/api/surveys'),
    leversOfA,
  ]);
  for (const id of [b.roundId, b.closedRoundId, b.surveyId]) expect(listed).not.toContain(id);
  expect(listed).not.toContain('Ronde B');
  expect(listed).not.toContain('Peiling B');

  // A round of A cannot use B's survey.
  const foreignSurvey = await client.post(
    '/api/rounds',
    { surveyId: b.surveyId, name: 'Poging', groups: ['leraren'] },
    a.admin.headers,
  );
  expect([foreignSurvey.status, (foreignSurvey.json as { error: { code: string } }).error.code]).toEqual([
    400,
    'unknownSurvey',
  ]);

  // Public codes: a code answers only its own round, however the body tries to point elsewhere.
  const random = seededRandom(5);
  const aCode = a.codes[5]!;
  const redirected = await client.post('/api/responses', {
    ...makeSubmission(random, aCode, 'poging', ['werkdruk']).body,
    roundId: b.roundId,
  });
  expect(redirected.status).toBe(400);
  const otherSurveyAnswers = await client.post(
    '/api/responses',
    makeSubmission(random, aCode, 'poging', ['int-goals']).body,
  );
  expect([otherSurveyAnswers.status, (otherSurveyAnswers.json as { error: { code: string } }).error.code]).toEqual([
    400,
    'unknownStatement',
  ]);
  const form = await client.get(`/api/form/${aCode}`);
  expect((form.json as { round: { name: string } }).round.name).toBe('Ronde A');
  const countsBefore = [await countOf(a), await countOf(b)];
  const accepted = await client.post('/api/responses', makeSubmission(random, aCode, 'A telt mee', ['werkdruk']).body);
  expect(accepted.status).toBe(201);
  expect([await countOf(a), await countOf(b)]).toEqual([countsBefore[0]! + 1, countsBefore[1]]);

  // A scoring link of B's session scores B's session only, and only its levers.
  const bToken = b.scoringLink.split('/s/')[1]!;
  const bPage = await client.get(`/api/scoring/${bToken}`);
  expect((bPage.json as { round: { name: string } }).round.name).toBe('Ronde B');
  const foreignLever = await client.post(`/api/scoring/${bToken}`, {
    scores: [{ leverId: 'kweekvijver-stages', impact: 5, feasibility: 5 }],
  });
  expect(foreignLever.status).toBeGreaterThanOrEqual(400);
  expect(foreignLever.status).toBeLessThan(500);

  // Nothing A tried changed anything of B.
  expect(await snapshotOf(b)).toEqual(bBefore);
  await stop();
});

async function countOf(org: Org): Promise<number> {
  const round = await org.admin.getJson<{ responses: CoarseCount }>(`/api/rounds/${org.roundId}`);
  return lowestValue(round.responses);
}

/** Everything B can see of its own data. */
async function snapshotOf(org: Org): Promise<unknown[]> {
  const get = (path: string): Promise<HttpResult> => org.admin.get(path);
  const paths = [
    `/api/rounds`,
    `/api/rounds/${org.roundId}/results`,
    `/api/rounds/${org.roundId}/comments`,
    `/api/rounds/${org.roundId}/responses`,
    `/api/rounds/${org.roundId}/scoring`,
    `/api/surveys/${org.surveyId}`,
    `/api/levers/${org.leverId}`,
  ];
  return Promise.all(paths.map(async (path) => [path, (await get(path)).text]));
}
