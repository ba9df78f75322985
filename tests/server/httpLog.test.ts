/**
 * The log: no invitation code, scoring token, API key or answer in any line; no stack trace for a
 * client's mistake; a flood of identical errors costs a few lines.
 */
import http from 'node:http';
import request from 'supertest';
import { ErrorLog, redactPath, redactText } from '../../server/http/log';
import { answersBody, startHttpApp, type HttpTestApp } from './httpFixtures';

describe('redaction', () => {
  test('codes and tokens in public paths, query strings and code-like segments are cut out', () => {
    expect(redactPath('/r/ABCDEFGHJK')).toBe('/r/…');
    expect(redactPath('/r/ABCDEFGHJK/')).toBe('/r/…/');
    expect(redactPath('/s/lVqwMfjinuDN_krbtFVnw-50')).toBe('/s/…');
    expect(redactPath('/api/form/abcd-efgh-jk?lang=en')).toBe('/api/form/…');
    expect(redactPath('/api/scoring/lVqwMfjinuDN_krbtFVnw-50')).toBe('/api/scoring/…');
    expect(redactPath('/api/rounds/round-abcdefghij012345/results?key=koers_x')).toBe(
      '/api/rounds/round-abcdefghij012345/results',
    );
    // A code typed in the wrong place, in any spelling, and things that look like keys or tokens.
    expect(redactPath('/ABCDEFGHJK')).toBe('/…');
    expect(redactPath('/api/x/abcde-fghjk')).toBe('/api/x/…');
    expect(redactPath('/api/koers_AAAAAAAAAAAAAAAAAAAA')).toBe('/api/…');
    expect(redactPath('/api/rounds/Zx9_QpLmNoPqRsTu')).toBe('/api/rounds/…');
    // What names code, not people, stays readable.
    expect(redactPath('/addin/taskpane.html')).toBe('/addin/taskpane.html');
    expect(redactPath('/api/rounds/round-abcdefghij012345/invitations')).toBe(
      '/api/rounds/round-abcdefghij012345/invitations',
    );
  });

  test('free text loses keys, bearer headers, codes and long tokens', () => {
    const text =
      'failed for ABCDEFGHJK and abcde-fghjk with Bearer koers_secretkeysecretkey on /r/XYZXYZXYZX and token lVqwMfjinuDN_krbtFVnw-50 in round-abcdefghij012345';
    const redacted = redactText(text);
    for (const secret of ['ABCDEFGHJK', 'abcde-fghjk', 'koers_', 'secretkey', 'XYZXYZXYZX', 'lVqwMfjinuDN']) {
      expect(redacted).not.toContain(secret);
    }
    expect(redacted).toContain('round-abcdefghij012345');
    expect(redacted).toContain('failed for');
  });
});

describe('ErrorLog', () => {
  test('client errors are only counted: one summary line per interval', () => {
    const lines: string[] = [];
    const log = new ErrorLog({ write: (line) => lines.push(line), intervalMs: 60_000 });
    for (let i = 0; i < 2000; i += 1) log.clientError(i % 3 === 0 ? '415 unsupportedEncoding' : '400 badEncoding');
    expect(lines).toEqual([]);
    log.close();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Client errors in the last \d+ s: 400 badEncoding ×1333, 415 unsupportedEncoding ×667$/);
  });

  test('an unexpected error is written once per kind per interval, with stack frames, and then counted', () => {
    const lines: string[] = [];
    const log = new ErrorLog({ write: (line) => lines.push(line), intervalMs: 60_000 });
    const error = new Error('write failed for code ABCDEFGHJK');
    for (let i = 0; i < 500; i += 1) log.unexpected('500 internal', 'POST', '/api/responses', error);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Unexpected error 500 internal: POST \/api\/responses: Error: write failed for code …\n\s+at /,
    );
    log.close();
    expect(lines[1]).toMatch(/^Unexpected error 500 internal: 499 more of this kind in the last \d+ s$/);
  });

  test('a new interval writes the kind again', () => {
    const lines: string[] = [];
    const log = new ErrorLog({ write: (line) => lines.push(line), intervalMs: 1 });
    log.unexpected('500 internal', 'GET', '/x', new Error('a'));
    const until = Date.now() + 5;
    while (Date.now() < until) {
      /* wait out the interval */
    }
    log.unexpected('500 internal', 'GET', '/x', new Error('b'));
    log.close();
    expect(lines.filter((line) => line.startsWith('Unexpected error 500 internal: GET'))).toHaveLength(2);
  });
});

describe('the app', () => {
  let t: HttpTestApp;
  beforeEach(async () => {
    t = await startHttpApp({ failedLookupDelayMs: 0 }, 10);
  });
  afterEach(async () => {
    await t.close();
  });

  test('2,000 keyless hostile requests: a bounded few log lines, no code, token, key or answer in them', async () => {
    const code = t.codes[0]!;
    const token = t.tokens[0]!;
    const body = JSON.stringify(answersBody(code, 7));
    const server = http.createServer(t.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const hostile = (i: number): request.Test => {
      switch (i % 8) {
        case 0:
          return request(server)
            .post('/api/responses')
            .set('Content-Type', 'application/json')
            .set('Content-Encoding', ['gzip', 'deflate', 'br'][i % 3]!)
            .send(body);
        case 1:
          return request(server)
            .post('/api/rounds')
            .set('Content-Type', 'application/json')
            .set('Content-Encoding', 'gzip')
            .send(body);
        case 2:
          return request(server).get(`/r/${code}`).set('Range', 'bytes=999999-');
        case 3:
          return request(server).get(`/s/${token}`).set('If-Match', '"x"');
        case 4:
          return request(server).get(`/r/${code}`).set('If-Unmodified-Since', 'Mon, 01 Jan 2001 00:00:00 GMT');
        case 5:
          return request(server).get(`/api/scoring/${token}`).set('Range', 'bytes=999999-').set('If-Match', '"x"');
        case 6:
          return request(server)
            .post(`/api/scoring/${token}`)
            .set('Content-Type', 'application/json')
            .set('Content-Encoding', 'deflate')
            .send('{"scores":[{"leverId":"intervisie","impact":5,"feasibility":1}]}');
        default:
          return request(server).get(`/api/form/${code}x`).set('Authorization', 'Bearer koers_notakeynotakey');
      }
    };
    const statuses = new Map<number, number>();
    for (let start = 0; start < 2000; start += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, (_, k) => hostile(start + k)));
      for (const res of batch) statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
    (t.app.locals.errorLog as ErrorLog).close();
    expect(t.logLines.length).toBeLessThanOrEqual(3);
    const log = t.logLines.join('\n');
    expect(log).not.toMatch(/^\s+at /m);
    for (const secret of [...t.codes, ...t.tokens, 'koers_notakey', 'opmerking 7', t.auth.slice(7)]) {
      expect(log).not.toContain(secret);
    }
  }, 60_000);

  test('an unexpected error: one line with its stack, no code in it, and a count for the rest', async () => {
    const code = t.codes[1]!;
    const rounds = t.store.rounds as unknown as { lookupCode: (c: string) => Promise<unknown> };
    rounds.lookupCode = (c: string) => Promise.reject(new Error(`index broken while looking up ${c}`));
    for (let i = 0; i < 200; i += 1) {
      const res = await request(t.app).get(`/api/form/${code}`);
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe('internal');
    }
    (t.app.locals.errorLog as ErrorLog).close();
    const unexpected = t.logLines.filter((line) => line.startsWith('Unexpected error'));
    expect(unexpected).toHaveLength(2);
    expect(unexpected[0]).toMatch(
      /^Unexpected error 500 internal: GET \/api\/form\/…: Error: index broken while looking up …\n\s+at /,
    );
    expect(unexpected[1]).toMatch(/199 more of this kind/);
    expect(t.logLines.join('\n')).not.toContain(code);
  });
});
