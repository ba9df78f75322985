/**
 * Issue 11 on the real app and store: themes, a round's period enforced (before, during, after),
 * PATCH of the end date, participation with coarse counts, invitations with group names, the /r
 * page, Dutch-only surveys edited in place or as a new version, lever links for own surveys, and
 * error messages in one language naming the field and the expected form.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../server/app';
import { openStore } from '../../server/store/index';
import type { KoersStores } from '../../server/store/contract';
import { snapshotDataDir } from './testApp';

let app: Express;
let store: KoersStores;
let dataDir: string;
let distDir: string;
let auth: string;
/** The app's calendar day; tests move it to cross a round's start and end. */
let day = '2026-03-01';

beforeEach(async () => {
  day = '2026-03-01';
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-rounds-'));
  distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-dist-'));
  fs.mkdirSync(path.join(distDir, 'form'));
  fs.writeFileSync(path.join(distDir, 'form', 'code.html'), '<!doctype html><title>code</title><h1>Code</h1>');
  fs.writeFileSync(path.join(distDir, 'form', 'index.html'), '<!doctype html><title>form</title>');
  store = await openStore({ dataDir });
  app = createApp({ store, config: { ratePerIp: 100_000, ratePerCode: 1_000, distDir }, today: () => day });
  const organisation = await store.organisations.findOrCreateOrganisation('Het Baken');
  auth = `Bearer ${await store.organisations.createApiKey(organisation.id)}`;
});

afterEach(async () => {
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(distDir, { recursive: true, force: true });
});

const admin = {
  get: (url: string) => request(app).get(url).set('Authorization', auth),
  post: (url: string, body: object) => request(app).post(url).set('Authorization', auth).send(body),
  patch: (url: string, body: object) => request(app).patch(url).set('Authorization', auth).send(body),
  put: (url: string, body: object) => request(app).put(url).set('Authorization', auth).send(body),
};

async function newRound(body: Record<string, unknown> = {}) {
  const res = await admin.post('/api/rounds', {
    theme: 'startende-leraren',
    name: 'Nulmeting 2026',
    groups: ['directie', 'leraren', 'oop'],
    period: { start: '2026-03-02', end: '2026-03-20' },
    ...body,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; surveyId: string; theme?: string; phase: string };
}

async function invite(roundId: string, group: string, count: number): Promise<string[]> {
  const res = await admin.post(`/api/rounds/${roundId}/invitations`, { group, count });
  expect(res.status).toBe(201);
  return res.body.codes as string[];
}

async function answer(code: string) {
  const form = await request(app).get(`/api/form/${code}`);
  const ids: string[] = form.body.survey.sections.flatMap((s: { statements: { id: string }[] }) =>
    s.statements.map((st) => st.id),
  );
  return request(app)
    .post('/api/responses')
    .send({ code, answers: ids.map((statementId) => ({ statementId, current: 2, desired: 4 })) });
}

describe('themes and a new round', () => {
  test('GET /api/themes lists the five themes; a round on one uses the SHRM instrument that names it', async () => {
    const themes = await admin.get('/api/themes');
    expect(themes.status).toBe(200);
    expect(themes.body.map((t: { id: string }) => t.id)).toEqual([
      'differentiatie',
      'ict-e-didactiek',
      'startende-leraren',
      'masteropgeleide-leraren',
      'bevoegd-aan-de-slag',
    ]);
    const round = await newRound();
    expect(round).toMatchObject({ surveyId: 'shrm-startende-leraren', theme: 'startende-leraren', phase: 'notYet' });
    const [code] = await invite(round.id, 'leraren', 1);
    const form = await request(app).get(`/api/form/${code}`);
    expect(form.body.survey.title.nl).toContain('Begeleiding startende leraren');
    expect(form.body.survey.description.nl).toContain('Begeleiding startende leraren');
    expect(form.body.survey.sections[0].statements[0].text.nl).toContain('het thema ‘Begeleiding startende leraren’');
    expect(form.body.round).toMatchObject({ phase: 'notYet', period: { start: '2026-03-02', end: '2026-03-20' } });
  });

  test('renamed and own groups carry their names to the form, the results and the invitations CSV', async () => {
    const round = await newRound({
      groups: ['leraren', 'concierges'],
      groupNames: { leraren: { nl: 'Docenten' }, concierges: { nl: 'Conciërges', en: 'Caretakers' } },
    });
    const [code] = await invite(round.id, 'concierges', 1);
    day = '2026-03-05';
    const form = await request(app).get(`/api/form/${code}`);
    expect(form.body.group).toEqual({ id: 'concierges', name: { nl: 'Conciërges', en: 'Caretakers' } });
    const csv = await admin.post(`/api/rounds/${round.id}/invitations?format=csv`, { group: 'leraren', count: 2 });
    expect(csv.headers['content-disposition']).toContain('uitnodigingen-Nulmeting-2026-Docenten.csv');
    expect(csv.text.slice(1).split(/\r?\n/)[1]).toMatch(/^Docenten;[A-Z0-9]{10};http/);
    // Results are released at closing (the default).
    expect((await admin.post(`/api/rounds/${round.id}/close`, {})).status).toBe(200);
    const results = await admin.get(`/api/rounds/${round.id}/results`);
    const groups = results.body.groups as Array<{ kind: string; name: { nl: string } }>;
    expect(groups.filter((g) => g.kind === 'group').map((g) => g.name.nl)).toEqual(['Docenten', 'Conciërges']);
  });

  test('bad round input is refused in the caller language, naming the field and the form, and stores nothing', async () => {
    const before = snapshotDataDir(dataDir);
    const cases: Array<[object, 'nl' | 'en', RegExp]> = [
      [
        { period: { start: '2026-3-2', end: '2026-03-20' } },
        'nl',
        /period\.start: verwacht een bestaande datum als JJJJ-MM-DD/,
      ],
      [
        { period: { start: '2026-02-30', end: '2026-03-20' } },
        'en',
        /period\.start: expected an existing date as YYYY-MM-DD/,
      ],
      [
        { period: { start: '2026-03-20', end: '2026-03-02' } },
        'nl',
        /period\.end: de einddatum moet op of na de begindatum/,
      ],
      [
        { period: { start: '2026-01-02', end: '2026-02-01' } },
        'en',
        /period\.end: the end date 2026-02-01 has already passed/,
      ],
      [{ theme: 'sport' }, 'nl', /theme: kies uit differentiatie/],
      [{ surveyId: 'learning-climate' }, 'en', /theme: a theme belongs only to the built-in SHRM instrument/],
      [{ groups: ['leraren', 'koks'] }, 'nl', /groups: de groep "koks" hoort niet bij/],
      [{ groups: ['Leraren'] }, 'en', /groups\.0: use lowercase letters, digits and dashes/],
    ];
    for (const [body, lang, message] of cases) {
      const res = await admin.post(`/api/rounds?lang=${lang}`, {
        theme: 'differentiatie',
        name: 'x',
        groups: ['leraren'],
        period: { start: '2026-03-02', end: '2026-03-20' },
        ...body,
      });
      expect({ status: res.status, message: res.body.error.message }).toEqual({
        status: 400,
        message: expect.stringMatching(message),
      });
      // One language only: no English words in a Dutch message and the other way round.
      if (lang === 'nl') expect(res.body.error.message).not.toMatch(/\b(the|expected|must|use)\b/);
      else expect(res.body.error.message).not.toMatch(/\b(het|de|verwacht|moet|gebruik)\b/);
    }
    const none = await admin.post('/api/rounds?lang=en', { name: 'x', groups: ['leraren'] });
    expect(none.body.error.message).toMatch(/^surveyId: this field is required/);
    expect(snapshotDataDir(dataDir)).toEqual(before);
  });
});

describe('the period is enforced', () => {
  test('before the start the form says when it opens and answers are refused; after the end the round closes', async () => {
    const round = await newRound();
    const codes = await invite(round.id, 'leraren', 3);
    const early = await answer(codes[0]!);
    expect(early.status).toBe(409);
    expect(early.body.error).toEqual({
      code: 'roundNotOpenYet',
      message: 'Deze vragenlijst is nog niet open. U kunt invullen vanaf 2026-03-02.',
    });
    day = '2026-03-02';
    expect((await answer(codes[0]!)).status).toBe(201);
    day = '2026-03-20';
    const lastDay = await request(app).get(`/api/form/${codes[1]}`);
    expect(lastDay.body.round).toMatchObject({ status: 'open', phase: 'open' });
    day = '2026-03-21';
    const late = await request(app)
      .post('/api/responses?lang=en')
      .send({ code: codes[1], answers: [{ statementId: 'int-goals', current: 1, desired: 2 }] });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('roundEnded');
    expect(late.body.error.message).toBe('This round ended on 2026-03-20; no more answers can be added.');
    const stored = await admin.get(`/api/rounds/${round.id}`);
    expect(stored.body).toMatchObject({ status: 'closed', phase: 'closed' });
    const form = await request(app).get(`/api/form/${codes[2]}`);
    expect(form.body.round).toMatchObject({ status: 'closed' });
    const results = await admin.get(`/api/rounds/${round.id}/results`);
    expect(results.body.status).toBe('closed');
  });

  test('a round closes by itself on any admin read after its end, and its end date can no longer change', async () => {
    const round = await newRound();
    day = '2026-03-25';
    const list = await admin.get('/api/rounds');
    expect(list.body[0]).toMatchObject({ id: round.id, status: 'closed' });
    const patch = await admin.patch(`/api/rounds/${round.id}`, { period: { end: '2026-04-30' } });
    expect(patch.status).toBe(409);
    expect(patch.body.error.code).toBe('roundClosedForChange');
  });

  test('PATCH moves an open round end date, and refuses dates before the start or in the past', async () => {
    const round = await newRound();
    day = '2026-03-10';
    const moved = await admin.patch(`/api/rounds/${round.id}`, { period: { end: '2026-04-03' } });
    expect(moved.status).toBe(200);
    expect(moved.body.period).toEqual({ start: '2026-03-02', end: '2026-04-03' });
    const before = await admin.patch(`/api/rounds/${round.id}?lang=en`, { period: { end: '2026-03-01' } });
    expect(before.body.error.message).toMatch(/^period\.end: the end date 2026-03-01 is before the start date/);
    const past = await admin.patch(`/api/rounds/${round.id}`, { period: { end: '2026-03-09' } });
    expect(past.body.error.message).toMatch(/^period\.end: de einddatum 2026-03-09 is al voorbij/);
    const shape = await admin.patch(`/api/rounds/${round.id}`, { period: { end: '3 april' } });
    expect(shape.body.error.message).toMatch(/period\.end: verwacht een bestaande datum als JJJJ-MM-DD/);
    const extra = await admin.patch(`/api/rounds/${round.id}`, { name: 'nieuw' });
    expect(extra.status).toBe(400);
    day = '2026-04-01';
    expect((await admin.get(`/api/rounds/${round.id}`)).body.status).toBe('open');
  });
});

describe('participation', () => {
  test('per group invited, answered and rate; below the threshold "fewer than N"; totals as a range; no results', async () => {
    const round = await newRound({ anonymityThreshold: 3 });
    const leraren = await invite(round.id, 'leraren', 6);
    const oop = await invite(round.id, 'oop', 4);
    day = '2026-03-03';
    for (const code of leraren.slice(0, 4)) expect((await answer(code)).status).toBe(201);
    expect((await answer(oop[0]!)).status).toBe(201);
    const res = await admin.get(`/api/rounds/${round.id}/participation`);
    expect(res.status).toBe(200);
    expect(res.body.groups).toEqual([
      {
        id: 'directie',
        name: { nl: 'Directie', en: 'School management' },
        invited: 0,
        answered: { exact: false, atLeast: 0, below: 3 },
        rate: null,
      },
      {
        id: 'leraren',
        name: { nl: 'Leraren', en: 'Teachers' },
        invited: 6,
        answered: { exact: true, value: 4 },
        rate: 0.667,
      },
      {
        id: 'oop',
        name: { nl: 'Onderwijsondersteunend personeel (OOP)', en: 'Education support staff' },
        invited: 4,
        answered: { exact: false, atLeast: 0, below: 3 },
        rate: null,
      },
    ]);
    // 4 exact + groups below the threshold whose sum is below it too: 4 to 6 (core/coarseCount.ts), never the exact 5.
    expect(res.body.total).toEqual({
      invited: 10,
      answered: { exact: false, atLeast: 4, below: 7 },
      rate: { min: 0.4, max: 0.6 },
    });
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/mean|gap|current|desired|comment|"value":1\b|"value":5\b/);
  });

  test('of another organisation is 404', async () => {
    const round = await newRound();
    const other = await store.organisations.findOrCreateOrganisation('Ander');
    const key = await store.organisations.createApiKey(other.id);
    const res = await request(app).get(`/api/rounds/${round.id}/participation`).set('Authorization', `Bearer ${key}`);
    expect(res.status).toBe(404);
  });
});

describe('/r: the code-entry page for paper cards', () => {
  test('is served without a code, not cached by proxies', async () => {
    const res = await request(app).get('/r');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>Code</h1>');
  });
});

const dutchOnly = {
  title: { nl: 'Werkdruk en ontwikkeling' },
  sections: [
    {
      id: 'werkdruk',
      title: { nl: 'Werkdruk' },
      statements: [
        { id: 'wd-tijd', text: { nl: 'Ik heb genoeg tijd voor mijn lessen.' }, levers: ['taakbeleid-op-maat'] },
        { id: 'wd-steun', text: { nl: 'Ik krijg steun als het druk is.' }, resembles: 'int-leadership' },
        { id: 'wd-los', text: { nl: 'Een stelling zonder koppeling.', en: '' } },
      ],
    },
  ],
  groups: [{ id: 'leraren', name: { nl: 'Leraren' } }],
};

describe('own surveys', () => {
  test('Dutch-only texts are accepted and fall back to Dutch in English', async () => {
    const levers = await admin.get('/api/levers');
    const leverId = levers.body[0].id as string;
    const body = structuredClone(dutchOnly);
    body.sections[0]!.statements[0]!.levers = [leverId];
    const res = await admin.post('/api/surveys', body);
    expect(res.status).toBe(201);
    expect(res.body.title).toEqual({ nl: 'Werkdruk en ontwikkeling', en: 'Werkdruk en ontwikkeling' });
    expect(res.body.sections[0].statements[2].text).toEqual({
      nl: 'Een stelling zonder koppeling.',
      en: 'Een stelling zonder koppeling.',
    });
    expect(res.body.version).toBe(1);
  });

  test('unknown lever links and resemblances are refused, naming the statement', async () => {
    const res = await admin.post('/api/surveys?lang=en', dutchOnly);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^sections\.0\.statements\.0\.levers: the lever "taakbeleid-op-maat" does not exist/,
    );
    const body = structuredClone(dutchOnly);
    delete (body.sections[0]!.statements[0] as { levers?: string[] }).levers;
    body.sections[0]!.statements[1]!.resembles = 'niet-bestaand';
    const bad = await admin.post('/api/surveys', body);
    expect(bad.body.error.message).toMatch(/^sections\.0\.statements\.1\.resembles: "niet-bestaand" is geen stelling/);
  });

  test('editable in place until a round uses it; then an edit becomes a new version and the round keeps its own', async () => {
    const body = structuredClone(dutchOnly);
    delete (body.sections[0]!.statements[0] as { levers?: string[] }).levers;
    const created = (await admin.post('/api/surveys', body)).body;
    const edited = await admin.patch(`/api/surveys/${created.id}`, { title: { nl: 'Werkdruk' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: created.id, version: 1, title: { nl: 'Werkdruk', en: 'Werkdruk' } });

    const round = await newRound({ theme: undefined, surveyId: created.id, groups: ['leraren'] });
    const frozen = await admin.put(`/api/surveys/${created.id}`, { ...body, title: { nl: 'Werkdruk 2' } });
    expect(frozen.status).toBe(201);
    expect(frozen.body).toMatchObject({ version: 2, versionOf: created.id, previousVersionId: created.id });
    expect(frozen.body.id).not.toBe(created.id);
    expect((await admin.get(`/api/surveys/${created.id}`)).body).toMatchObject({
      title: { nl: 'Werkdruk' },
      inUse: true,
    });
    expect((await admin.get(`/api/rounds/${round.id}`)).body.surveyId).toBe(created.id);
    const builtIn = await admin.put('/api/surveys/shrm', body);
    expect(builtIn.status).toBe(403);
  });

  test('suggestions work through links, and without links the API says why and how to fix it', async () => {
    const levers = (await admin.get('/api/levers')).body as Array<{ id: string; keywords?: string[] }>;
    const leader = levers.find((l) => l.keywords?.includes('int-leadership') || l.keywords?.includes('internal'))!;
    const other = levers.find((l) => l.id !== leader.id)!;
    const linked = structuredClone(dutchOnly);
    linked.sections[0]!.statements[0]!.levers = [other.id];
    const survey = (await admin.post('/api/surveys', linked)).body;
    const round = await newRound({ theme: undefined, surveyId: survey.id, groups: ['leraren'], anonymityThreshold: 2 });
    const codes = await invite(round.id, 'leraren', 3);
    day = '2026-03-04';
    for (const code of codes) expect((await answer(code)).status).toBe(201);
    // Suggestions come from released results: at closing by default.
    expect((await admin.post(`/api/rounds/${round.id}/close`, {})).status).toBe(200);
    const suggestions = await admin.get(`/api/rounds/${round.id}/suggestions?limit=50`);
    expect(suggestions.status).toBe(200);
    const ids = suggestions.body.suggestions.map((s: { leverId: string }) => s.leverId);
    expect(ids).toEqual(expect.arrayContaining([other.id, leader.id]));
    expect(suggestions.body.note).toBeUndefined();

    const unlinked = structuredClone(dutchOnly);
    delete (unlinked.sections[0]!.statements[0] as { levers?: string[] }).levers;
    delete (unlinked.sections[0]!.statements[1] as { resembles?: string }).resembles;
    const plain = (await admin.post('/api/surveys', unlinked)).body;
    const round2 = await newRound({ theme: undefined, surveyId: plain.id, groups: ['leraren'] });
    const none = await admin.get(`/api/rounds/${round2.id}/suggestions?lang=en`);
    expect(none.body.suggestions).toEqual([]);
    expect(none.body.note.code).toBe('noLinks');
    expect(none.body.note.message).toMatch(/links no statement to a lever.*levers.*resembles.*Vragenlijst/);
  });
});
