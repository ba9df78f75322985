/**
 * Invitation and scoring links come from KOERS_PUBLIC_URL or the configured host and port, never
 * from the request's Host header: `Host: phish.example` must not end up in a link a school mails out.
 */
import os from 'node:os';
import request from 'supertest';
import { createApp } from '../../server/app';
import { defaultConfig } from '../../server/config';
import { linkBaseFrom } from '../../server/http/links';
import { listen } from '../../server/listen';
import { startTestApp, type TestApp } from './testApp';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function roundOf(app: TestApp, auth: string): Promise<string> {
  const res = await request(app.app)
    .post('/api/rounds')
    .set('Authorization', auth)
    .send({ surveyId: 'shrm', name: 'Nulmeting', groups: ['leraren'] });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function linksWithHost(
  app: TestApp,
  host: string,
): Promise<{ invitations: string[]; csv: string; scoring: string[] }> {
  const { auth } = await app.adminFor('Het Baken');
  const roundId = await roundOf(app, auth);
  const invited = await request(app.app)
    .post(`/api/rounds/${roundId}/invitations`)
    .set('Authorization', auth)
    .set('Host', host)
    .set('X-Forwarded-Host', host)
    .send({ group: 'leraren', count: 2 });
  expect(invited.status).toBe(201);
  const csv = await request(app.app)
    .post(`/api/rounds/${roundId}/invitations?format=csv`)
    .set('Authorization', auth)
    .set('Host', host)
    .send({ group: 'leraren', count: 2 });
  expect(csv.status).toBe(201);
  const scoring = await request(app.app)
    .post(`/api/rounds/${roundId}/scoring`)
    .set('Authorization', auth)
    .set('Host', host)
    .send({ leverIds: ['intervisie'], raters: 2 });
  expect(scoring.status).toBe(201);
  return { invitations: invited.body.links, csv: csv.text, scoring: scoring.body.links };
}

test('without KOERS_PUBLIC_URL links use the configured host and port, whatever Host says', async () => {
  t = await startTestApp({ host: 'koers.intern', port: 8443 });
  const { invitations, csv, scoring } = await linksWithHost(t, 'phish.example');
  for (const link of invitations) expect(link).toMatch(/^http:\/\/koers\.intern:8443\/r\/[A-Z0-9]{10}$/);
  for (const link of scoring) expect(link).toMatch(/^http:\/\/koers\.intern:8443\/s\/[A-Za-z0-9_-]{24}$/);
  expect(csv).toContain('http://koers.intern:8443/r/');
  expect([...invitations, ...scoring, csv].join('\n')).not.toContain('phish');
});

test('with KOERS_PUBLIC_URL every link starts with it (a trailing slash is not doubled)', async () => {
  t = await startTestApp({ publicUrl: 'https://enquete.school.nl/' });
  const { invitations, csv, scoring } = await linksWithHost(t, 'phish.example');
  for (const link of invitations) expect(link).toMatch(/^https:\/\/enquete\.school\.nl\/r\/[A-Z0-9]{10}$/);
  for (const link of scoring) expect(link).toMatch(/^https:\/\/enquete\.school\.nl\/s\/[A-Za-z0-9_-]{24}$/);
  expect(csv).not.toContain('phish');
});

test('a listening server puts its real protocol and port (PORT=0) into links', async () => {
  t = await startTestApp();
  const config = defaultConfig({ host: '127.0.0.1', port: 0, https: 'off' });
  const app = createApp({ store: t.store, config });
  const { server, url } = await listen(app, config);
  try {
    const { auth } = await t.adminFor('Luisterend College');
    const roundId = await roundOf({ ...t, app }, auth);
    const res = await request(server)
      .post(`/api/rounds/${roundId}/invitations`)
      .set('Authorization', auth)
      .set('Host', 'phish.example:80')
      .send({ group: 'leraren', count: 1 });
    expect(res.status).toBe(201);
    expect(res.body.links[0]).toBe(`${url}/r/${res.body.codes[0]}`);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('a wildcard listen address names the machine; IPv6 literals get brackets', () => {
  expect(linkBaseFrom({ host: '0.0.0.0', port: 3000 })).toBe(`http://${os.hostname()}:3000`);
  expect(linkBaseFrom({ host: '::1', port: 3000, protocol: 'https' })).toBe('https://[::1]:3000');
  expect(linkBaseFrom({ host: 'x', port: 1, publicUrl: 'https://a.example/koers//' })).toBe('https://a.example/koers');
});
