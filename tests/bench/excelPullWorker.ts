/**
 * One Excel pull measured with the add-in's Excel mock (tests/addin/fakeExcel.ts, built on
 * office-addin-mock): `tsx tests/bench/excelPullWorker.ts <rows>` writes a round with <rows>
 * response rows × 60 columns (group, 29 statements × current/desired, comment) through the add-in's
 * own pullRoundIntoWorkbook, and prints one JSON line with the sync count and request sizes.
 * Run in its own process by excelPull.ts: 100k rows make a workbook of 6 million cells in memory.
 */
import { performance } from 'node:perf_hooks';
import { addToTally, buildResults, createTally } from '../../core/aggregation';
import { shrmSurvey } from '../../core/instruments';
import type { StoredResponse } from '../../core/response';
import { roundSchema } from '../../core/round';
import { listStatements, surveySchema } from '../../core/survey';
import type { RoundResponses } from '../../addin/api/contracts';
import { pullRoundIntoWorkbook } from '../../addin/excel/pullRound';
import { sheetTextsFor } from '../../addin/i18n';
import { DEFAULT_LIMITS } from '../../core/sheets/chunks';
import { FakeWorkbook } from '../addin/fakeExcel';
import { seededRandom } from './lib/random';

const STATEMENTS = 29; // 1 group column + 29 × 2 ratings + 1 comment column = 60 columns
const GROUPS = ['directie', 'teamleiders', 'leraren', 'oop', 'po-hr'];

async function main(): Promise<void> {
  const rowCount = Number(process.argv[2] ?? 1000);
  const random = seededRandom(rowCount);

  // The SHRM instrument cut to its first 29 statements.
  let left = STATEMENTS;
  const base = shrmSurvey();
  const sections = base.sections
    .map((section) => {
      const statements = section.statements.slice(0, Math.max(0, left));
      left -= statements.length;
      return { ...section, statements };
    })
    .filter((section) => section.statements.length > 0);
  const survey = surveySchema.parse({
    ...base,
    sections,
    id: 'bench',
    organisationId: 'org-bench',
    builtIn: false,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  const statementIds = listStatements(survey).map((s) => s.id);
  const round = roundSchema.parse({
    id: 'round-bench',
    organisationId: 'org-bench',
    surveyId: survey.id,
    name: 'Benchmark',
    groups: GROUPS,
    anonymityThreshold: 5,
    actionGap: 1,
    status: 'open',
    createdAt: '2026-01-01T00:00:00.000Z',
  });

  const tally = createTally(survey, GROUPS);
  const rows: RoundResponses['rows'] = [];
  for (let i = 0; i < rowCount; i += 1) {
    const answers: StoredResponse['answers'] = {};
    for (const id of statementIds) {
      const rating = (): number | null => (random() < 0.08 ? null : 1 + Math.floor(random() * 5));
      answers[id] = [rating(), rating()];
    }
    const group = GROUPS[i % GROUPS.length]!;
    const comment = i % 10 === 0 ? `Opmerking ${i}: meer ruimte in het rooster voor het thema, graag.` : undefined;
    rows.push({ group, answers, ...(comment ? { comment } : {}) });
    addToTally(tally, { roundId: round.id, group, day: '2026-11-24', answers, ...(comment ? { comment } : {}) });
  }
  const results = buildResults({ tally, survey, round });
  const responses: RoundResponses = { roundId: round.id, statementIds, groups: GROUPS, rows };

  const workbook = new FakeWorkbook();
  const began = performance.now();
  const report = await pullRoundIntoWorkbook(
    {
      results,
      responses,
      texts: sheetTextsFor('nl'),
      retrievedOn: '24-11-2026',
      capabilities: { suspendCalculation: true, suspendScreenUpdating: true },
    },
    () => {},
    workbook.run,
  );
  const ms = performance.now() - began;
  const table = workbook.requireTable(workbook.koersTable('Responses'));
  // The responses sheet's syncs are the ones between the results sheet's and the summary's.
  const responseSyncs = workbook.syncLog.slice(report.results.syncs, report.results.syncs + report.responses.syncs);
  const columns = table.rect.cols;
  const result = {
    rows: rowCount,
    columns,
    cells: (rowCount + 1) * columns,
    tableRows: table.rect.rows - 1,
    syncs: report.responses.syncs,
    chunks: responseSyncs.filter((sync) => sync.cells > 0).length,
    expectedChunks: Math.ceil(((rowCount + 1) * columns) / DEFAULT_LIMITS.maxCellsPerRequest),
    largestRequestBytes: Math.max(...workbook.syncLog.map((sync) => sync.bytes)),
    largestRequestCells: Math.max(...workbook.syncLog.map((sync) => sync.cells)),
    totalSyncs: workbook.syncLog.length,
    formulaCells: workbook.formulaCells().length,
    ms,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
