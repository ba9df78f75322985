import type { ScoringView } from '../api/contracts';
import type { SheetTexts } from '../i18n';
import type { ExcelCapabilities } from './capabilities';
import { writeAmoLine } from './kiesLines';
import { activateSheet, excelRun, type ExcelRunner } from './pullRound';
import { readKiesSheet, type KiesSheetState } from './readKiesSheet';
import { writeKiesSheet, type KiesSheetInput, type KiesSheetReport } from './writeKiesSheet';
import { writeMtScores, type MtWriteReport } from './writeMtScores';

export interface KiesWriteContext {
  texts: SheetTexts;
  retrievedOn: string;
}

/** The Kies flow's access to the workbook: each call is one Excel.run of its own. */
export interface KiesWorkbook {
  writeSheet(input: KiesSheetInput, context: KiesWriteContext): Promise<KiesSheetReport>;
  /** The round's Kies sheet, found by its table wherever it is. */
  readSheet(roundId: string): Promise<KiesSheetState | undefined>;
  /** Into the Kies sheet of the session's round (view.roundId). */
  writeMtScores(view: ScoringView, context: KiesWriteContext): Promise<MtWriteReport | undefined>;
  writeAmoLine(roundId: string, line: string, texts: SheetTexts): Promise<boolean>;
}

/** Binds the Kies writers and readers to Excel.run (or a test's runner over the fake workbook). */
export function kiesWorkbook(capabilities: ExcelCapabilities, run: ExcelRunner = excelRun): KiesWorkbook {
  return {
    async writeSheet(input, { texts, retrievedOn }) {
      const report = await run((context) => writeKiesSheet(context, input, { texts, retrievedOn, capabilities }));
      await run((context) => activateSheet(context, report.sheetName));
      return report;
    },
    readSheet: (roundId) => run((context) => readKiesSheet(context, roundId)),
    writeMtScores: (view, { texts, retrievedOn }) =>
      run((context) => writeMtScores(context, view, { texts, retrievedOn, capabilities })),
    writeAmoLine: (roundId, line, texts) =>
      run((context) => writeAmoLine(context, line, { roundId, texts, capabilities })),
  };
}
