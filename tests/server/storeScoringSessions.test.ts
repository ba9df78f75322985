/**
 * Several MT scoring sessions per round (issue 8, item 10): opening a new session discards nothing;
 * every session stays readable by id, the list shows them all, and the old links say "closed" while
 * their scores remain in their session.
 */
import request from 'supertest';
import { startTestApp, type TestApp } from './testApp';

let t: TestApp;
let auth: string;
beforeEach(async () => {
  t = await startTestApp();
  auth = (await t.adminFor('Het Baken')).auth;
});
afterEach(async () => {
  await t.close();
});

async function openSession(roundId: string, leverIds: string[]) {
  const res = await request(t.app)
    .post(`/api/rounds/${roundId}/scoring`)
    .set('Authorization', auth)
    .send({ leverIds, raters: 1 })
    .expect(201);
  const link = res.body.links[0] as string;
  return { id: res.body.sessionId as string, token: link.slice(link.lastIndexOf('/s/') + 3) };
}

test('a second session keeps the first one and its scores readable', async () => {
  const round = await request(t.app)
    .post('/api/rounds')
    .set('Authorization', auth)
    .send({ surveyId: 'shrm', name: 'Najaar', groups: ['leraren'] })
    .expect(201);
  const roundId = round.body.id as string;
  const first = await openSession(roundId, ['intervisie', 'gesprekkencyclus']);
  await request(t.app)
    .post(`/api/scoring/${first.token}`)
    .send({ scores: [{ leverId: 'intervisie', impact: 5, feasibility: 4 }] })
    .expect(201);
  const second = await openSession(roundId, ['mentor-met-tijd']);

  const latest = await request(t.app).get(`/api/rounds/${roundId}/scoring`).set('Authorization', auth).expect(200);
  expect(latest.body.sessionId).toBe(second.id);

  const old = await request(t.app)
    .get(`/api/rounds/${roundId}/scoring?session=${first.id}`)
    .set('Authorization', auth)
    .expect(200);
  expect(old.body).toEqual(expect.objectContaining({ sessionId: first.id, status: 'closed' }));
  expect(old.body.raters.submitted).toBe(1);
  const intervisie = old.body.levers.find((l: { leverId: string }) => l.leverId === 'intervisie');
  expect(intervisie.summary).toEqual(expect.objectContaining({ raters: 1 }));

  const list = await request(t.app)
    .get(`/api/rounds/${roundId}/scoring/sessions`)
    .set('Authorization', auth)
    .expect(200);
  expect(list.body.sessions.map((s: { sessionId: string }) => s.sessionId)).toEqual([first.id, second.id]);

  // The old link says its session is closed, and still shows what was sent.
  const page = await request(t.app).get(`/api/scoring/${first.token}`).expect(200);
  expect(page.body.session.status).toBe('closed');
  expect(page.body.scores).toEqual([{ leverId: 'intervisie', impact: 5, feasibility: 4 }]);
  await request(t.app)
    .post(`/api/scoring/${first.token}`)
    .send({ scores: [{ leverId: 'intervisie', impact: 1, feasibility: 1 }] })
    .expect(409);

  await request(t.app)
    .get(`/api/rounds/${roundId}/scoring?session=scoring-doesnotexist`)
    .set('Authorization', auth)
    .expect(404);
  const other = await t.adminFor('Ander College');
  await request(t.app)
    .get(`/api/rounds/${roundId}/scoring?session=${first.id}`)
    .set('Authorization', other.auth)
    .expect(404);
});
