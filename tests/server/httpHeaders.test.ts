/**
 * Client-controlled headers never give a 500: a body that is not what its Content-Encoding says, and
 * Range / If-Match / If-Unmodified-Since on the public pages and static files, keep the 4xx status that
 * body-parser and send put on their errors, with a message in the caller's language. Admin bodies are
 * parsed only after the key is checked.
 */
import request from 'supertest';
import { answersBody, startHttpApp, type HttpTestApp } from './httpFixtures';

let t: HttpTestApp;
beforeAll(async () => {
  t = await startHttpApp();
});
afterAll(async () => {
  await t.close();
});

/** Every POST/PATCH the admin API has, with the round and lever of the fixture. */
function adminWrites(): Array<[method: 'post' | 'patch', path: string]> {
  const round = t.roundId;
  return [
    ['post', '/api/surveys'],
    ['post', '/api/rounds'],
    ['post', `/api/rounds/${round}/close`],
    ['post', `/api/rounds/${round}/invitations`],
    ['post', `/api/rounds/${round}/scoring`],
    ['post', `/api/rounds/${round}/scoring/adviser`],
    ['post', `/api/rounds/${round}/scoring/close`],
    ['post', '/api/levers'],
    ['patch', '/api/levers/intervisie'],
    ['post', '/api/levers/intervisie/retire'],
    ['post', '/api/levers/intervisie/restore'],
  ];
}

const PLAIN_JSON = JSON.stringify({ group: 'leraren', count: 1, name: 'x' });

function expectJsonError(res: request.Response, status: number, code: string): void {
  expect([res.status, res.body?.error?.code]).toEqual([status, code]);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(typeof res.body.error.message).toBe('string');
  expect(res.body.error.message).not.toMatch(/\{\w+\}/);
}

describe('Content-Encoding that does not match the body', () => {
  test.each(['gzip', 'deflate', 'br'])(
    '%s on POST /api/responses is a 400 with a message, nl and en',
    async (encoding) => {
      const body = JSON.stringify(answersBody(t.codes[0]!));
      const nl = await request(t.app)
        .post('/api/responses')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .send(body);
      expectJsonError(nl, 400, 'badEncoding');
      expect(nl.body.error.message).toMatch(/uitgepakt/);
      const en = await request(t.app)
        .post('/api/responses?lang=en')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .send(body);
      expectJsonError(en, 400, 'badEncoding');
      expect(en.body.error.message).toMatch(/decompressed/);
    },
  );

  test.each(['gzip', 'deflate', 'br'])('%s on POST /api/scoring/<token> is a 400', async (encoding) => {
    const res = await request(t.app)
      .post(`/api/scoring/${t.tokens[0]}`)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', encoding)
      .send('{"scores":[]}');
    expectJsonError(res, 400, 'badEncoding');
  });

  test.each(['gzip', 'deflate', 'br'])('%s on every admin write: 401 without a key, 400 with one', async (encoding) => {
    for (const [method, path] of adminWrites()) {
      const keyless = await request(t.app)
        [method](path)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .send(PLAIN_JSON);
      expectJsonError(keyless, 401, 'unauthorized');
      const keyed = await request(t.app)
        [method](path)
        .set('Authorization', t.auth)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .send(PLAIN_JSON);
      expect([path, keyed.status, keyed.body.error?.code]).toEqual([path, 400, 'badEncoding']);
    }
  });

  test('an encoding the server does not know is a 415 that names the header', async () => {
    const res = await request(t.app)
      .post('/api/responses?lang=en')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'compress')
      .send('{}');
    expectJsonError(res, 415, 'unsupportedEncoding');
    expect(res.body.error.message).toMatch(/Content-Encoding/);
  });
});

describe('the key is checked before the body is read', () => {
  test('a keyless admin POST with broken JSON is a 401, not a 400', async () => {
    for (const [method, path] of adminWrites()) {
      const res = await request(t.app)[method](path).set('Content-Type', 'application/json').send('{"broken":');
      expect([path, res.status, res.body.error?.code]).toEqual([path, 401, 'unauthorized']);
    }
  });

  test('a keyless admin POST over the body limit is a 401, not a 413', async () => {
    const res = await request(t.app)
      .post('/api/rounds')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(2_000_000) }));
    expectJsonError(res, 401, 'unauthorized');
  });

  test('with a valid key the same broken JSON is a 400', async () => {
    const res = await request(t.app)
      .post('/api/rounds')
      .set('Authorization', t.auth)
      .set('Content-Type', 'application/json')
      .send('{"broken":');
    expectJsonError(res, 400, 'invalidJson');
  });
});

describe('Range and preconditions on the public pages and static files', () => {
  const pages = (): string[] => [`/r/${t.codes[1]}`, `/s/${t.tokens[1]}`, '/assets/app.js'];

  test('Range: bytes=999999- is a 416 with a message, not a 500', async () => {
    for (const page of pages()) {
      const res = await request(t.app).get(page).set('Range', 'bytes=999999-');
      expect([page, res.status]).toEqual([page, 416]);
      expectJsonError(res, 416, 'rangeNotSatisfiable');
      expect(res.headers['content-range']).toMatch(/^bytes \*\/\d+$/);
    }
    const en = await request(t.app).get('/assets/app.js?lang=en').set('Range', 'bytes=999999-');
    expect(en.body.error.message).toMatch(/outside the file/);
  });

  test('If-Match that does not match is a 412 with a message', async () => {
    for (const page of pages()) {
      const res = await request(t.app).get(page).set('If-Match', '"not-this-one"');
      expect([page, res.status]).toEqual([page, 412]);
      expectJsonError(res, 412, 'preconditionFailed');
    }
  });

  test('If-Unmodified-Since before the file changed is a 412 with a message', async () => {
    for (const page of pages()) {
      const res = await request(t.app).get(page).set('If-Unmodified-Since', 'Mon, 01 Jan 2001 00:00:00 GMT');
      expect([page, res.status]).toEqual([page, 412]);
      expectJsonError(res, 412, 'preconditionFailed');
    }
  });

  test('garbage in those headers is ignored and a valid range still works', async () => {
    for (const page of pages()) {
      for (const [name, value] of [
        ['Range', 'bytes=abc'],
        ['Range', 'pages=1-2'],
        ['If-Unmodified-Since', 'not a date'],
      ] as const) {
        const res = await request(t.app).get(page).set(name, value);
        expect([page, name, value, res.status]).toEqual([page, name, value, 200]);
      }
    }
    const part = await request(t.app).get('/assets/app.js').set('Range', 'bytes=0-6');
    expect(part.status).toBe(206);
    expect(part.text).toBe('console');
  });

  test('a missing static file is still the JSON 404, and other methods do not reach the files', async () => {
    expectJsonError(await request(t.app).get('/assets/missing.js'), 404, 'notFound');
    expectJsonError(await request(t.app).post('/assets/app.js').send('x'), 404, 'notFound');
  });

  test('none of this wrote a stack trace, a code or a token to the log', () => {
    const log = t.logLines.join('\n');
    expect(log).not.toMatch(/^\s+at /m);
    for (const secret of [...t.codes, ...t.tokens, t.auth.slice('Bearer '.length)]) expect(log).not.toContain(secret);
  });
});
