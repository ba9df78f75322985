/**
 * The example, end to end in the core: 6 starters, 8 teachers, 5 mentors, 3 team leaders and
 * 2 directors, with the adviser's roll-up "leidinggevenden" = directie + teamleiders; release at
 * closing; the comment threshold; priorities that pick a few out of many large gaps.
 */
import { addToTally, buildComments, buildResults, createTally } from '../../core/aggregation';
import { coverageLabel, hiddenReasonLabel, scenarioLabel, tierLabel } from '../../core/anonymityText';
import { FIRST_PRIORITIES, rankPriorities } from '../../core/priorities';
import { roundResultsSchema, type Cell, type RoundResults, type StatementResult } from '../../core/results';
import { roundSchema, type Round } from '../../core/round';
import type { StoredResponse } from '../../core/response';
import { seededRandom } from '../../core/seededRandom';
import { buildResultsLayout } from '../../core/sheets/resultsLayout';
import { buildSummaryLayout } from '../../core/sheets/summaryLayout';
import { sheetTextsFor } from '../../core/sheets/texts';
import { surveySchema, type Survey } from '../../core/survey';

const text = (value: string) => ({ nl: value, en: value });
const GROUPS = ['starters', 'leraren', 'mentoren', 'teamleiders', 'directie'];
const STATEMENTS = Array.from({ length: 14 }, (_, i) => `st${i + 1}`);

const survey: Survey = surveySchema.parse({
  id: 'voorbeeld',
  organisationId: 'org-1',
  builtIn: false,
  createdAt: '2025-01-01T00:00:00.000Z',
  title: text('Voorbeeld'),
  sections: [
    { id: 'deel1', title: text('Deel 1'), statements: STATEMENTS.slice(0, 7).map((id) => ({ id, text: text(id) })) },
    { id: 'deel2', title: text('Deel 2'), statements: STATEMENTS.slice(7).map((id) => ({ id, text: text(id) })) },
  ],
  groups: GROUPS.map((id) => ({ id, name: text(id) })),
});

function makeRound(overrides: Partial<Round> = {}): Round {
  return roundSchema.parse({
    id: 'round-1',
    organisationId: 'org-1',
    surveyId: survey.id,
    name: 'Voorbeeldronde',
    groups: GROUPS,
    anonymityThreshold: 5,
    actionGap: 1,
    status: 'closed',
    createdAt: '2025-01-01T00:00:00.000Z',
    rollUps: [{ id: 'leidinggevenden', name: text('Leidinggevenden'), groups: ['teamleiders', 'directie'] }],
    ...overrides,
  });
}

const SIZES: Record<string, number> = { starters: 6, leraren: 8, mentoren: 5, teamleiders: 3, directie: 2 };

/** Answers with large gaps almost everywhere (as in the issue: 13 of 14 flagged), one statement small. */
function exampleData(seed = 12): StoredResponse[] {
  const random = seededRandom(seed);
  const data: StoredResponse[] = [];
  for (const group of GROUPS) {
    for (let i = 0; i < SIZES[group]; i += 1) {
      const answers: StoredResponse['answers'] = {};
      STATEMENTS.forEach((id, index) => {
        const current = 1 + Math.floor(random() * 3);
        const wanted = index === 13 ? 0 : index < 3 ? 3 : 1 + Math.floor(random() * 2.6);
        answers[id] = [current, Math.min(5, current + wanted)];
      });
      data.push({ roundId: 'round-1', group, day: '2025-03-01', answers, comment: `${group} ${i}` });
    }
  }
  return data;
}

function read(round: Round, data: StoredResponse[]) {
  const tally = createTally(survey, round.groups, round);
  for (const response of data) addToTally(tally, response);
  const results = buildResults({ tally, survey, round });
  roundResultsSchema.parse(results);
  return { results, comments: buildComments({ tally, round }) };
}

const shownIds = (r: RoundResults) => r.groups.filter((g) => g.status === 'shown').map((g) => g.id);

function allCells(r: RoundResults): Cell[] {
  return [...r.statements, ...r.sections].flatMap((row) => [row.overall, ...Object.values(row.byGroup)]);
}

describe('the issue example: 6 starters, 8 teachers, 5 mentors, 3 team leaders, 2 directors', () => {
  const { results, comments } = read(makeRound(), exampleData());

  it('shows starters, teachers, mentors, and leidinggevenden as one group', () => {
    expect(shownIds(results)).toEqual(['starters', 'leraren', 'mentoren', 'leidinggevenden']);
    expect(results.groups.find((g) => g.id === 'leidinggevenden')).toMatchObject({
      kind: 'rollUp',
      source: 'adviser',
      members: ['teamleiders', 'directie'],
      status: 'shown',
      responses: 5,
    });
    for (const id of ['teamleiders', 'directie']) {
      const group = results.groups.find((g) => g.id === id)!;
      expect(group).toMatchObject({
        status: 'suppressed',
        reason: expect.objectContaining({ code: 'combined' }),
        rollUp: 'leidinggevenden',
        responses: { exact: false, atLeast: 0, below: 5 },
      });
      expect(hiddenReasonLabel(group, results, 'nl')).toBe(
        'te weinig antwoorden (minder dan 5); telt mee in "Leidinggevenden"',
      );
    }
  });

  it('never shows a figure resting on fewer than the threshold, also not by subtraction', () => {
    for (const cell of allCells(results)) if (cell.status === 'shown') expect(cell.n).toBeGreaterThanOrEqual(5);
    // Every response is in a shown column, so the total is exact and nothing is left to subtract.
    expect(results.responses).toEqual({
      total: { exact: true, value: 24 },
      shown: 24,
      notShown: { exact: true, value: 0 },
    });
    expect(coverageLabel(results, 'nl')).toBe('24 antwoorden');
    // The roll-up is not a superset of a shown group: leidinggevenden minus any shown column is nothing.
    const columns = results.groups.filter((g) => g.status === 'shown').map((g) => g.members ?? [g.id]);
    expect(new Set(columns.flat()).size).toBe(columns.flat().length);
    // The team leaders' and directors' own figures appear nowhere.
    for (const row of [...results.statements, ...results.sections]) {
      expect(row.byGroup.teamleiders).toEqual({ status: 'suppressed', reason: 'unitNotShown' });
      expect(row.byGroup.directie).toEqual({ status: 'suppressed', reason: 'unitNotShown' });
    }
    expect(comments.map((c) => c.group)).not.toContain('directie');
    expect(comments.filter((c) => c.group === 'leidinggevenden')).toHaveLength(5);
  });

  it('without the directors, the team leaders stay hidden and the total says only "fewer than 5" more', () => {
    const { results: r } = read(
      makeRound(),
      exampleData().filter((d) => d.group !== 'directie'),
    );
    expect(shownIds(r)).toEqual(['starters', 'leraren', 'mentoren']);
    expect(r.groups.find((g) => g.id === 'leidinggevenden')).toMatchObject({
      status: 'suppressed',
      reason: expect.objectContaining({ code: 'belowThreshold' }),
    });
    expect(r.responses.total).toEqual({ exact: false, atLeast: 19, below: 24 });
    expect(coverageLabel(r, 'nl')).toBe(
      '19 antwoorden getoond; daarnaast minder dan 5 in groepen die te klein zijn om te tonen',
    );
    // Mentors (exactly 5) are shown, whatever the small groups hold.
    expect(shownIds(r)).toContain('mentoren');
  });

  it('ranks where action comes first: a short list out of many large gaps', () => {
    const flagged = results.statements.filter((s) => s.overall.status === 'shown' && s.overall.actionNeeded);
    expect(flagged.length).toBeGreaterThanOrEqual(10);
    const { priorities } = results;
    expect(priorities.scenario).toBe('largeGap');
    expect(priorities.first.length).toBeLessThanOrEqual(FIRST_PRIORITIES);
    expect([...priorities.first].sort()).toEqual(['st1', 'st2', 'st3']);
    expect(priorities.first.length).toBeGreaterThan(0);
    expect(priorities.ranked.map((p) => p.rank)).toEqual(priorities.ranked.map((_, i) => i + 1));
    // st14 has no gap: keep and strengthen.
    expect(priorities.ranked.find((p) => p.statementId === 'st14')).toMatchObject({ tier: 3 });
    expect(tierLabel(3, 'nl')).toBe('behouden en versterken');
    expect(scenarioLabel('largeGap', 'nl')).toMatch(/kies wat mogelijk/);
  });
});

describe('the sheets of the issue example', () => {
  const { results } = read(makeRound(), exampleData());
  const context = { texts: sheetTextsFor('nl'), retrievedOn: '24-11-2026' };

  it('Resultaten: reasons, scenario, the first priorities, and rank and tier per statement', () => {
    const layout = buildResultsLayout(results, context, new Map());
    const lines = layout.titleLines.join('\n');
    expect(lines).toContain('Antwoorden: 24 antwoorden.');
    expect(lines).toContain(
      'Niet getoond: teamleiders, directie (te weinig antwoorden (minder dan 5); telt mee in "Leidinggevenden").',
    );
    expect(lines).toContain('kies wat mogelijk, realistisch en haalbaar is en stel prioriteiten');
    expect(lines).toMatch(/Eerst: st\d+ · st\d+ · st\d+\./);
    const block = layout.blocks[0]!;
    const headers = block.columns.map((c) => c.header);
    const rank = headers.indexOf('Prioriteit');
    const tier = headers.indexOf('Aanpak');
    expect(rank).toBeGreaterThan(0);
    expect(block.rows.map((row) => row[tier])).toContain('eerst aanpakken');
    expect(headers.at(-1)).toBe('Welke actie?');
  });

  it('Samenvatting: a ranked block of where action comes first', () => {
    const layout = buildSummaryLayout(results, context);
    const priorities = layout.blocks.find((b) => b.tableName === 'Koers.round_1.Summary.Priorities')!;
    expect(priorities.rows.length).toBeGreaterThan(0);
    expect(priorities.rows.length).toBeLessThanOrEqual(10);
    expect(priorities.rows.map((row) => row[1])).toEqual(priorities.rows.map((_, i) => i + 1));
    expect(priorities.rows.slice(0, results.priorities.first.length).map((row) => row[0])).toEqual(
      results.priorities.first,
    );
  });
});

describe('release at closing (default)', () => {
  it('while open: participation only, no figure, no comment', () => {
    const { results, comments } = read(makeRound({ status: 'open' }), exampleData());
    expect(results.release).toEqual({ mode: 'atClose', state: 'notReleased', reason: 'fieldwork' });
    expect(results.statements).toEqual([]);
    expect(results.sections).toEqual([]);
    expect(comments).toEqual([]);
    expect(results.groups.filter((g) => g.status === 'shown').every((g) => g.comments === 0)).toBe(true);
    expect(results.responses.total).toEqual({ exact: true, value: 24 });
  });
});

describe('comment threshold', () => {
  it('withholds comments of columns below it and keeps their figures', () => {
    const { results, comments } = read(makeRound({ commentThreshold: 7 }), exampleData());
    expect(shownIds(results)).toEqual(['starters', 'leraren', 'mentoren', 'leidinggevenden']);
    expect([...new Set(comments.map((c) => c.group))]).toEqual(['leraren']);
    expect(results.groups.find((g) => g.id === 'mentoren')).toMatchObject({ commentsShown: false, comments: 0 });
    expect(results.commentThreshold).toBe(7);
  });
});

describe('interim releases', () => {
  it('do not show one more response, and move on once every published cell has the threshold more', () => {
    const round = makeRound({ status: 'open', release: 'interim', rollUps: [] });
    const tally = createTally(survey, round.groups, round);
    const data = exampleData();
    const leraren = data.filter((d) => d.group === 'leraren');
    for (const response of leraren.slice(0, 5)) addToTally(tally, response);
    const first = buildResults({ tally, survey, round });
    expect(first.release.state).toBe('interim');
    expect(first.responses.shown).toBe(5);
    // A known colleague answers: the next read is the same release.
    addToTally(tally, leraren[5]);
    expect(buildResults({ tally, survey, round })).toEqual(first);
    // Closing right now would reveal it: the final results stay at the last release and say so.
    const closed = buildResults({ tally, survey, round: { ...round, status: 'closed' } });
    expect(closed.responses.shown).toBe(5);
    expect(closed.release).toMatchObject({ state: 'final', withheldAfterLastRelease: true });
    // Four more teachers: every published cell grew by 5, so a new release comes.
    for (const response of [...leraren.slice(6), ...data.filter((d) => d.group === 'starters').slice(0, 2)])
      addToTally(tally, response);
    expect(buildResults({ tally, survey, round }).responses.shown).toBe(5);
    const more = data.filter((d) => d.group === 'leraren').map((d) => ({ ...d, comment: undefined }));
    for (const response of more.slice(0, 2)) addToTally(tally, response);
    const second = buildResults({ tally, survey, round });
    expect(second.groups.find((g) => g.id === 'leraren')).toMatchObject({ status: 'shown', responses: 10 });
  });
});

describe('rankPriorities', () => {
  const row = (id: string, gap: number | null, ciLow: number | null, n = 10): StatementResult => ({
    statementId: id,
    sectionId: 's',
    text: text(id),
    byGroup: {},
    overall:
      gap === null
        ? { status: 'suppressed', reason: 'fewAnswers' }
        : {
            status: 'shown',
            n,
            meanCurrent: 2,
            meanDesired: 2 + gap,
            gap,
            sdCurrent: 1,
            sdDesired: 1,
            sdGap: 1,
            ciLow,
            ciHigh: ciLow === null ? null : gap + (gap - ciLow),
            actionNeeded: gap >= 1,
            current: { counts: [], dontKnow: 0 },
            desired: { counts: [], dontKnow: 0 },
          },
  });

  it('orders by tier, then by the lower bound of the gap, and names the scenario', () => {
    const p = rankPriorities(
      [row('a', 1.8, 0.9), row('b', 1.5, 1.2), row('c', 0.4, 0.1), row('d', 2.5, 1.1), row('e', null, null)],
      1,
    );
    expect(p.ranked.map((x) => [x.statementId, x.tier])).toEqual([
      ['b', 1],
      ['d', 1],
      ['a', 2],
      ['c', 3],
    ]);
    expect(p.first).toEqual(['b', 'd']);
    expect(p.scenario).toBe('focused');
    expect(rankPriorities([row('c', 0.4, 0.1)], 1)).toMatchObject({ scenario: 'smallGap', first: [] });
    expect(rankPriorities([], 1).scenario).toBe('none');
  });
});
