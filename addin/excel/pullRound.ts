import type { RoundResults } from '../../core/results';
import type { RoundResponses } from '../api/contracts';
import type { SheetTexts } from '../i18n';
import type { RequestLimits } from '../../core/sheets/chunks';
import type { ExcelCapabilities } from './capabilities';
import type { SheetWriteReport } from './sheetWriting';
import { writeResponsesSheet } from './writeResponsesSheet';
import { writeResultsSheet } from './writeResultsSheet';
import { writeSummarySheet } from './writeSummarySheet';

export interface PullInput {
  results: RoundResults;
  responses: RoundResponses;
  texts: SheetTexts;
  retrievedOn: string;
  capabilities: ExcelCapabilities;
  limits?: RequestLimits;
}

export interface PullReport {
  results: SheetWriteReport;
  responses: SheetWriteReport;
  summary: SheetWriteReport;
}

/** Runs one batch function in Excel; a test passes its own runner with a mock context. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export const excelRun: ExcelRunner = (batch) => Excel.run(batch);

/**
 * Writes the three sheets, one Excel.run each, and reports progress over all of them as rows
 * written (results rows, then response rows, then one step for the summary).
 */
export async function pullRoundIntoWorkbook(
  input: PullInput,
  onProgress: (done: number, total: number) => void = () => {},
  run: ExcelRunner = excelRun,
): Promise<PullReport> {
  const resultRows = input.results.statements.length;
  const responseRows = input.responses.rows.length;
  const total = resultRows + responseRows + 1;
  const options = {
    texts: input.texts,
    retrievedOn: input.retrievedOn,
    capabilities: input.capabilities,
    limits: input.limits,
  };
  onProgress(0, total);

  const results = await run((context) =>
    writeResultsSheet(context, input.results, {
      ...options,
      onProgress: (done) => onProgress(Math.min(done, resultRows), total),
    }),
  );
  const responses = await run((context) =>
    writeResponsesSheet(context, input.responses, input.results, {
      ...options,
      onProgress: (done) => onProgress(resultRows + Math.min(done, responseRows), total),
    }),
  );
  const summary = await run((context) => writeSummarySheet(context, input.results, options));
  await run((context) => activateSheet(context, results.sheetName));
  onProgress(total, total);
  return { results, responses, summary };
}

/** Shows the results sheet when the pull is done. */
export async function activateSheet(context: Excel.RequestContext, name: string): Promise<void> {
  context.workbook.worksheets.getItem(name).activate();
  await context.sync();
}
