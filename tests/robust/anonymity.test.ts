/**
 * Anonymity over HTTP: random rounds with groups above and below their threshold, statements that
 * few people rated, blank and non-blank comments. No endpoint returns a number, row or comment of a
 * group below its threshold; every pooled figure equals the sum of the published figures it is built
 * from (so subtracting published figures isolates nothing); and adding a response to a suppressed
 * group changes no published figure except the progress count.
 */
import type { Cell, RoundComments, RoundResults, ShownCell } from '../../core/results';
import {
  AdminApi,
  createOrganisations,
  killLeftoverServers,
  removeDir,
  serve,
  tempDataDir,
  type HttpClient,
} from './support/fixture';
import { intBetween, seededRandom, SHRM_STATEMENT_IDS } from './support/respondents';

const SCENARIOS = 30;
const ALL_GROUPS = ['directie', 'teamleiders', 'leraren', 'oop', 'po-hr'];
const seed = Number(process.env.ROBUST_SEED ?? 777);

let dataDir: string;
afterAll(async () => {
  await killLeftoverServers();
  removeDir(dataDir);
});

/** What the scenarios covered, so a lucky seed cannot make the test vacuous. */
const coverage = { hiddenGroups: 0, complementary: 0, suppressedCellsInShownGroups: 0, shownCells: 0 };

interface Scenario {
  roundId: string;
  threshold: number;
  sizes: Record<string, number>;
  spareCodes: Record<string, string[]>;
  marker: string;
}

test(`no endpoint reveals a group below its threshold, directly or by difference (${SCENARIOS} rounds, seed ${seed})`, async () => {
  dataDir = tempDataDir('anonymity');
  const [org] = await createOrganisations(dataDir, ['Anoniem College']);
  const { client, stop } = await serve(dataDir);
  const admin = new AdminApi(client, org!.apiKey);
  const random = seededRandom(seed);
  let checkedDifferences = 0;

  for (let s = 0; s < SCENARIOS; s += 1) {
    const scenario = await createScenario(admin, client, random, s);
    const first = await checkEverything(admin, client, scenario);

    // Difference attack: one more response in a group that stays suppressed.
    const candidates = Object.entries(scenario.sizes).filter(
      ([group, size]) =>
        first.results.groups.find((g) => g.id === group)?.status === 'suppressed' && size + 1 < scenario.threshold,
    );
    if (candidates.length > 0) {
      const [group] = candidates[intBetween(random, 0, candidates.length - 1)]!;
      await submit(client, random, scenario.spareCodes[group]!.pop()!, `${scenario.marker}-${group}-extra`, null);
      scenario.sizes[group]! += 1;
      const second = await checkEverything(admin, client, scenario);
      expect(second.results.responseCount).toBe(first.results.responseCount + 1);
      const shownBefore = first.results.groups.filter((g) => g.status === 'shown').map((g) => g.id);
      const shownAfter = second.results.groups.filter((g) => g.status === 'shown').map((g) => g.id);
      expect(shownAfter).not.toContain(group);
      // The extra response may lift complementary suppression of another group (the hidden total grew);
      // what was published for a group before is published unchanged after, and the rest only when
      // the shown groups stayed the same.
      const common = shownBefore.filter((g) => shownAfter.includes(g));
      const rowsOf = (results: RoundResults) => [...results.statements, ...results.sections];
      rowsOf(first.results).forEach((row, i) => {
        for (const g of common) expect(rowsOf(second.results)[i]!.byGroup[g]).toEqual(row.byGroup[g]);
      });
      const commentsOf = (comments: RoundComments) => comments.comments.filter((c) => common.includes(c.group));
      expect(commentsOf(second.comments)).toEqual(commentsOf(first.comments));
      const rowsIn = (text: string) =>
        (JSON.parse(text) as { rows: Array<{ group: string }> }).rows.filter((r) => common.includes(r.group));
      expect(rowsIn(second.rowsText)).toEqual(rowsIn(first.rowsText));
      if (shownAfter.join() === shownBefore.join()) {
        expect(publishedFigures(second.results)).toEqual(publishedFigures(first.results));
        expect(second.rowsText).toBe(first.rowsText);
      }
      checkedDifferences += 1;
    }
  }
  expect(checkedDifferences).toBeGreaterThan(3);
  console.log(`anonymity: ${JSON.stringify({ ...coverage, checkedDifferences })}`);
  expect(coverage.hiddenGroups).toBeGreaterThan(5);
  expect(coverage.complementary).toBeGreaterThan(0);
  expect(coverage.suppressedCellsInShownGroups).toBeGreaterThan(0);
  expect(coverage.shownCells).toBeGreaterThan(100);
  await stop();
});

async function createScenario(
  admin: AdminApi,
  client: HttpClient,
  random: () => number,
  index: number,
): Promise<Scenario> {
  const threshold = intBetween(random, 2, 6);
  const groups = ALL_GROUPS.filter(() => random() < 0.7);
  if (groups.length < 2) groups.push(...ALL_GROUPS.filter((g) => !groups.includes(g)).slice(0, 2 - groups.length));
  const round = await admin.createRound({
    surveyId: 'shrm',
    groups,
    anonymityThreshold: threshold,
    name: `Scenario ${index}`,
  });
  const marker = `anon${index}x`;
  const sizes: Record<string, number> = {};
  const spareCodes: Record<string, string[]> = {};
  // A statement that only a few respondents rate on both dimensions, so its cell can be suppressed
  // inside a group that is shown.
  const rare = SHRM_STATEMENT_IDS[intBetween(random, 0, SHRM_STATEMENT_IDS.length - 1)]!;
  for (const group of groups) {
    const size =
      random() < 0.4 ? intBetween(random, 0, threshold - 1) : intBetween(random, threshold, threshold * 2 + 2);
    sizes[group] = size;
    const codes = await admin.invite(round.id, group, size + 3);
    spareCodes[group] = codes.slice(size);
    await Promise.all(
      codes.slice(0, size).map((code, i) => submit(client, random, code, `${marker}-${group}-${i}`, rare)),
    );
  }
  return { roundId: round.id, threshold, sizes, spareCodes, marker };
}

async function submit(
  client: HttpClient,
  random: () => number,
  code: string,
  comment: string,
  rare: string | null,
): Promise<void> {
  const answers = SHRM_STATEMENT_IDS.filter(() => random() > 0.1).map((statementId) => {
    const rating = (): number | null => (random() < 0.1 ? null : intBetween(random, 1, 5));
    const pairedRarely = statementId === rare && random() < 0.75;
    return { statementId, current: pairedRarely ? null : rating(), desired: rating() };
  });
  if (answers.length === 0) answers.push({ statementId: 'int-goals', current: 2, desired: 4 });
  const body = {
    code,
    answers,
    ...(random() < 0.8 ? { comment: random() < 0.1 ? '   ' : `${comment} <b>tekst</b>` } : {}),
  };
  const res = await client.post('/api/responses', body);
  if (res.status !== 201) throw new Error(`submit: ${res.status} ${res.text}`);
}

async function checkEverything(
  admin: AdminApi,
  client: HttpClient,
  scenario: Scenario,
): Promise<{ results: RoundResults; comments: RoundComments; rowsText: string }> {
  const { roundId, threshold, sizes, marker } = scenario;
  const results = await admin.getJson<RoundResults>(`/api/rounds/${roundId}/results`);
  const comments = await admin.getJson<RoundComments>(`/api/rounds/${roundId}/comments`);
  const responses = await admin.get(`/api/rounds/${roundId}/responses`);
  const csvNl = await admin.get(`/api/rounds/${roundId}/responses?format=csv`);
  const csvEn = await admin.get(`/api/rounds/${roundId}/responses?format=csv&lang=en&separator=comma`);
  const rounds = await admin.get('/api/rounds');
  const round = await admin.get(`/api/rounds/${roundId}`);
  const suggestions = await admin.get(`/api/rounds/${roundId}/suggestions`);
  const forms = await Promise.all(
    Object.values(scenario.spareCodes).map((codes) => client.get(`/api/form/${codes[0]}`)),
  );
  for (const res of [responses, csvNl, csvEn, rounds, round, suggestions, ...forms]) expect(res.status).toBe(200);

  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  expect(results.responseCount).toBe(total);
  const shown = results.groups.filter((g) => g.status === 'shown');
  const shownIds = shown.map((g) => g.id);
  const hidden = Object.keys(sizes).filter((g) => !shownIds.includes(g));
  coverage.hiddenGroups += hidden.length;
  coverage.complementary += hidden.filter((g) => sizes[g]! >= threshold).length;

  // Rule 1: a shown group has at least `threshold` responses, and reports exactly its count.
  for (const group of results.groups) {
    if (group.status === 'shown') {
      expect(group.responses).toBe(sizes[group.id]);
      expect(group.responses).toBeGreaterThanOrEqual(threshold);
    } else {
      expect(Object.keys(group).sort()).toEqual(['id', 'name', 'status']);
    }
  }
  // Rule 2: the published total minus the shown groups never isolates fewer than `threshold` people
  // (with no group shown, the total is only the progress figure; anonymity.ts explains why that is safe).
  const hiddenTotal = total - shown.reduce((sum, g) => sum + (g.status === 'shown' ? g.responses : 0), 0);
  expect({
    hiddenTotal,
    ok: hiddenTotal === 0 || hiddenTotal >= threshold || shown.length === 0,
    sizes,
    threshold,
  }).toMatchObject({ ok: true });

  // Rules 3 and 4: cells, pooled figures, and the sums behind them.
  for (const row of [...results.statements, ...results.sections]) {
    for (const group of hidden) expect(row.byGroup[group]).toEqual({ status: 'suppressed' });
    checkCell(row.overall, threshold);
    const parts = shownIds.map((g) => row.byGroup[g]!).filter((cell): cell is ShownCell => cell.status === 'shown');
    for (const cell of Object.values(row.byGroup)) checkCell(cell, threshold);
    coverage.shownCells += parts.length;
    coverage.suppressedCellsInShownGroups += shownIds.filter((g) => row.byGroup[g]!.status === 'suppressed').length;
    // The overall is exactly the sum of the shown group cells: overall − Σ parts = 0, nothing left over.
    expectPooled(row.overall, parts);
  }
  for (const section of results.sections) {
    const statementRows = results.statements.filter((st) => st.sectionId === section.sectionId);
    for (const group of shownIds) {
      const parts = statementRows
        .map((st) => st.byGroup[group]!)
        .filter((cell): cell is ShownCell => cell.status === 'shown');
      expectPooled(section.byGroup[group]!, parts);
    }
  }

  // Rule 5 and every other endpoint: nothing of a hidden group, not a comment, not a row. The
  // comment count a shown group reports is what the comments endpoint holds for it.
  for (const comment of comments.comments) expect(shownIds).toContain(comment.group);
  for (const group of shown) {
    if (group.status === 'shown')
      expect(comments.comments.filter((c) => c.group === group.id).length).toBe(group.comments);
  }
  const rows = (responses.json as { rows: Array<{ group: string }> }).rows;
  expect(rows.length).toBe(shown.reduce((sum, g) => sum + (g.status === 'shown' ? g.responses : 0), 0));
  for (const row of rows) expect(shownIds).toContain(row.group);
  for (const csv of [csvNl.text, csvEn.text]) {
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/)
      .slice(1)
      .filter((line) => line !== '');
    expect(lines.length).toBe(rows.length);
    for (const line of lines) expect(shownIds).toContain(line.split(/[;,]/)[0]);
  }
  const everything = [
    JSON.stringify(results),
    JSON.stringify(comments),
    responses.text,
    csvNl.text,
    csvEn.text,
    rounds.text,
    round.text,
    suggestions.text,
    ...forms.map((f) => f.text),
  ].join('\n');
  for (const group of hidden) expect(everything).not.toContain(`${marker}-${group}-`);
  for (const form of forms) expect(form.text).not.toMatch(/responseCount|"responses"|"n"/);
  return { results, comments, rowsText: responses.text };
}

function checkCell(cell: Cell, threshold: number): void {
  if (cell.status === 'suppressed') expect(Object.keys(cell)).toEqual(['status']);
  else expect(cell.n).toBeGreaterThanOrEqual(threshold);
}

/** A pooled cell is suppressed, or it equals the sum of its published parts in n, sums and counts. */
function expectPooled(pooled: Cell, parts: ShownCell[]): void {
  const n = parts.reduce((sum, p) => sum + p.n, 0);
  if (pooled.status === 'suppressed') {
    // Suppressed only because the parts together are too few (or there are none).
    expect(n === 0 || parts.length > 0).toBe(true);
    return;
  }
  expect(pooled.n).toBe(n);
  const sum = (pick: (p: ShownCell) => number): number => parts.reduce((total, p) => total + pick(p), 0);
  expect(pooled.meanCurrent! * pooled.n).toBeCloseTo(
    sum((p) => p.meanCurrent! * p.n),
    6,
  );
  expect(pooled.meanDesired! * pooled.n).toBeCloseTo(
    sum((p) => p.meanDesired! * p.n),
    6,
  );
  for (const dimension of ['current', 'desired'] as const) {
    expect(pooled[dimension].dontKnow).toBe(sum((p) => p[dimension].dontKnow));
    pooled[dimension].counts.forEach((count, i) => expect(count).toBe(sum((p) => p[dimension].counts[i]!)));
  }
}

/** Every published figure of a result, without the progress count. */
function publishedFigures(results: RoundResults): unknown {
  const { responseCount: _count, ...rest } = results;
  return rest;
}
