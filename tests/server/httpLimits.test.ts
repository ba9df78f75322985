/**
 * Rate limits that a single guesser cannot turn against a whole school, per-code limits on the code
 * as the store matches it, API-key guessing throttled, and a request budget per organisation.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { answersBody, startHttpApp, type HttpTestApp } from './httpFixtures';

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
function wrongCode(i: number): string {
  let code = '';
  let n = i * 7919 + 12345;
  for (let k = 0; k < 10; k += 1) {
    code += CODE_ALPHABET[n % CODE_ALPHABET.length];
    n = Math.floor(n / CODE_ALPHABET.length) + k * 13 + i;
  }
  return code;
}

/** One listening server per test, so a thousand requests do not each start their own. */
async function listening(t: HttpTestApp): Promise<{ server: http.Server; close(): Promise<void> }> {
  const server = http.createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  expect((server.address() as AddressInfo).port).toBeGreaterThan(0);
  return { server, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('one guesser behind a school NAT address', () => {
  let t: HttpTestApp;
  afterEach(async () => {
    await t.close();
  });

  test('1,100 wrong codes in a minute: the guesser is refused, colleagues on the same IP get the form and submit', async () => {
    // The production defaults: 1,200 public requests per IP per minute, 30 unknown codes per IP per minute.
    t = await startHttpApp({ ratePerIp: 1200, ratePerCode: 10, failedLookupDelayMs: 5 }, 40);
    const { server, close } = await listening(t);
    try {
      const statuses = new Map<string, number>();
      const GUESSES = 1100;
      for (let start = 0; start < GUESSES; start += 50) {
        const batch = Array.from({ length: Math.min(50, GUESSES - start) }, (_, k) => {
          const i = start + k;
          return i % 2 === 0
            ? request(server).get(`/api/form/${wrongCode(i)}`)
            : request(server)
                .post('/api/responses')
                .send(answersBody(wrongCode(i), i));
        });
        for (const res of await Promise.all(batch)) {
          const key = `${res.status} ${res.body?.error?.code}`;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
        }
      }
      // 40 colleagues on the same address: page, form data, submission.
      for (const [i, code] of t.codes.entries()) {
        const page = await request(server).get(`/r/${code}`);
        expect([code, 'page', page.status]).toEqual([code, 'page', 200]);
        const form = await request(server).get(`/api/form/${code}`);
        expect([code, 'form', form.status]).toEqual([code, 'form', 200]);
        const sent = await request(server).post('/api/responses').send(answersBody(code, i));
        expect([code, 'submit', sent.status]).toEqual([code, 'submit', 201]);
      }

      // The first 30 unknown codes are told so; after that the guesser gets 429s.
      expect(Object.fromEntries(statuses)).toEqual({ '404 unknownCode': 30, '429 tooManyWrongCodes': GUESSES - 30 });

      // A colleague's typo now gets the 429, with a message that says a valid code still works.
      const typo = await request(server).get(`/api/form/${wrongCode(99_999)}`);
      expect(typo.status).toBe(429);
      expect(Number(typo.headers['retry-after'])).toBeGreaterThan(0);
      expect(typo.body.error.message).toMatch(/een geldige code werkt gewoon/);
      const typoEn = await request(server).get(`/api/form/${wrongCode(99_998)}?lang=en`);
      expect(typoEn.body.error.message).toMatch(/a valid code keeps working/);
    } finally {
      await close();
    }
  }, 60_000);

  test('wrong scoring tokens count the same way', async () => {
    t = await startHttpApp({ failedCodesPerIp: 3, failedLookupDelayMs: 0 });
    const wrong = (i: number) => `${'x'.repeat(20)}${i}`;
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push((await request(t.app).get(`/api/scoring/${wrong(i)}`)).status);
    expect(answers).toEqual([404, 404, 404, 429, 429]);
    expect((await request(t.app).get(`/api/scoring/${t.tokens[0]}`)).status).toBe(200);
  });

  test('a refused guess is answered later, so a guesser who waits is slowed down', async () => {
    t = await startHttpApp({ failedCodesPerIp: 1, failedLookupDelayMs: 300 });
    await request(t.app).get(`/api/form/${wrongCode(1)}`);
    const began = Date.now();
    const refused = await request(t.app).get(`/api/form/${wrongCode(2)}`);
    expect(refused.status).toBe(429);
    expect(Date.now() - began).toBeGreaterThanOrEqual(250);
    const beganValid = Date.now();
    expect((await request(t.app).get(`/api/form/${t.codes[0]}`)).status).toBe(200);
    expect(Date.now() - beganValid).toBeLessThan(250);
  });
});

describe('per-code limit on the code as the store matches it', () => {
  let t: HttpTestApp;
  afterEach(async () => {
    await t.close();
  });

  test('dashed, spaced and lower-case spellings of one code share one budget', async () => {
    t = await startHttpApp({ ratePerCode: 3 });
    const code = t.codes[0]!;
    const spellings = [
      code,
      code.toLowerCase(),
      `${code.slice(0, 5)}-${code.slice(5)}`,
      code.split('').join('-'),
      `${code.slice(0, 3)} ${code.slice(3, 6)} ${code.slice(6)}`,
    ];
    const statuses = [];
    for (const [i, spelling] of spellings.entries()) {
      statuses.push((await request(t.app).post('/api/responses').send(answersBody(spelling, i))).status);
    }
    // One submission, two "already used", then the code's budget is spent whatever the spelling.
    expect(statuses).toEqual([201, 409, 409, 429, 429]);
    // Another code is not affected.
    expect((await request(t.app).post('/api/responses').send(answersBody(t.codes[1]!, 9))).status).toBe(201);
  });
});

describe('API-key guessing', () => {
  let t: HttpTestApp;
  afterEach(async () => {
    await t.close();
  });

  test('wrong keys per IP are throttled; the valid key keeps working; no key at all is just a 401', async () => {
    t = await startHttpApp({ failedKeysPerIp: 5 });
    const statuses = [];
    for (let i = 0; i < 8; i += 1) {
      statuses.push((await request(t.app).get('/api/rounds').set('Authorization', `Bearer koers_guess${i}`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const refused = await request(t.app).get('/api/rounds?lang=en').set('Authorization', 'Bearer koers_guess9');
    expect(refused.body.error.code).toBe('tooManyWrongKeys');
    expect(refused.body.error.message).toMatch(/Too many invalid API keys/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await request(t.app).get('/api/rounds').set('Authorization', t.auth)).status).toBe(200);
    expect((await request(t.app).get('/api/rounds')).status).toBe(401);
    // Malformed Authorization headers are wrong keys too.
    expect((await request(t.app).get('/api/rounds').set('Authorization', 'Basic dXNlcjpwYXNz')).status).toBe(429);
  });
});

describe('request rate per organisation', () => {
  let t: HttpTestApp;
  afterEach(async () => {
    await t.close();
  });

  test('an organisation over its budget gets a 429 saying so; another organisation and the public side are not slowed', async () => {
    t = await startHttpApp({ ratePerOrg: 5 });
    // The fixture itself used 3 of the 5 (round, invitations, scoring session).
    const other = await t.adminFor('Ander College');
    const statuses = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await request(t.app).get('/api/rounds').set('Authorization', t.auth)).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    const refused = await request(t.app).get('/api/rounds').set('Authorization', t.auth);
    expect(refused.body.error.code).toBe('tooManyRequestsOrganisation');
    expect(refused.body.error.message).toMatch(/maximaal 5 per minuut/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const en = await request(t.app).get('/api/rounds?lang=en').set('Authorization', t.auth);
    expect(en.body.error.message).toMatch(/Your organisation made too many requests .*at most 5 per minute/);

    expect((await request(t.app).get('/api/rounds').set('Authorization', other.auth)).status).toBe(200);
    expect((await request(t.app).get(`/api/form/${t.codes[0]}`)).status).toBe(200);
  });
});
