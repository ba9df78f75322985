import type { RoundResults } from '../../core/results';
import { allSheetTexts } from '../i18n';
import { buildResultsLayout } from '../../core/sheets/resultsLayout';
import { readAdviserActions } from './adviserActions';
import { ExcelBatch } from './batch';
import { finishSheetColumns, type SheetWriteOptions, type SheetWriteReport } from './sheetWriting';
import { findOrAddRoundSheet, listSheetObjects, queueSheetReset } from './sheetAccess';
import { sectionTableName } from '../../core/sheets/names';
import { writeLine, writeTableBlock } from './tableWriter';

/**
 * Writes (or rewrites) the results sheet: one table per section, statement rows with the figures of
 * all shown groups and of each group, and the adviser's "Welke actie?" column, whose contents
 * survive a refresh. `context` comes from Excel.run (see pullRound.ts) or from a test's mock.
 */
export async function writeResultsSheet(
  context: Excel.RequestContext,
  results: RoundResults,
  options: SheetWriteOptions,
): Promise<SheetWriteReport> {
  const { texts } = options;
  const batch = new ExcelBatch(context, options.capabilities, options.limits);
  const found = await findOrAddRoundSheet(batch, {
    tableNames: results.sections.map((section) => sectionTableName(results.roundId, section.sectionId)),
    sheetNames: [texts.resultsSheet, ...allSheetTexts().map((t) => t.resultsSheet)],
    roundName: results.roundName,
  });
  let actions = new Map<string, string | number | boolean>();
  if (found.existed) {
    const objects = await listSheetObjects(batch, found.sheet);
    // "Welke actie?" is kept per round: only this round's tables are read, wherever they are now.
    actions = await readAdviserActions(
      batch,
      found.tables.map((entry) => entry.table),
    );
    queueSheetReset(found.sheet, objects, found);
  }

  const layout = buildResultsLayout(results, options, actions);
  const total = layout.blocks.reduce((sum, block) => sum + block.rows.length, 0);
  let done = 0;
  let row = 0;
  for (const [index, line] of layout.titleLines.entries()) {
    await writeLine(batch, found.sheet, row, line, index === 0 ? { bold: true, size: 14 } : {});
    row += 1;
  }
  const written = [];
  for (const block of layout.blocks) {
    row += 1;
    const before = done;
    const writtenBlock = await writeTableBlock(batch, found.sheet, block, row, texts, (rows) =>
      options.onProgress?.(before + rows, total),
    );
    done += block.rows.length;
    written.push(writtenBlock);
    row = writtenBlock.nextRow;
  }
  await finishSheetColumns(batch, found.sheet, written, {
    hideIdColumn: true,
    wideTextColumn: 1,
    lastColumnWide: true,
  });
  await batch.flush();
  options.onProgress?.(total, total);

  const keptActions = layout.blocks
    .flatMap((block) => block.rows)
    .filter((cells) => actions.has(String(cells[0]))).length;
  return {
    sheetName: found.name,
    tables: layout.blocks.map((block) => block.tableName),
    syncs: batch.syncs,
    keptActions,
  };
}
