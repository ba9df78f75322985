import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { LEVER_LIBRARY } from '../../core/levers/library';
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

const ownLever = {
  title: { nl: 'Collega’s leren van collega’s', en: 'Colleagues learn from colleagues' },
  description: {
    nl: 'Elke sectie organiseert twee keer per jaar een middag waarop leraren elkaars lessen bespreken.',
    en: 'Twice a year each department holds an afternoon where teachers discuss each other’s lessons.',
  },
  cluster: 'samenwerken',
  themes: ['startende-leraren'],
  amo: ['ability', 'motivation'],
  keywords: ['ext-partners', 'deep-guidance'],
};

async function createLever(body: object = ownLever, key = auth) {
  return request(t.app).post('/api/levers').set('Authorization', key).send(body);
}

describe('the lever library', () => {
  test('lists every built-in lever, not retired, and filters by theme', async () => {
    const all = await request(t.app).get('/api/levers').set('Authorization', auth);
    expect(all.status).toBe(200);
    expect(all.body.map((l: { id: string }) => l.id)).toEqual(LEVER_LIBRARY.map((l) => l.id));
    expect(all.body.every((l: { builtIn: boolean; retired: boolean }) => l.builtIn && !l.retired)).toBe(true);

    const starters = await request(t.app).get('/api/levers?theme=startende-leraren').set('Authorization', auth);
    expect(starters.status).toBe(200);
    const expected = LEVER_LIBRARY.filter((l) => l.themes.includes('startende-leraren')).map((l) => l.id);
    expect(expected.length).toBeGreaterThan(3);
    expect(expected.length).toBeLessThan(LEVER_LIBRARY.length);
    expect(starters.body.map((l: { id: string }) => l.id)).toEqual(expected);

    const wrongTheme = await request(t.app).get('/api/levers?theme=voetbal&lang=en').set('Authorization', auth);
    expect(wrongTheme.status).toBe(400);
    expect(wrongTheme.body.error.message).toMatch(/theme: choose from differentiatie/);
  });

  test('needs an API key', async () => {
    const res = await request(t.app).get('/api/levers');
    expect(res.status).toBe(401);
  });
});

describe('own levers', () => {
  test('are created with a slug id from the Dutch title, unique within the organisation', async () => {
    const first = await createLever();
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: 'collegas-leren-van-collegas',
      ...ownLever,
      builtIn: false,
      organisationId: expect.any(String),
      retired: false,
    });
    expect(first.headers.location).toBe('/api/levers/collegas-leren-van-collegas');

    const second = await createLever();
    expect(second.body.id).toBe('collegas-leren-van-collegas-2');
    // A title that slugs to a built-in id gets a number too: built-in ids stay unambiguous.
    const clash = await createLever({ ...ownLever, title: { nl: 'Intervisie', en: 'Peer review' } });
    expect(LEVER_LIBRARY.some((l) => l.id === 'intervisie')).toBe(true);
    expect(clash.body.id).toBe('intervisie-2');

    const list = await request(t.app).get('/api/levers').set('Authorization', auth);
    expect(list.body.slice(-3).map((l: { id: string }) => l.id)).toEqual([
      'collegas-leren-van-collegas',
      'collegas-leren-van-collegas-2',
      'intervisie-2',
    ]);
    const one = await request(t.app).get('/api/levers/collegas-leren-van-collegas').set('Authorization', auth);
    expect(one.body.title).toEqual(ownLever.title);
  });

  test('invalid input is refused in the caller language and nothing is stored', async () => {
    const before = snapshotDataDir(t.dataDir);
    const cases: Array<[object, string, RegExp]> = [
      [{ ...ownLever, themes: [] }, 'nl', /themes: te klein/],
      [{ ...ownLever, amo: ['ability', 'ability'] }, 'en', /amo: list each AMO factor once/],
      [{ ...ownLever, cluster: 'sport' }, 'en', /cluster: choose from werving-selectie/],
      [{ ...ownLever, title: { nl: 'Alleen Nederlands' } }, 'en', /title\.en: this field is required/],
      [{ ...ownLever, id: 'zelf-gekozen' }, 'nl', /onbekend veld "id"/],
      [{ ...ownLever, builtIn: true }, 'en', /unknown field "builtIn"/],
    ];
    for (const [body, lang, message] of cases) {
      const res = await request(t.app).post(`/api/levers?lang=${lang}`).set('Authorization', auth).send(body);
      expect({ status: res.status, code: res.body.error?.code, message: res.body.error?.message }).toEqual({
        status: 400,
        code: 'badRequest',
        message: expect.stringMatching(message),
      });
    }
    expect(snapshotDataDir(t.dataDir)).toEqual(before);
  });

  test('are changed with PATCH, field by field', async () => {
    const { id } = (await createLever()).body;
    const res = await request(t.app)
      .patch(`/api/levers/${id}`)
      .set('Authorization', auth)
      .send({
        title: { nl: 'Lessen bij elkaar bespreken', en: 'Discuss each other’s lessons' },
        themes: ['startende-leraren', 'differentiatie'],
      });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id,
      title: { nl: 'Lessen bij elkaar bespreken' },
      themes: ['startende-leraren', 'differentiatie'],
      cluster: 'samenwerken',
    });
    // The id stays: scores and sheets refer to it.
    expect((await request(t.app).get(`/api/levers/${id}`).set('Authorization', auth)).body.title.nl).toBe(
      'Lessen bij elkaar bespreken',
    );

    const empty = await request(t.app).patch(`/api/levers/${id}?lang=en`).set('Authorization', auth).send({});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/send at least one field to change/);
    const foreign = await request(t.app)
      .patch(`/api/levers/${id}`)
      .set('Authorization', auth)
      .send({ organisationId: 'org-x' });
    expect(foreign.status).toBe(400);
    const missing = await request(t.app)
      .patch('/api/levers/bestaat-niet')
      .set('Authorization', auth)
      .send({ retired: true });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('leverNotFound');
  });

  test('are retired and restored, and a retired lever keeps its data', async () => {
    const { id } = (await createLever()).body;
    const retired = await request(t.app).post(`/api/levers/${id}/retire`).set('Authorization', auth);
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ id, retired: true, title: ownLever.title });
    const listed = (await request(t.app).get('/api/levers').set('Authorization', auth)).body.find(
      (l: { id: string }) => l.id === id,
    );
    expect(listed.retired).toBe(true);
    const restored = await request(t.app).post(`/api/levers/${id}/restore`).set('Authorization', auth);
    expect(restored.body.retired).toBe(false);
    const viaPatch = await request(t.app).patch(`/api/levers/${id}`).set('Authorization', auth).send({ retired: true });
    expect(viaPatch.body.retired).toBe(true);
  });
});

describe('built-in levers', () => {
  test('are read-only: PATCH answers 403 with a message that says what to do instead', async () => {
    const before = snapshotDataDir(t.dataDir);
    const nl = await request(t.app)
      .patch('/api/levers/intervisie')
      .set('Authorization', auth)
      .send({ title: { nl: 'Anders', en: 'Other' } });
    expect(nl.status).toBe(403);
    expect(nl.body.error.code).toBe('builtInLeverReadOnly');
    expect(nl.body.error.message).toMatch(/ingebouwde bibliotheek.*POST \/api\/levers\/intervisie\/retire/);
    const en = await request(t.app)
      .patch('/api/levers/intervisie')
      .set('Authorization', auth)
      .set('Accept-Language', 'en')
      .send({ retired: true });
    expect(en.status).toBe(403);
    expect(en.body.error.message).toMatch(/built-in library and cannot be changed/);
    expect(snapshotDataDir(t.dataDir)).toEqual(before);
    expect(LEVER_LIBRARY.find((l) => l.id === 'intervisie')!.title.nl).not.toBe('Anders');
  });

  test('are retired for the retiring organisation only; the shared library is untouched', async () => {
    const other = (await t.adminFor('Ander Lyceum')).auth;
    const retired = await request(t.app).post('/api/levers/intervisie/retire').set('Authorization', auth);
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ id: 'intervisie', builtIn: true, retired: true });
    // Retiring twice is fine and changes nothing.
    expect((await request(t.app).post('/api/levers/intervisie/retire').set('Authorization', auth)).body.retired).toBe(
      true,
    );

    const mine = (await request(t.app).get('/api/levers').set('Authorization', auth)).body;
    const theirs = (await request(t.app).get('/api/levers').set('Authorization', other)).body;
    const flag = (list: Array<{ id: string; retired: boolean }>) => list.find((l) => l.id === 'intervisie')!.retired;
    expect(flag(mine)).toBe(true);
    expect(flag(theirs)).toBe(false);
    expect(LEVER_LIBRARY.find((l) => l.id === 'intervisie')!.retired).toBe(false);

    const restored = await request(t.app).post('/api/levers/intervisie/restore').set('Authorization', auth);
    expect(restored.body.retired).toBe(false);
    expect(flag((await request(t.app).get('/api/levers').set('Authorization', auth)).body)).toBe(false);
  });
});

describe('isolation between organisations', () => {
  test("another organisation's lever is 404 for every route and never listed", async () => {
    const other = (await t.adminFor('Ander Lyceum')).auth;
    const { id } = (await createLever(ownLever, other)).body;
    const before = snapshotDataDir(t.dataDir);
    for (const [method, url] of [
      ['get', `/api/levers/${id}`],
      ['patch', `/api/levers/${id}`],
      ['post', `/api/levers/${id}/retire`],
      ['post', `/api/levers/${id}/restore`],
    ] as const) {
      const res = await request(t.app)[method](url).set('Authorization', auth).send({ retired: true });
      expect({ url, status: res.status, code: res.body.error?.code }).toEqual({
        url,
        status: 404,
        code: 'leverNotFound',
      });
    }
    expect(snapshotDataDir(t.dataDir)).toEqual(before);
    const mine = (await request(t.app).get('/api/levers').set('Authorization', auth)).body;
    expect(mine.some((l: { id: string }) => l.id === id)).toBe(false);
    // Ids are per organisation: the same title gives this school the same readable id.
    expect((await createLever()).body.id).toBe(id);
    expect((await request(t.app).get(`/api/levers/${id}`).set('Authorization', other)).body.retired).toBe(false);
  });
});

describe('storage', () => {
  test('levers and retired flags survive a restart, and a data file from before levers still loads', async () => {
    const { id } = (await createLever()).body;
    await request(t.app).post('/api/levers/intervisie/retire').set('Authorization', auth).expect(200);
    const organisationId = (await t.store.organisations.organisationForKey(auth.slice('Bearer '.length)))!.id;
    await t.store.close();

    const reopened = await openStore({ dataDir: t.dataDir });
    const levers = await reopened.levers.listLevers(organisationId);
    expect(levers.find((l) => l.id === id)).toMatchObject({ title: ownLever.title, builtIn: false, retired: false });
    expect(levers.find((l) => l.id === 'intervisie')!.retired).toBe(true);
    await reopened.close();

    // An older koers.json has none of the lever or scoring fields.
    const file = path.join(t.dataDir, META_FILE);
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    delete data.levers;
    delete data.retiredBuiltInLevers;
    delete data.scoringSessions;
    fs.writeFileSync(file, JSON.stringify(data));
    const old = await openStore({ dataDir: t.dataDir });
    expect(await old.levers.listLevers(organisationId)).toHaveLength(LEVER_LIBRARY.length);
    expect(
      (
        await old.levers.createLever(organisationId, {
          ...ownLever,
          cluster: 'samenwerken',
          themes: ['differentiatie'],
          amo: ['ability'],
        })
      ).id,
    ).toBe(id);
    await old.close();
  });
});

describe('suggestions for a round', () => {
  async function roundWithGaps(): Promise<string> {
    const round = await request(t.app)
      .post('/api/rounds')
      .set('Authorization', auth)
      .send({ surveyId: 'shrm', name: 'Nulmeting', groups: ['leraren'] });
    expect(round.status).toBe(201);
    const survey = await request(t.app).get('/api/surveys/shrm').set('Authorization', auth);
    const ids: string[] = survey.body.sections.flatMap((s: { statements: { id: string }[] }) =>
      s.statements.map((st) => st.id),
    );
    // No gap anywhere except two statements: ext-partners (1 → 4, gap 3) and deep-guidance (2 → 4, gap 2).
    const answers = ids.map((statementId) =>
      statementId === 'ext-partners'
        ? { statementId, current: 1, desired: 4 }
        : statementId === 'deep-guidance'
          ? { statementId, current: 2, desired: 4 }
          : { statementId, current: 3, desired: 3 },
    );
    const invitations = await request(t.app)
      .post(`/api/rounds/${round.body.id}/invitations`)
      .set('Authorization', auth)
      .send({ group: 'leraren', count: 5 });
    for (const code of invitations.body.codes as string[]) {
      await request(t.app).post('/api/responses').send({ code, answers }).expect(201);
    }
    // Suggestions come from released results: at closing.
    const early = await request(t.app).get(`/api/rounds/${round.body.id}/suggestions`).set('Authorization', auth);
    expect(early.status).toBe(409);
    await request(t.app).post(`/api/rounds/${round.body.id}/close`).set('Authorization', auth).expect(200);
    return round.body.id;
  }

  test('ranks active levers by the gaps behind them, with reasons and the lever data', async () => {
    const roundId = await roundWithGaps();
    // Own lever: gap 3 plus a quarter of gap 2 = 3.5, one theme so no bonus: it leads.
    const own = (await createLever()).body;
    // Retired levers are never suggested.
    await request(t.app)
      .post('/api/levers/regionale-wervingssamenwerking/retire')
      .set('Authorization', auth)
      .expect(200);

    const res = await request(t.app).get(`/api/rounds/${roundId}/suggestions`).set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body.roundId).toBe(roundId);
    const ranked = res.body.suggestions.map((s: { leverId: string; score: number }) => [s.leverId, s.score]);
    // Worked out by hand from the library: largest gap + 0.25 × other gaps + 0.1 per extra theme; ties by id.
    expect(ranked).toEqual([
      [own.id, 3.5],
      ['kweekvijver-stages', 3.2], // ext-partners 3, three themes
      ['opleidingsschool', 3.2], // ext-partners 3, three themes
      ['afspraken-opleidingen', 3.1], // ext-partners 3, two themes
      ['coaching-in-de-klas', 2.2], // deep-guidance 2, three themes
      ['mentor-met-tijd', 2.2],
      ['ontwikkelroute-op-maat', 2.2],
      ['inwerkprogramma', 2.1], // deep-guidance 2, two themes
    ]);
    const top = res.body.suggestions[0];
    expect(top.lever).toMatchObject({ id: own.id, title: ownLever.title, builtIn: false });
    expect(top.reasons[0].nl).toMatch(/^Gat van 3,0 bij stelling “.+” \(actie nodig\)$/);
    expect(top.reasons[0].en).toMatch(/^Gap of 3\.0 in statement “.+” \(action needed\)$/);
    expect(top.reasons[1].nl).toMatch(/^Gat van 2,0 bij stelling/);
    const second = res.body.suggestions[1];
    expect(second.lever.cluster).toBe('werving-selectie');
    expect(second.reasons.at(-1).nl).toMatch(/^Werkt aan 3 thema’s: /);

    const limited = await request(t.app).get(`/api/rounds/${roundId}/suggestions?limit=2`).set('Authorization', auth);
    expect(limited.body.suggestions.map((s: { leverId: string }) => s.leverId)).toEqual([own.id, 'kweekvijver-stages']);
    const masters = await request(t.app)
      .get(`/api/rounds/${roundId}/suggestions?theme=masteropgeleide-leraren`)
      .set('Authorization', auth);
    expect(masters.body.theme).toBe('masteropgeleide-leraren');
    expect(masters.body.suggestions.map((s: { leverId: string }) => s.leverId)).toEqual([
      'kweekvijver-stages',
      'opleidingsschool',
      'afspraken-opleidingen',
      'mentor-met-tijd',
      'ontwikkelroute-op-maat',
      'inwerkprogramma',
    ]);

    const badLimit = await request(t.app).get(`/api/rounds/${roundId}/suggestions?limit=0`).set('Authorization', auth);
    expect(badLimit.status).toBe(400);
    const other = (await t.adminFor('Ander Lyceum')).auth;
    const foreign = await request(t.app).get(`/api/rounds/${roundId}/suggestions`).set('Authorization', other);
    expect(foreign.status).toBe(404);
  });

  test('a round without published gaps gives no suggestions', async () => {
    const round = await request(t.app)
      .post('/api/rounds')
      .set('Authorization', auth)
      .send({ surveyId: 'shrm', name: 'Leeg', groups: ['leraren'] });
    await request(t.app).post(`/api/rounds/${round.body.id}/close`).set('Authorization', auth).expect(200);
    const res = await request(t.app).get(`/api/rounds/${round.body.id}/suggestions`).set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body.suggestions).toEqual([]);
  });
});
