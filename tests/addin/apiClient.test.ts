import { checkConnection, KoersApiError, KoersClient, normaliseServerUrl } from '../../addin/api/client';
import { buildFixture } from './fixtures';

type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;

function fakeFetch(handler: Handler) {
  const calls: Array<{ url: string; headers: Record<string, string> }> = [];
  const fetchImpl = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : input);
    calls.push({ url: url.toString(), headers: { ...(init.headers as Record<string, string>) } });
    return handler(url, init);
  }) as typeof fetch;
  return { fetchImpl, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const health = () => json(200, { status: 'ok', service: 'koers' });
const round = {
  id: 'r1',
  organisationId: 'o1',
  surveyId: 'shrm',
  name: 'Nulmeting',
  groups: ['leraren'],
  anonymityThreshold: 5,
  actionGap: 1,
  status: 'open',
  phase: 'open',
  createdAt: '2026-09-01T00:00:00.000Z',
  surveyTitle: { nl: 'SHRM', en: 'SHRM' },
  responses: { exact: true, value: 12 },
  participation: [{ id: 'leraren', kind: 'group', status: 'shown', responses: { exact: true, value: 12 } }],
  released: 'notReleased',
};

async function failure(promise: Promise<unknown>): Promise<KoersApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KoersApiError) return error;
    throw error;
  }
  throw new Error('expected a KoersApiError');
}

describe('normaliseServerUrl', () => {
  test('adds https, keeps a path prefix, drops trailing slashes', () => {
    expect(normaliseServerUrl(' koers.school.nl ')).toBe('https://koers.school.nl');
    expect(normaliseServerUrl('https://localhost:3000/')).toBe('https://localhost:3000');
    expect(normaliseServerUrl('https://school.nl/koers/')).toBe('https://school.nl/koers');
  });
  test('refuses what is no web address', () => {
    for (const bad of ['', 'ftp://x', 'https://', 'https://user:pw@x.nl']) {
      expect(() => normaliseServerUrl(bad)).toThrow(KoersApiError);
    }
  });
});

describe('KoersClient', () => {
  test('checkConnection asks /health without the key, then /api/rounds with it, in the UI language', async () => {
    const { fetchImpl, calls } = fakeFetch((url) => (url.pathname === '/health' ? health() : json(200, [round])));
    const { rounds, client } = await checkConnection('https://localhost:3000/', 'secret-key', {
      fetch: fetchImpl,
      language: 'en',
    });
    expect(client.serverUrl).toBe('https://localhost:3000');
    expect(rounds).toEqual([round]);
    expect(calls.map((c) => c.url)).toEqual(['https://localhost:3000/health', 'https://localhost:3000/api/rounds']);
    expect(calls[0]!.headers.Authorization).toBeUndefined();
    expect(calls[1]!.headers.Authorization).toBe('Bearer secret-key');
    expect(calls[1]!.headers['Accept-Language']).toBe('en');
  });

  test('a network failure is "unreachable"', async () => {
    const { fetchImpl } = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(checkConnection('https://localhost:1', 'k', { fetch: fetchImpl }));
    expect(error.kind).toBe('unreachable');
  });

  test('a server that is not Koers is "notKoers"', async () => {
    const { fetchImpl } = fakeFetch(
      () => new Response('<html>Welkom</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    );
    expect((await failure(checkConnection('https://school.nl', 'k', { fetch: fetchImpl }))).kind).toBe('notKoers');
  });

  test('a wrong key is "unauthorized", with the server message passed through', async () => {
    const { fetchImpl } = fakeFetch((url) =>
      url.pathname === '/health'
        ? health()
        : json(401, { error: { code: 'unauthorized', message: 'Geef een geldige API-sleutel mee.' } }),
    );
    const error = await failure(checkConnection('https://localhost:3000', 'wrong', { fetch: fetchImpl }));
    expect(error.kind).toBe('unauthorized');
    expect(error.details).toMatchObject({
      status: 401,
      code: 'unauthorized',
      serverMessage: 'Geef een geldige API-sleutel mee.',
    });
  });

  test('an unknown round is "notFound"; other errors pass the server message through', async () => {
    const { fetchImpl } = fakeFetch((url) =>
      url.pathname.startsWith('/api/rounds/missing')
        ? json(404, { error: { code: 'roundNotFound', message: 'Deze ronde bestaat niet.' } })
        : json(429, { error: { code: 'tooManyRequests', message: 'Te veel verzoeken.' } }),
    );
    const client = new KoersClient('https://localhost:3000', 'k', { fetch: fetchImpl });
    expect((await failure(client.getResults('missing'))).kind).toBe('notFound');
    const busy = await failure(client.getResults('r1'));
    expect(busy.kind).toBe('server');
    expect(busy.message).toBe('Te veel verzoeken.');
  });

  test('results are parsed with the core schema; a reply of another shape is "invalidResponse"', async () => {
    const fixture = buildFixture();
    const { fetchImpl, calls } = fakeFetch((url) =>
      url.pathname === '/api/rounds/r%2F1/results' ? json(200, fixture.results) : json(200, { roundId: 'r1' }),
    );
    const client = new KoersClient('https://localhost:3000', 'k', { fetch: fetchImpl });
    await expect(client.getResults('r/1')).resolves.toEqual(fixture.results);
    expect(calls[0]!.url).toBe('https://localhost:3000/api/rounds/r%2F1/results');
    expect((await failure(client.getResults('other'))).kind).toBe('invalidResponse');
  });

  test('a round without responses, or with every group below the threshold, is "noResults"', async () => {
    const fixture = buildFixture();
    const zero = { exact: true as const, value: 0 };
    const empty = { ...fixture.results, responses: { total: zero, shown: 0, notShown: zero } };
    const hidden = {
      ...fixture.results,
      groups: fixture.results.groups.map((g) => ({
        id: g.id,
        name: g.name,
        kind: 'group' as const,
        status: 'suppressed' as const,
        reason: { code: 'belowThreshold' },
        responses: { exact: false as const, atLeast: 0, below: 5 },
      })),
    };
    const { fetchImpl } = fakeFetch((url) => json(200, url.pathname.includes('empty') ? empty : hidden));
    const client = new KoersClient('https://localhost:3000', 'k', { fetch: fetchImpl });
    expect((await failure(client.getResults('empty'))).details).toEqual({ reason: 'noResponses' });
    expect((await failure(client.getResults('hidden'))).details).toEqual({ reason: 'allSuppressed', threshold: 5 });
  });

  test('responses are parsed: rows of group, [current, desired] per statement and comment', async () => {
    const fixture = buildFixture();
    const { fetchImpl } = fakeFetch(() => json(200, fixture.responses));
    const client = new KoersClient('https://localhost:3000', 'k', { fetch: fetchImpl });
    const responses = await client.getResponses('r1');
    expect(responses.rows).toHaveLength(fixture.responses.rows.length);
    expect(responses.rows[0]!.answers['int-goals']).toEqual(fixture.responses.rows[0]!.answers['int-goals']);
  });
});
