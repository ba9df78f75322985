/**
 * A full disk answers 503 with a message, not 500 (issue 8, item 9). The disk is really full for the
 * file concerned: it is a link to /dev/full, where every write fails with ENOSPC.
 */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../server/app';
import { openStore, type FileStore } from '../../server/store/index';
import { removeDir, tempDataDir } from './support/fixture';

const haveDevFull = fs.existsSync('/dev/full');
const maybe = haveDevFull ? test : test.skip;
if (!haveDevFull) console.log('diskFull: /dev/full is missing on this system; skipped');

let dataDir: string;
let store: FileStore;
afterEach(async () => {
  await store?.close();
  removeDir(dataDir);
});

async function setUp() {
  dataDir = tempDataDir('full');
  store = await openStore({ dataDir });
  const organisation = await store.organisations.findOrCreateOrganisation('Volle Schijf College');
  const key = await store.organisations.createApiKey(organisation.id);
  const round = await store.rounds.createRound(organisation.id, {
    surveyId: 'shrm',
    name: 'R',
    groups: ['leraren'],
    anonymityThreshold: 2,
    actionGap: 1,
  });
  const codes = await store.rounds.createInvitations(organisation.id, round.id, 'leraren', 3);
  const survey = (await store.surveys.getSurvey(organisation.id, 'shrm'))!;
  const statementId = survey.sections[0]!.statements[0]!.id;
  const app = createApp({ store, config: { ratePerIp: 100_000, ratePerCode: 1_000 }, today: () => '2026-11-24' });
  return { app, auth: `Bearer ${key}`, round, codes, statementId };
}

maybe('a submission on a full disk gets 503 and a message, and nothing is stored', async () => {
  const { app, round, codes, statementId } = await setUp();
  fs.symlinkSync('/dev/full', path.join(dataDir, 'responses', `${round.id}.jsonl`));
  const answers = [{ statementId, current: 2, desired: 4 }];
  for (const code of codes.slice(0, 2)) {
    const res = await request(app).post('/api/responses').send({ code, answers }).expect(503);
    expect(res.body.error.code).toBe('storageFull');
    expect(res.body.error.message).toMatch(/schijf is vol/);
  }
  const en = await request(app).post('/api/responses?lang=en').send({ code: codes[2], answers }).expect(503);
  expect(en.body.error.message).toMatch(/disk is full/);
  expect(await store.responses.responseCount(round.id)).toBe(0);
  expect((await store.rounds.lookupCode(codes[0]!))?.used).toBe(false);
});

maybe('an admin write on a full disk gets 503 and changes nothing', async () => {
  const { app, auth, round } = await setUp();
  const meta = path.join(dataDir, 'koers.json');
  const before = fs.readFileSync(meta, 'utf8');
  fs.symlinkSync('/dev/full', meta + '.tmp');
  const res = await request(app)
    .post('/api/surveys')
    .set('Authorization', auth)
    .send({
      title: { nl: 'Vol', en: 'Full' },
      scale: { min: 1, max: 5 },
      sections: [{ id: 'a', title: { nl: 'A', en: 'A' }, statements: [{ id: 'a1', text: { nl: 'x', en: 'x' } }] }],
      groups: [{ id: 'leraren', name: { nl: 'Leraren', en: 'Teachers' } }],
    })
    .expect(503);
  expect(res.body.error.code).toBe('storageFull');
  expect(fs.readFileSync(meta, 'utf8')).toBe(before);

  // Invitation codes go to the round's own log: on a full disk no code is handed out.
  const second = await store.rounds.createRound(round.organisationId, { ...round, name: 'Tweede' });
  fs.symlinkSync('/dev/full', path.join(dataDir, 'invitations', `${second.id}.jsonl`));
  const invite = await request(app)
    .post(`/api/rounds/${second.id}/invitations`)
    .set('Authorization', auth)
    .send({ group: 'leraren', count: 5 })
    .expect(503);
  expect(invite.body.error.code).toBe('storageFull');
});
