import fs from 'node:fs';
import { StoreError } from '../../server/store';
import {
  answers,
  collect,
  makeTempDir,
  readLinesOf,
  removeDir,
  responsesFile,
  setUp,
  usedCodesFile,
  type Setup,
} from './storeFixtures';

const TODAY = '2025-03-03';

describe('file store: group commit under concurrent submissions', () => {
  let dir: string;
  let setup: Setup;

  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(async () => {
    await setup.store.close();
    removeDir(dir);
  });

  it('commits 500 concurrent submissions in far fewer flushes, each acknowledged only once durable', async () => {
    setup = await setUp(dir, { teachers: 300, support: 200 });
    const { store, round, teacherCodes, supportCodes } = setup;
    const codes = [...teacherCodes, ...supportCodes];
    const before = store.stats();

    const outcomes = await Promise.all(
      codes.map((code, i) =>
        store.responses
          .submitResponse({ code, answers: answers((i % 5) + 1, ((i + 2) % 5) + 1) }, TODAY)
          .then(async (outcome) => {
            // At acknowledgement the submission's own line must already be counted (and hence written).
            expect(await store.responses.responseCount(round.id)).toBeGreaterThan(0);
            return outcome;
          }),
      ),
    );
    const after = store.stats();

    expect(outcomes.every((o) => o === 'created')).toBe(true);
    expect(await store.responses.responseCount(round.id)).toBe(500);
    expect(after.committedResponses - before.committedResponses).toBe(500);
    const flushes = after.flushes - before.flushes;
    expect(flushes).toBeGreaterThanOrEqual(1);
    expect(flushes).toBeLessThanOrEqual(10);
    // Each flush fdatasyncs both logs of the round (plus directory syncs for the new files).
    expect(after.fsyncs - before.fsyncs).toBeGreaterThanOrEqual(2 * flushes);
    expect(after.fsyncs - before.fsyncs).toBeLessThan(500);

    expect(readLinesOf(responsesFile(dir, round.id))).toHaveLength(500);
    expect(readLinesOf(usedCodesFile(dir, round.id))).toHaveLength(500);
    const stored = await collect(store.responses.readResponses(round.id));
    expect(stored.filter((r) => r.group === 'leraren')).toHaveLength(300);
    expect(stored.filter((r) => r.group === 'oop')).toHaveLength(200);
    const results = await store.responses.results(round);
    expect(results.groups).toEqual([
      expect.objectContaining({ id: 'leraren', status: 'shown', responses: 300 }),
      expect.objectContaining({ id: 'oop', status: 'shown', responses: 200 }),
    ]);
  });

  it('lets exactly one submission per code through when many race for the same codes', async () => {
    setup = await setUp(dir, { teachers: 100, support: 1 });
    const { store, round, teacherCodes } = setup;
    const attempts = teacherCodes.flatMap((code, i) =>
      [0, 1, 2].map((k) => ({ code, answers: answers(((i + k) % 5) + 1, 3) })),
    );
    const outcomes = await Promise.allSettled(attempts.map((input) => store.responses.submitResponse(input, TODAY)));

    const created = outcomes.filter((o) => o.status === 'fulfilled' && o.value === 'created');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(created).toHaveLength(100);
    expect(refused).toHaveLength(200);
    for (const r of refused) expect((r.reason as StoreError).code).toBe('codeUsed');
    expect(await store.responses.responseCount(round.id)).toBe(100);
    const hashes = readLinesOf(usedCodesFile(dir, round.id)).map((l) => JSON.parse(l).codeHash);
    expect(new Set(hashes).size).toBe(100);
  });

  it('rejects a batch it could not write and frees its codes for another try', async () => {
    setup = await setUp(dir, { teachers: 2, support: 1 });
    const { store, round, teacherCodes } = setup;
    // A directory where the log file should be makes the first flush fail on open.
    fs.mkdirSync(usedCodesFile(dir, round.id));
    await expect(
      store.responses.submitResponse({ code: teacherCodes[0]!, answers: answers(1, 2) }, TODAY),
    ).rejects.toThrow();
    expect(await store.responses.responseCount(round.id)).toBe(0);
    expect((await store.rounds.lookupCode(teacherCodes[0]!))?.used).toBe(false);

    fs.rmdirSync(usedCodesFile(dir, round.id));
    expect(await store.responses.submitResponse({ code: teacherCodes[0]!, answers: answers(1, 2) }, TODAY)).toBe(
      'created',
    );
    expect(await store.responses.responseCount(round.id)).toBe(1);
  });
});
