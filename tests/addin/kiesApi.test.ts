/** The API client's Kies calls against a stand-in fetch: paths, methods, bodies, parsing, errors. */
import { KoersApiError, KoersClient } from '../../addin/api/client';
import { describeError } from '../../addin/taskpane/errorText';
import { kiesFixture, scoringView } from './kiesFixtures';

type Call = { url: string; method: string; headers: Record<string, string>; body?: unknown };

function fakeFetch(handler: (url: URL, call: Call) => Response) {
  const calls: Call[] = [];
  const fetchImpl = ((input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const call: Call = {
      url: url.toString(),
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    return Promise.resolve(handler(url, call));
  }) as typeof fetch;
  return { fetchImpl, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const fixture = kiesFixture();
const [first, second] = fixture.suggestions.map((s) => s.leverId) as [string, string];

async function failure(promise: Promise<unknown>): Promise<KoersApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KoersApiError) return error;
    throw error;
  }
  throw new Error('expected a KoersApiError');
}

describe('KoersClient: levers and suggestions', () => {
  test("listLevers parses the organisation's levers with the core lever schema", async () => {
    const { fetchImpl, calls } = fakeFetch(() => json(200, fixture.levers));
    const client = new KoersClient('https://koers.school.nl', 'key', { fetch: fetchImpl });
    await expect(client.listLevers()).resolves.toEqual(fixture.levers);
    expect(calls[0]).toMatchObject({
      url: 'https://koers.school.nl/api/levers',
      method: 'GET',
      headers: { Authorization: 'Bearer key' },
    });
  });

  test('getSuggestions asks for the round (and a limit) and keeps reasons and lever data', async () => {
    const reply = { roundId: 'r/1', theme: null, suggestions: fixture.suggestions };
    const { fetchImpl, calls } = fakeFetch(() => json(200, reply));
    const client = new KoersClient('https://koers.school.nl', 'key', { fetch: fetchImpl });
    await expect(client.getSuggestions('r/1')).resolves.toEqual(reply);
    await client.getSuggestions('r/1', { limit: 20 });
    expect(calls.map((c) => c.url)).toEqual([
      'https://koers.school.nl/api/rounds/r%2F1/suggestions',
      'https://koers.school.nl/api/rounds/r%2F1/suggestions?limit=20',
    ]);
  });

  test('a lever of another shape is "invalidResponse"', async () => {
    const { fetchImpl } = fakeFetch(() => json(200, [{ ...fixture.levers[0], amo: ['charisma'] }]));
    const client = new KoersClient('https://koers.school.nl', 'key', { fetch: fetchImpl });
    expect((await failure(client.listLevers())).kind).toBe('invalidResponse');
  });
});

describe('KoersClient: scoring', () => {
  const view = scoringView(fixture.levers, [first, second], [[{ leverId: first, impact: 4, feasibility: 2 }]], {
    links: 3,
  });

  test('openScoring POSTs the levers and raters as JSON and returns the links', async () => {
    const created = { ...view, links: ['https://koers.school.nl/s/abcdefghijklmnopqrstuvwx'] };
    const { fetchImpl, calls } = fakeFetch(() => json(201, created));
    const client = new KoersClient('https://koers.school.nl', 'key', { fetch: fetchImpl, language: 'en' });
    await expect(client.openScoring('r1', { leverIds: [first, second], raters: 3 })).resolves.toEqual(created);
    expect(calls[0]).toMatchObject({
      url: 'https://koers.school.nl/api/rounds/r1/scoring',
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer key', 'Accept-Language': 'en' },
      body: { leverIds: [first, second], raters: 3 },
    });
  });

  test('getScoring and sendAdviserScores parse the session view', async () => {
    const { fetchImpl, calls } = fakeFetch(() => json(200, view));
    const client = new KoersClient('https://koers.school.nl', 'key', { fetch: fetchImpl });
    await expect(client.getScoring('r1')).resolves.toEqual(view);
    await expect(client.sendAdviserScores('r1', [{ leverId: first, impact: 5, feasibility: 5 }])).resolves.toEqual(
      view,
    );
    expect(calls[1]).toMatchObject({
      url: 'https://koers.school.nl/api/rounds/r1/scoring/adviser',
      method: 'POST',
      body: { scores: [{ leverId: first, impact: 5, feasibility: 5 }] },
    });
    expect(calls[0]!.body).toBeUndefined();
  });

  test('no session yet and a closed session get their own words; other server messages pass through', async () => {
    const replies = [
      json(404, {
        error: { code: 'scoringSessionNotFound', message: 'Voor deze ronde is nog geen scoringsronde geopend.' },
      }),
      json(409, { error: { code: 'scoringClosed', message: 'Deze scoringsronde is gesloten.' } }),
      json(400, { error: { code: 'invalidInput', message: 'raters: Too big: expected number to be <=30' } }),
      json(404, { error: { code: 'roundNotFound', message: 'Deze ronde bestaat niet.' } }),
    ];
    const { fetchImpl } = fakeFetch(() => replies.shift()!);
    const client = new KoersClient('https://koers.school.nl', 'key', { fetch: fetchImpl });
    const none = await failure(client.getScoring('r1'));
    expect(none).toMatchObject({ kind: 'notFound', details: { code: 'scoringSessionNotFound' } });
    expect(describeError(none, 'nl')).toBe(
      'Voor deze ronde is nog geen MT-sessie geopend. Klik eerst op "MT-sessie openen".',
    );
    const closed = await failure(client.sendAdviserScores('r1', [{ leverId: first, impact: 1, feasibility: 1 }]));
    expect(describeError(closed, 'en')).toMatch(/^This MT session is closed/);
    const invalid = await failure(client.openScoring('r1', { leverIds: [first], raters: 31 }));
    expect(describeError(invalid, 'nl')).toBe('De server gaf een fout: raters: Too big: expected number to be <=30');
    expect(describeError(await failure(client.getScoring('gone')), 'nl')).toBe(
      'Deze ronde bestaat niet (meer) voor uw organisatie.',
    );
  });
});
