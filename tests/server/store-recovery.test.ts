import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../../server/store';
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

/** Crash damage is simulated by editing the files of a closed store, as a crash would leave them. */
describe('file store: recovery on open', () => {
  let dir: string;
  let setup: Setup;

  beforeEach(async () => {
    dir = makeTempDir();
    setup = await setUp(dir, { teachers: 20, support: 4 });
  });
  afterEach(async () => {
    await setup.store.close().catch(() => undefined);
    removeDir(dir);
  });

  async function submitAndClose(count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      await setup.store.responses.submitResponse(
        { code: setup.teacherCodes[i]!, answers: answers((i % 5) + 1, 5) },
        TODAY,
      );
    }
    await setup.store.close();
  }

  async function reopen(): Promise<void> {
    setup.store = await openStore({ dataDir: dir });
  }

  it('cuts a torn last line off the responses file', async () => {
    await submitAndClose(3);
    const file = responsesFile(dir, setup.round.id);
    const intactSize = fs.statSync(file).size;
    fs.appendFileSync(file, '{"roundId":"' + setup.round.id + '","group":"ler');

    await reopen();
    expect(await setup.store.responses.responseCount(setup.round.id)).toBe(3);
    expect(setup.store.stats().recovery).toEqual({
      tornLines: 1,
      unacknowledgedLines: 0,
      repairs: [expect.stringMatching(/^responses\/round-\w+\.jsonl: cut off a torn last line/)],
    });
    expect(fs.statSync(file).size).toBe(intactSize);
    expect(await collect(setup.store.responses.readResponses(setup.round.id))).toHaveLength(3);
    // New lines start on a fresh line after the repair.
    await setup.store.responses.submitResponse({ code: setup.teacherCodes[10]!, answers: answers(1, 1) }, TODAY);
    expect(readLinesOf(file).map((l) => JSON.parse(l))).toHaveLength(4);
  });

  it('cuts a torn last line off the used-codes file', async () => {
    await submitAndClose(2);
    fs.appendFileSync(usedCodesFile(dir, setup.round.id), '{"codeHash":"ab');
    await reopen();
    expect(await setup.store.responses.responseCount(setup.round.id)).toBe(2);
    expect(setup.store.stats().recovery.tornLines).toBe(1);
    expect(readLinesOf(usedCodesFile(dir, setup.round.id)).map((l) => JSON.parse(l))).toHaveLength(2);
  });

  it('drops response lines of a flush whose used codes never reached the disk', async () => {
    await submitAndClose(3);
    const file = responsesFile(dir, setup.round.id);
    // A flush of two submissions (lines 4 and 5) reached the responses file only.
    const extra = (i: number) =>
      JSON.stringify({
        roundId: setup.round.id,
        group: 'leraren',
        day: TODAY,
        answers: { s1: [1, i], s2: [1, 1] },
        flush: [3, 2],
      });
    fs.appendFileSync(file, extra(1) + '\n' + extra(2) + '\n');

    await reopen();
    expect(await setup.store.responses.responseCount(setup.round.id)).toBe(3);
    expect(setup.store.stats().recovery).toEqual(expect.objectContaining({ tornLines: 0, unacknowledgedLines: 2 }));
    expect(setup.store.stats().recovery.repairs).toEqual([expect.stringMatching(/rolled back 2 line/)]);
    expect(readLinesOf(file)).toHaveLength(3);
    expect((await setup.store.responses.results(setup.round)).responses.shown).toBe(3);
  });

  it('drops used codes of a flush whose responses never reached the disk, freeing those codes', async () => {
    const { store, round, teacherCodes } = setup;
    await store.responses.submitResponse({ code: teacherCodes[0]!, answers: answers(1, 5) }, TODAY);
    // Submitted together, so they share one flush: its mark is [1, 2].
    await Promise.all(
      [1, 2].map((i) => store.responses.submitResponse({ code: teacherCodes[i]!, answers: answers(i, 5) }, TODAY)),
    );
    await store.close();
    // That flush's responses were lost in the crash; only its used-code lines made it, plus a torn one.
    const responses = responsesFile(dir, round.id);
    const used = usedCodesFile(dir, round.id);
    expect(readLinesOf(used).map((l) => JSON.parse(l).flush)).toEqual([
      [0, 1],
      [1, 2],
      [1, 2],
    ]);
    const lines = readLinesOf(responses);
    fs.writeFileSync(responses, lines[0] + '\n');
    fs.appendFileSync(used, '{"codeHash":"0');

    await reopen();
    const reopened = setup.store;
    expect(await reopened.responses.responseCount(round.id)).toBe(1);
    expect(reopened.stats().recovery).toEqual(expect.objectContaining({ tornLines: 1, unacknowledgedLines: 2 }));
    expect(readLinesOf(used)).toHaveLength(1);
    // The first submission keeps its code; the two unacknowledged ones can be sent again.
    expect((await reopened.rounds.lookupCode(teacherCodes[0]!))?.used).toBe(true);
    expect((await reopened.rounds.lookupCode(teacherCodes[1]!))?.used).toBe(false);
    expect(await reopened.responses.submitResponse({ code: teacherCodes[1]!, answers: answers(2, 2) }, TODAY)).toBe(
      'created',
    );
    expect(await reopened.responses.submitResponse({ code: teacherCodes[2]!, answers: answers(3, 3) }, TODAY)).toBe(
      'created',
    );
    expect(await reopened.responses.responseCount(round.id)).toBe(3);
  });

  it('rewrites the used-codes file sorted by hash, so its order says nothing about submission order', async () => {
    await submitAndClose(15);
    const file = usedCodesFile(dir, setup.round.id);
    const before = readLinesOf(file).map((l) => JSON.parse(l).codeHash as string);

    await reopen();
    const after = readLinesOf(file).map((l) => JSON.parse(l).codeHash as string);
    expect([...after].sort()).toEqual(after);
    expect([...after].sort()).toEqual([...before].sort());
    expect(await setup.store.responses.responseCount(setup.round.id)).toBe(15);
    // Submission order was not already sorted by chance (probability 1/15!), so the file really changed.
    expect(after).not.toEqual(before);
  });

  it('refuses to guess when a damaged line sits in the middle of a log, and releases the lock', async () => {
    await submitAndClose(3);
    const file = responsesFile(dir, setup.round.id);
    const lines = readLinesOf(file);
    fs.writeFileSync(file, [lines[0], '{"broken', lines[2]].map((l) => l + '\n').join(''));

    await expect(openStore({ dataDir: dir })).rejects.toThrow(/line 2 is damaged/);
    expect(fs.existsSync(path.join(dir, 'koers.lock'))).toBe(false);
    fs.writeFileSync(file, [lines[0], lines[2]].map((l) => l + '\n').join(''));
    await reopen();
    expect(await setup.store.responses.responseCount(setup.round.id)).toBe(2);
  });

  it('removes temp files left by a crash during an atomic rewrite', async () => {
    await submitAndClose(1);
    fs.writeFileSync(path.join(dir, 'koers.json.tmp'), '{"half');
    fs.writeFileSync(usedCodesFile(dir, setup.round.id) + '.tmp', '{"half');
    await reopen();
    expect(fs.existsSync(path.join(dir, 'koers.json.tmp'))).toBe(false);
    expect(fs.existsSync(usedCodesFile(dir, setup.round.id) + '.tmp')).toBe(false);
    expect(await setup.store.responses.responseCount(setup.round.id)).toBe(1);
  });
});

describe('file store: invitation logs', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeDir(dir));

  it('moves invitation hashes of an older koers.json into the per-round logs, keeping every code working', async () => {
    const setup = await setUp(dir, { teachers: 3, support: 2 });
    await setup.store.close();
    // Rewrite the folder as an older version left it: hashes inside koers.json, no logs.
    const metaPath = path.join(dir, 'koers.json');
    const logPath = path.join(dir, 'invitations', `${setup.round.id}.jsonl`);
    const lines = readLinesOf(logPath).map((l) => JSON.parse(l) as { group: string; hashes: string[] });
    const doc = JSON.parse(fs.readFileSync(metaPath, 'utf8'));
    doc.invitations = { [setup.round.id]: Object.fromEntries(lines.map((l) => [l.group, l.hashes])) };
    fs.writeFileSync(metaPath, JSON.stringify(doc));
    fs.rmSync(logPath);

    const store = await openStore({ dataDir: dir });
    try {
      expect(store.stats().recovery.repairs).toEqual([expect.stringMatching(/moved 5 invitation code hashes/)]);
      expect(JSON.parse(fs.readFileSync(metaPath, 'utf8')).invitations).toEqual({});
      for (const code of [...setup.teacherCodes, ...setup.supportCodes]) {
        expect((await store.rounds.lookupCode(code))?.used).toBe(false);
      }
    } finally {
      await store.close();
    }
  });

  it('cuts a torn last line of an invitation log: those codes were never shown to anyone', async () => {
    const setup = await setUp(dir, { teachers: 3, support: 2 });
    await setup.store.close();
    const logPath = path.join(dir, 'invitations', `${setup.round.id}.jsonl`);
    const intact = fs.readFileSync(logPath);
    fs.appendFileSync(logPath, '{"group":"leraren","hashes":["ab');
    const store = await openStore({ dataDir: dir });
    try {
      expect(store.stats().recovery.repairs).toEqual([expect.stringMatching(/^invitations\/.*torn last line/)]);
      expect(fs.readFileSync(logPath).equals(intact)).toBe(true);
      expect((await store.rounds.lookupCode(setup.teacherCodes[0]!))?.group).toBe('leraren');
    } finally {
      await store.close();
    }
  });
});
