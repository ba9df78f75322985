import fs from 'node:fs';
import path from 'node:path';
import { roundInputSchema } from '../../core/round';
import { openStore, StoreError, type FileStore } from '../../server/store';
import {
  answers,
  collect,
  makeClock,
  makeTempDir,
  readLinesOf,
  refusal,
  removeDir,
  responsesFile,
  setUp,
  surveyInput,
  usedCodesFile,
  type Setup,
} from './storeFixtures';

const TODAY = '2025-03-03';

describe('file store: organisations, keys, surveys, rounds', () => {
  let dir: string;
  let store: FileStore;

  beforeEach(async () => {
    dir = makeTempDir();
    store = await openStore({ dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    removeDir(dir);
  });

  it('finds an organisation by name instead of creating it twice, also when asked concurrently', async () => {
    const [a, b] = await Promise.all([
      store.organisations.findOrCreateOrganisation('Het Lyceum'),
      store.organisations.findOrCreateOrganisation(' het lyceum '),
    ]);
    expect(a.id).toBe(b.id);
    expect(a.name).toBe('Het Lyceum');
    const other = await store.organisations.findOrCreateOrganisation('Ander College');
    expect(other.id).not.toBe(a.id);
  });

  it('hands out an API key once and keeps only its sha256 hash', async () => {
    const organisation = await store.organisations.findOrCreateOrganisation('Het Lyceum');
    const key = await store.organisations.createApiKey(organisation.id);
    expect(key).toMatch(/^koers_[A-Za-z0-9_-]{32}$/);
    expect(await store.organisations.organisationForKey(key)).toEqual(organisation);
    expect(await store.organisations.organisationForKey(key + 'x')).toBeUndefined();
    expect(await store.organisations.organisationForKey('koers_' + 'A'.repeat(32))).toBeUndefined();

    const onDisk = fs.readFileSync(path.join(dir, 'koers.json'), 'utf8');
    expect(onDisk).not.toContain(key);
    expect(onDisk).not.toContain(key.slice('koers_'.length));
    expect(JSON.parse(onDisk).apiKeys).toEqual([
      expect.objectContaining({ organisationId: organisation.id, hash: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]);
  });

  it('writes koers.json as compact JSON with a secret, fsyncing file and folder on every change', async () => {
    const before = store.stats();
    await store.organisations.findOrCreateOrganisation('Het Lyceum');
    const after = store.stats();
    expect(after.metaWrites).toBe(before.metaWrites + 1);
    expect(after.fsyncs).toBe(before.fsyncs + 2);
    // Finding a known organisation writes nothing.
    await store.organisations.findOrCreateOrganisation('HET LYCEUM');
    expect(store.stats().metaWrites).toBe(after.metaWrites);
    const text = fs.readFileSync(path.join(dir, 'koers.json'), 'utf8');
    expect(text).not.toContain('\n');
    const data = JSON.parse(text);
    expect(data.version).toBe(1);
    expect(typeof data.secret).toBe('string');
    expect(data.secret.length).toBeGreaterThanOrEqual(32);
  });

  it('lists the built-in instruments plus only the organisation’s own surveys', async () => {
    const mine = await store.organisations.findOrCreateOrganisation('Mine');
    const theirs = await store.organisations.findOrCreateOrganisation('Theirs');
    const survey = await store.surveys.createSurvey(mine.id, surveyInput);
    expect(survey).toMatchObject({ organisationId: mine.id, builtIn: false });

    const ids = (await store.surveys.listSurveys(mine.id)).map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['shrm', 'learning-climate', survey.id]));
    expect((await store.surveys.listSurveys(theirs.id)).map((s) => s.id)).not.toContain(survey.id);
    expect((await store.surveys.getSurvey(mine.id, survey.id))?.title).toEqual(surveyInput.title);
    expect(await store.surveys.getSurvey(theirs.id, survey.id)).toBeUndefined();
    expect((await store.surveys.getSurvey(theirs.id, 'shrm'))?.builtIn).toBe(true);
  });

  it('creates rounds on known surveys and groups only, scoped to the organisation', async () => {
    const mine = await store.organisations.findOrCreateOrganisation('Mine');
    const theirs = await store.organisations.findOrCreateOrganisation('Theirs');
    const survey = await store.surveys.createSurvey(mine.id, surveyInput);
    const input = (over: object) =>
      roundInputSchema.parse({ surveyId: survey.id, name: 'Ronde 1', groups: ['leraren'], ...over });

    expect(await refusal(store.rounds.createRound(mine.id, input({ surveyId: 'nope' })))).toBe('unknownSurvey');
    expect(await refusal(store.rounds.createRound(theirs.id, input({})))).toBe('unknownSurvey');
    expect(await refusal(store.rounds.createRound(mine.id, input({ groups: ['leerlingen'] })))).toBe('unknownGroup');

    const round = await store.rounds.createRound(mine.id, input({}));
    expect(round).toMatchObject({
      organisationId: mine.id,
      surveyId: survey.id,
      status: 'open',
      groups: ['leraren'],
      anonymityThreshold: 5,
    });
    expect(await store.rounds.getRound(mine.id, round.id)).toEqual(round);
    expect(await store.rounds.getRound(theirs.id, round.id)).toBeUndefined();
    expect(await store.rounds.listRounds(mine.id)).toEqual([round]);
    expect(await store.rounds.listRounds(theirs.id)).toEqual([]);

    const builtIn = await store.rounds.createRound(
      theirs.id,
      roundInputSchema.parse({
        surveyId: 'shrm',
        name: 'SHRM',
        groups: [(await store.surveys.getSurvey(theirs.id, 'shrm'))!.groups[0]!.id],
      }),
    );
    expect(builtIn.surveyId).toBe('shrm');

    expect(await store.rounds.closeRound(theirs.id, round.id)).toBeUndefined();
    const closed = await store.rounds.closeRound(mine.id, round.id);
    expect(closed).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect((await store.rounds.getRound(mine.id, round.id))?.status).toBe('closed');
  });
});

describe('file store: invitations and submissions', () => {
  let dir: string;
  let setup: Setup;
  let clock: ReturnType<typeof makeClock>;

  beforeEach(async () => {
    dir = makeTempDir();
    clock = makeClock();
    setup = await setUp(dir, { now: clock.now });
  });
  afterEach(async () => {
    await setup.store.close();
    removeDir(dir);
  });

  it('makes unique, unambiguous codes and keeps only their HMACs', async () => {
    const { store, round, teacherCodes, supportCodes } = setup;
    const all = [...teacherCodes, ...supportCodes];
    for (const code of all) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    expect(new Set(all).size).toBe(all.length);

    // The hashes live in the round's own log, one line per request; koers.json does not grow with them.
    const meta = fs.readFileSync(path.join(dir, 'koers.json'), 'utf8');
    expect(JSON.parse(meta).invitations).toEqual({});
    const logText = fs.readFileSync(path.join(dir, 'invitations', `${round.id}.jsonl`), 'utf8');
    for (const code of all) expect(meta + logText).not.toContain(code);
    const lines = readLinesOf(path.join(dir, 'invitations', `${round.id}.jsonl`)).map(
      (l) => JSON.parse(l) as { group: string; hashes: string[] },
    );
    expect(lines.map((l) => [l.group, l.hashes.length])).toEqual([
      ['leraren', teacherCodes.length],
      ['oop', supportCodes.length],
    ]);
    for (const hash of lines.flatMap((l) => l.hashes)) expect(hash).toMatch(/^[0-9a-f]{64}$/);

    const found = await store.rounds.lookupCode(teacherCodes[0]!.toLowerCase());
    expect(found).toMatchObject({
      group: 'leraren',
      used: false,
      round: { id: round.id },
      survey: { id: round.surveyId },
    });
    expect(await store.rounds.lookupCode('ABCDEFGHJK')).toBeUndefined();
    expect(await refusal(store.rounds.createInvitations(round.organisationId, round.id, 'directie', 2))).toBe(
      'unknownGroup',
    );
  });

  it('stores a response durably and counts it in the results', async () => {
    const { store, round, teacherCodes } = setup;
    const before = store.stats();
    expect(
      await store.responses.submitResponse(
        { code: teacherCodes[0]!, answers: answers(2, 4), comment: 'Meer overleg' },
        TODAY,
      ),
    ).toBe('created');
    const after = store.stats();

    expect(after.flushes).toBe(before.flushes + 1);
    // One fdatasync per log, plus one for each new file's directory entry.
    expect(after.fsyncs - before.fsyncs).toBeGreaterThanOrEqual(2);
    expect(after.committedResponses).toBe(1);
    expect(await store.responses.responseCount(round.id)).toBe(1);
    expect((await store.responses.results(round)).groups.find((g) => g.id === 'leraren')?.responses).toEqual({
      exact: false,
      atLeast: 0,
      below: 2,
    });
    expect((await store.rounds.lookupCode(teacherCodes[0]!))?.used).toBe(true);
    expect(await collect(store.responses.readResponses(round.id))).toEqual([
      { roundId: round.id, group: 'leraren', day: TODAY, answers: { s1: [2, 4], s2: [3, 4] }, comment: 'Meer overleg' },
    ]);
  });

  it('writes response lines without code, submission id or time of day', async () => {
    const { store, round, teacherCodes, supportCodes } = setup;
    await store.responses.submitResponse(
      {
        code: teacherCodes[0]!,
        answers: answers(1, 5),
        comment: 'regel 1\nregel 2 "quoted"',
        submissionId: 'sub-123456789',
      },
      TODAY,
    );
    await store.responses.submitResponse({ code: supportCodes[0]!, answers: answers(null, 3) }, TODAY);

    const lines = readLinesOf(responsesFile(dir, round.id));
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      const parsed = JSON.parse(line);
      expect(Object.keys(parsed).sort()).toEqual(expect.arrayContaining(['answers', 'day', 'group', 'roundId']));
      // `flush` is the recovery mark: [lines before this write, lines in this write], no time, no code.
      expect(parsed.flush).toEqual([expect.any(Number), 1]);
      expect(
        Object.keys(parsed).every((k) => ['answers', 'day', 'group', 'roundId', 'comment', 'flush'].includes(k)),
      ).toBe(true);
      expect(parsed.day).toBe(TODAY);
      expect(line).not.toContain(teacherCodes[0]);
      expect(line).not.toContain(supportCodes[0]);
      expect(line).not.toContain('sub-123456789');
      expect(line).not.toMatch(/T\d{2}:\d{2}/);
    }
    const used = readLinesOf(usedCodesFile(dir, round.id)).map((l) => JSON.parse(l));
    expect(used).toHaveLength(2);
    // The flush mark is dropped again when the file is sorted at the next start.
    for (const entry of used) expect(Object.keys(entry).sort()).toEqual(['codeHash', 'flush', 'retry']);
    const usedText = fs.readFileSync(usedCodesFile(dir, round.id), 'utf8');
    expect(usedText).not.toContain(teacherCodes[0]);
    expect(usedText).not.toContain('sub-123456789');
    // Only the submission with a submissionId leaves a retry fingerprint.
    expect(used.filter((u) => u.retry === null)).toHaveLength(1);
  });

  it('answers a repeat with the same submissionId and answers "repeated" and stores it once', async () => {
    const { store, round, teacherCodes } = setup;
    const input = { code: teacherCodes[0]!, answers: answers(2, 4), comment: 'x', submissionId: 'form-abcdef12' };
    expect(await store.responses.submitResponse(input, TODAY)).toBe('created');
    // Answers in another order are the same answers.
    expect(await store.responses.submitResponse({ ...input, answers: [...input.answers].reverse() }, TODAY)).toBe(
      'repeated',
    );
    expect(await refusal(store.responses.submitResponse({ ...input, answers: answers(3, 4) }, TODAY))).toBe('codeUsed');
    expect(await refusal(store.responses.submitResponse({ ...input, comment: 'y' }, TODAY))).toBe('codeUsed');
    expect(await refusal(store.responses.submitResponse({ ...input, submissionId: 'form-other123' }, TODAY))).toBe(
      'codeUsed',
    );
    expect(await store.responses.responseCount(round.id)).toBe(1);
    expect(readLinesOf(responsesFile(dir, round.id))).toHaveLength(1);
  });

  it('recognises an identical retry without submissionId for 24 hours', async () => {
    const { store, round, teacherCodes } = setup;
    const input = { code: teacherCodes[1]!, answers: answers(4, 4) };
    expect(await store.responses.submitResponse(input, TODAY)).toBe('created');
    expect(await store.responses.submitResponse(input, TODAY)).toBe('repeated');
    expect(await refusal(store.responses.submitResponse({ ...input, answers: answers(1, 4) }, TODAY))).toBe('codeUsed');
    clock.advance(23 * 3600_000);
    expect(await store.responses.submitResponse(input, TODAY)).toBe('repeated');
    clock.advance(2 * 3600_000);
    expect(await refusal(store.responses.submitResponse(input, TODAY))).toBe('codeUsed');
    expect(await store.responses.responseCount(round.id)).toBe(1);
  });

  it('refuses unknown codes and answers that do not fit the survey', async () => {
    const { store, teacherCodes } = setup;
    const code = teacherCodes[0]!;
    expect(await refusal(store.responses.submitResponse({ code: 'ZZZZZZZZZZ', answers: answers(1, 2) }, TODAY))).toBe(
      'unknownCode',
    );
    expect(
      await refusal(
        store.responses.submitResponse({ code, answers: [{ statementId: 'nope', current: 1, desired: 2 }] }, TODAY),
      ),
    ).toBe('unknownStatement');
    expect(
      await refusal(
        store.responses.submitResponse(
          { code, answers: [...answers(1, 2), { statementId: 's1', current: 1, desired: 1 }] },
          TODAY,
        ),
      ),
    ).toBe('duplicateStatement');
    expect(await refusal(store.responses.submitResponse({ code, answers: answers(6, 2) }, TODAY))).toBe('outOfScale');
    // None of those used the code up.
    expect(await store.responses.submitResponse({ code, answers: answers(1, 2) }, TODAY)).toBe('created');
  });

  it('refuses new submissions once the round is closed, but still recognises a repeat', async () => {
    const { store, round, organisationId, teacherCodes } = setup;
    const first = { code: teacherCodes[0]!, answers: answers(2, 3), submissionId: 'form-closing1' };
    await store.responses.submitResponse(first, TODAY);
    await store.rounds.closeRound(organisationId, round.id);
    expect(
      await refusal(store.responses.submitResponse({ code: teacherCodes[1]!, answers: answers(2, 3) }, TODAY)),
    ).toBe('roundClosed');
    expect(await store.responses.submitResponse(first, TODAY)).toBe('repeated');
    expect(await refusal(store.rounds.createInvitations(round.organisationId, round.id, 'leraren', 1))).toBe(
      'roundClosedForInvitations',
    );
    expect(await store.responses.responseCount(round.id)).toBe(1);
  });

  it('lets exactly one of two concurrent submissions of one code through', async () => {
    const { store, round, teacherCodes } = setup;
    const code = teacherCodes[2]!;
    const outcomes = await Promise.allSettled([
      store.responses.submitResponse({ code, answers: answers(1, 5) }, TODAY),
      store.responses.submitResponse({ code, answers: answers(5, 1) }, TODAY),
    ]);
    expect(
      outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<string>).value),
    ).toEqual(['created']);
    const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
    expect(rejected.reason).toBeInstanceOf(StoreError);
    expect(rejected.reason.code).toBe('codeUsed');
    expect(await store.responses.responseCount(round.id)).toBe(1);
    expect(readLinesOf(responsesFile(dir, round.id))).toHaveLength(1);
    expect(readLinesOf(usedCodesFile(dir, round.id))).toHaveLength(1);
  });

  it('treats a concurrent duplicate of an in-flight submission as a repeat, resolved once it is durable', async () => {
    const { store, round, teacherCodes } = setup;
    const input = { code: teacherCodes[3]!, answers: answers(2, 2), submissionId: 'form-double01' };
    const outcomes = await Promise.all([
      store.responses.submitResponse(input, TODAY),
      store.responses.submitResponse(input, TODAY),
      store.responses.submitResponse(input, TODAY),
    ]);
    expect(outcomes).toEqual(['created', 'repeated', 'repeated']);
    expect(readLinesOf(responsesFile(dir, round.id))).toHaveLength(1);
  });

  it('reopens from disk with the same counts, results and used codes', async () => {
    const { store, round, teacherCodes, supportCodes } = setup;
    const submitted = [
      { code: teacherCodes[0]!, answers: answers(1, 4), comment: 'Meer tijd', submissionId: 'form-reopen01' },
      { code: teacherCodes[1]!, answers: answers(2, 5) },
      { code: teacherCodes[2]!, answers: answers(3, 3, [null, 5]) },
      { code: supportCodes[0]!, answers: answers(4, 5) },
      { code: supportCodes[1]!, answers: answers(2, 2), comment: 'Prima' },
    ];
    for (const input of submitted) await store.responses.submitResponse(input, TODAY);
    const results = await store.responses.results(round);
    const responses = await collect(store.responses.readResponses(round.id));
    expect(results.groups.every((g) => g.status === 'shown')).toBe(true);
    await store.close();

    const reopened = await openStore({ dataDir: dir, now: clock.now });
    setup.store = reopened;
    expect(await reopened.responses.responseCount(round.id)).toBe(5);
    expect(await reopened.responses.results(round)).toEqual(results);
    expect(await collect(reopened.responses.readResponses(round.id))).toEqual(responses);
    expect((await reopened.rounds.lookupCode(teacherCodes[0]!))?.used).toBe(true);
    expect((await reopened.rounds.lookupCode(teacherCodes[3]!))?.used).toBe(false);
    expect(await reopened.rounds.getRound(setup.organisationId, round.id)).toEqual(round);
    // The retry fingerprint is on disk, so a retry with a submissionId survives a restart ...
    expect(await reopened.responses.submitResponse(submitted[0]!, TODAY)).toBe('repeated');
    // ... while the content memory for clients without one deliberately does not.
    expect(await refusal(reopened.responses.submitResponse(submitted[1]!, TODAY))).toBe('codeUsed');
    expect(await reopened.responses.submitResponse({ code: teacherCodes[3]!, answers: answers(5, 5) }, TODAY)).toBe(
      'created',
    );
    expect(await reopened.responses.responseCount(round.id)).toBe(6);
  });

  it('writes submissions still pending when close() is called', async () => {
    const { store, round, teacherCodes } = setup;
    const pending = store.responses.submitResponse({ code: teacherCodes[0]!, answers: answers(1, 1) }, TODAY);
    await store.close();
    await expect(pending).resolves.toBe('created');
    await expect(
      store.responses.submitResponse({ code: teacherCodes[1]!, answers: answers(1, 1) }, TODAY),
    ).rejects.toThrow(/closed/);

    setup.store = await openStore({ dataDir: dir });
    expect(await setup.store.responses.responseCount(round.id)).toBe(1);
  });

  it('returns nothing for rounds it does not know, whatever the id looks like', async () => {
    const { store } = setup;
    expect(await collect(store.responses.readResponses('../koers'))).toEqual([]);
    expect(await store.responses.responseCount('round-unknown')).toBe(0);
  });
});
