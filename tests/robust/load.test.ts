/**
 * Load: 200 concurrent respondents for 60 s against the real server. Each opens the form, thinks a
 * moment, submits; some retry a submission (a lost reply) or try a used code again. Afterwards: no
 * 5xx and no failed request, every acknowledged response stored exactly once, and the published
 * results equal results recomputed from scratch from the stored rows, and again after a restart.
 */
import { addToTally, buildComments, buildResults, createTally } from '../../core/aggregation';
import type { RoundComments, RoundResults } from '../../core/results';
import type { Round } from '../../core/round';
import type { Survey } from '../../core/survey';
import {
  AdminApi,
  createOrganisations,
  killLeftoverServers,
  openTestStore,
  removeDir,
  serve,
  sleep,
  tempDataDir,
} from './support/fixture';
import { canonical, intBetween, makeSubmission, seededRandom, type Submission } from './support/respondents';
import { lowestValue, type CoarseCount } from '../../core/coarseCount';

const RESPONDENTS = 200;
const DURATION_MS = 60_000;
const GROUPS = ['directie', 'teamleiders', 'leraren', 'oop', 'po-hr'];
const CODES_PER_GROUP = 6000;

interface Row {
  group: string;
  answers: Record<string, [number | null, number | null]>;
  comment?: string;
}

let dataDir: string;
afterAll(async () => {
  await killLeftoverServers();
  removeDir(dataDir);
});

test('200 concurrent respondents for 60 s: no 5xx, nothing lost or doubled, results match a recount', async () => {
  dataDir = tempDataDir('load');
  const [org] = await createOrganisations(dataDir, ['Load Lyceum']);
  const { client, stop } = await serve(dataDir);
  const admin = new AdminApi(client, org!.apiKey);
  const round = await admin.createRound({ surveyId: 'shrm', groups: GROUPS, anonymityThreshold: 5 });
  const codes: Array<{ code: string; group: string }> = [];
  const perGroup = await Promise.all(
    GROUPS.map(async (group) =>
      (await admin.invite(round.id, group, CODES_PER_GROUP)).map((code) => ({ code, group })),
    ),
  );
  for (let i = 0; i < CODES_PER_GROUP; i += 1) for (const list of perGroup) codes.push(list[i]!);

  const statuses = new Map<string, number>();
  const count = (what: string): void => {
    statuses.set(what, (statuses.get(what) ?? 0) + 1);
  };
  const problems: string[] = [];
  const created = new Map<string, Submission & { group: string }>();
  let nextCode = 0;
  const deadline = Date.now() + DURATION_MS;

  const respondent = async (id: number): Promise<void> => {
    const random = seededRandom(1000 + id);
    while (Date.now() < deadline) {
      const invitation = codes[nextCode];
      if (!invitation) {
        // Codes ran out: keep the server busy with reads until the minute is over.
        const res = await client.get(`/api/form/${codes[intBetween(random, 0, codes.length - 1)]!.code}`);
        count(`form ${res.status}`);
        if (res.status !== 200) problems.push(`form after codes ran out: ${res.status}`);
        await sleep(100);
        continue;
      }
      nextCode += 1;
      const form = await client.get(`/api/form/${invitation.code}`);
      count(`form ${form.status}`);
      if (form.status !== 200 || (form.json as { used: boolean }).used)
        problems.push(`form ${invitation.code}: ${form.status} ${form.text.slice(0, 100)}`);
      await sleep(intBetween(random, 100, 500));
      const submission = makeSubmission(random, invitation.code, `load-${id}-${nextCode}-${invitation.group}`);
      const res = await client.post('/api/responses', submission.body);
      count(`submit ${res.status}`);
      if (res.status !== 201 || (res.json as { status: string }).status !== 'created') {
        problems.push(`submit: ${res.status} ${res.text.slice(0, 200)}`);
        continue;
      }
      created.set(submission.comment, { ...submission, group: invitation.group });
      const dice = random();
      if (dice < 0.05) {
        // The reply got lost, the form sends the same submission again: acknowledged, not stored twice.
        const retry = await client.post('/api/responses', submission.body);
        count(`retry ${retry.status}`);
        if (retry.status !== 201 || (retry.json as { status: string }).status !== 'repeated')
          problems.push(`retry: ${retry.status} ${retry.text.slice(0, 200)}`);
      } else if (dice < 0.07) {
        const reuse = await client.post('/api/responses', {
          ...submission.body,
          comment: 'tweede poging',
          submissionId: `other-${id}-${nextCode}`,
        });
        count(`reuse ${reuse.status}`);
        if (reuse.status !== 409) problems.push(`reuse: ${reuse.status} ${reuse.text.slice(0, 200)}`);
      }
    }
  };

  const adminPoller = async (): Promise<void> => {
    let last = 0;
    while (Date.now() < deadline) {
      // During fieldwork only participation is released (results come at closing).
      const res = await admin.get(`/api/rounds/${round.id}`);
      count(`round ${res.status}`);
      const total = (res.json as { responses?: CoarseCount } | undefined)?.responses;
      const seen = total ? lowestValue(total) : -1;
      if (res.status !== 200 || seen < last) problems.push(`round: ${res.status}, count ${seen} after ${last}`);
      const early = await admin.get(`/api/rounds/${round.id}/results`);
      if (early.status !== 409) problems.push(`results during fieldwork: ${early.status}`);
      last = Math.max(last, seen);
      const list = await admin.get('/api/rounds');
      count(`rounds ${list.status}`);
      await sleep(250);
    }
  };

  const outcome = await Promise.allSettled([
    ...Array.from({ length: RESPONDENTS }, (_, i) => respondent(i)),
    adminPoller(),
  ]);
  const failed = outcome
    .filter((o): o is PromiseRejectedResult => o.status === 'rejected')
    .map((o) => String(o.reason));
  console.log(
    `load test: ${created.size} responses in ${DURATION_MS / 1000} s; requests by outcome: ${JSON.stringify(Object.fromEntries(statuses))}; ` +
      `sent again after a kept-alive socket was closed under it: ${client.staleSocketRetries} ` +
      `(idle before: ${client.staleSocketIdleMs.map((idle) => `${idle} ms`).join(', ') || '-'})`,
  );
  expect(failed).toEqual([]);
  expect(problems.slice(0, 10)).toEqual([]);
  expect([...statuses.keys()].filter((k) => / 5\d\d$/.test(k))).toEqual([]);
  expect(created.size).toBeGreaterThan(1000);

  // Nothing lost, nothing doubled, nothing stored that was not acknowledged.
  await admin.close(round.id);
  const { rows, groups } = await admin.getJson<{ rows: Row[]; groups: string[] }>(`/api/rounds/${round.id}/responses`);
  expect(groups).toEqual(GROUPS);
  const byComment = new Map<string, number>();
  for (const row of rows) byComment.set(row.comment ?? '', (byComment.get(row.comment ?? '') ?? 0) + 1);
  expect([...byComment].filter(([, n]) => n > 1)).toEqual([]);
  expect(rows.length).toBe(created.size);
  for (const row of rows) {
    const sent = created.get(row.comment ?? '');
    expect(sent && sent.group === row.group && canonical(sent.answers) === canonical(row.answers)).toBe(true);
  }

  // The published results equal a recount from scratch over the stored rows.
  const published = await admin.getJson<RoundResults>(`/api/rounds/${round.id}/results`);
  const {
    responses: _ignored,
    participation: _participation,
    released: _released,
    surveyTitle: _title,
    ...storedRound
  } = await admin.getJson<
    Round & { responses: unknown; participation: unknown; released: unknown; surveyTitle?: unknown }
  >(`/api/rounds/${round.id}`);
  const survey = await admin.getJson<Survey>('/api/surveys/shrm');
  const tally = createTally(survey, storedRound.groups, storedRound);
  for (const row of rows)
    addToTally(tally, {
      roundId: round.id,
      group: row.group,
      day: '2026-01-01',
      answers: row.answers,
      ...(row.comment ? { comment: row.comment } : {}),
    });
  expect(published).toEqual(JSON.parse(JSON.stringify(buildResults({ tally, survey, round: storedRound }))));
  expect(published.responses.total).toEqual({ exact: true, value: created.size });
  const comments = await admin.getJson<RoundComments>(`/api/rounds/${round.id}/comments`);
  expect(comments.comments).toEqual(JSON.parse(JSON.stringify(buildComments({ tally, round: storedRound }))));

  // And the same results again once the server has stopped and the folder is loaded from disk.
  await stop();
  const store = await openTestStore(dataDir);
  try {
    const reloaded = (await store.rounds.getRound(org!.organisationId, round.id))!;
    expect(JSON.parse(JSON.stringify(await store.responses.results(reloaded)))).toEqual(published);
    expect(JSON.parse(JSON.stringify(await store.responses.comments(reloaded)))).toEqual(comments.comments);
  } finally {
    await store.close();
  }
});
