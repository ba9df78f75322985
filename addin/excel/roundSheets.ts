import type { Language } from '../../core/text';
import {
  QUESTIONNAIRE_BUILTIN_TABLE,
  QUESTIONNAIRE_COLUMNS,
  QUESTIONNAIRE_LEVERS_TABLE,
  QUESTIONNAIRE_TABLE,
  SETTINGS_CHECK_COLUMN,
  STATEMENT_CHECK_COLUMN,
  questionnaireSheetNames,
  type SheetProblem,
  type TemplateLayout,
} from '../../core/sheets/questionnaireSheet';
import {
  INVITATIONS_TABLE,
  allNames,
  invitationRowsFromValues,
  invitationsBlock,
  participationBlock,
  roundSheetTexts,
  type InvitationRow,
  type ParticipationView,
} from '../../core/sheets/roundSheets';
import { sheetTextsFor } from '../i18n';
import { ExcelBatch } from './batch';
import type { ExcelCapabilities } from './capabilities';
import { activateSheet, excelRun, type ExcelRunner } from './pullRound';
import { findSheet, listSheetObjects, queueSheetReset, type FoundSheet } from './sheetAccess';

/** One sheet per workbook under either language's name, made when missing. */
async function findOrAddSheet(batch: ExcelBatch, names: readonly string[]): Promise<FoundSheet> {
  const existing = await findSheet(batch, names);
  if (existing) return existing;
  return { sheet: batch.context.workbook.worksheets.add(names[0]!), name: names[0]!, existed: false };
}
import { setColumnWidth } from './sheetWriting';
import { writeTableBlock } from './tableWriter';

/** Rows read back from a sheet at most: a survey of 50 sections × 200 statements fits easily. */
const MAX_READ_ROWS = 2000;
const WARNING = { fill: '#FFF4CE', font: '#7A4100' } as const;
const PROBLEM = { fill: '#FDE7E9', font: '#A4262C' } as const;

export interface RoundSheetsOptions {
  language: Language;
  capabilities: ExcelCapabilities;
}

/** The round flow's access to the workbook; each call is one Excel.run. */
export interface RoundWorkbook {
  /** Adds the new codes to the Uitnodigingen table, keeping every code already on it. */
  writeInvitations(rows: readonly InvitationRow[]): Promise<{ sheetName: string; rows: number }>;
  writeParticipation(view: ParticipationView, day: string): Promise<{ sheetName: string }>;
  /** Writes the Vragenlijst template unless the sheet is there already (it then only shows it). */
  writeQuestionnaireTemplate(layout: TemplateLayout): Promise<{ sheetName: string; existed: boolean }>;
  /** The Vragenlijst sheet's values from A1, or undefined when there is no such sheet. */
  readQuestionnaire(): Promise<unknown[][] | undefined>;
  /** Writes each problem into its row's check cell (clearing earlier ones), generated ids and the published id. */
  writeQuestionnaireChecks(check: QuestionnaireCheck): Promise<void>;
}

export interface QuestionnaireCheck {
  problems: readonly SheetProblem[];
  /** 1-based rows of the statements table whose check cell should say "fine". */
  okRows: readonly number[];
  generatedIds: ReadonlyArray<{ row: number; id: string }>;
  /** 1-based header row of the statements table, to clear checks below it. */
  headerRow?: number;
  published?: { row: number; id: string; version: number };
  okText: string;
}

export function roundWorkbook(options: RoundSheetsOptions, run: ExcelRunner = excelRun): RoundWorkbook {
  const t = roundSheetTexts(options.language);
  const texts = sheetTextsFor(options.language);
  return {
    async writeInvitations(rows) {
      const result = await run(async (context) => {
        const batch = new ExcelBatch(context, options.capabilities);
        const found = await findOrAddSheet(batch, [t.invitationsSheet, ...allNames((x) => x.invitationsSheet)]);
        let kept: InvitationRow[] = [];
        if (found.existed) {
          // The codes already on the sheet exist nowhere else: read them before rewriting the table.
          const objects = await listSheetObjects(batch, found.sheet);
          const table = objects.tables.find((tb) => tb.name === INVITATIONS_TABLE);
          if (table) {
            const body = table.getDataBodyRange();
            body.load('values');
            await batch.sync();
            // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- batch.sync() is context.sync(); the rule knows only a variable named context
            kept = invitationRowsFromValues(body.values);
          }
          queueSheetReset(found.sheet, objects);
        }
        const all = [...kept, ...rows];
        await batch.reserve(1, 600);
        const note = found.sheet.getRangeByIndexes(0, 0, 1, 1);
        note.numberFormat = [['@']];
        note.values = [[t.onlyCopy]];
        note.format.font.bold = true;
        note.format.font.color = WARNING.font;
        note.format.fill.color = WARNING.fill;
        await writeTableBlock(batch, found.sheet, invitationsBlock(all, t), 2, texts);
        await batch.reserve(0, 300);
        setColumnWidth(found.sheet, 0, 220);
        setColumnWidth(found.sheet, 1, 110);
        setColumnWidth(found.sheet, 2, 330);
        await batch.flush();
        return { sheetName: found.name, rows: all.length };
      });
      await run((context) => activateSheet(context, result.sheetName));
      return result;
    },

    async writeParticipation(view, day) {
      const result = await run(async (context) => {
        const batch = new ExcelBatch(context, options.capabilities);
        const found = await findOrAddSheet(batch, [t.participationSheet, ...allNames((x) => x.participationSheet)]);
        if (found.existed) queueSheetReset(found.sheet, await listSheetObjects(batch, found.sheet));
        await batch.reserve(2, 800);
        const title = found.sheet.getRangeByIndexes(0, 0, 1, 1);
        title.numberFormat = [['@']];
        title.values = [[t.participationTitle(view.name, day)]];
        title.format.font.bold = true;
        title.format.font.size = 12;
        const note = found.sheet.getRangeByIndexes(1, 0, 1, 1);
        note.numberFormat = [['@']];
        note.values = [[t.participationNote(view.anonymityThreshold)]];
        const written = await writeTableBlock(
          batch,
          found.sheet,
          participationBlock(view, t, options.language),
          3,
          texts,
        );
        await batch.reserve(0, 300);
        setColumnWidth(found.sheet, 0, 260);
        for (let c = 1; c < written.columnCount; c += 1) setColumnWidth(found.sheet, c, 90);
        // The total row is not a group: bold sets it apart.
        found.sheet.getRangeByIndexes(written.nextRow - 1, 0, 1, written.columnCount).format.font.bold = true;
        await batch.flush();
        return { sheetName: found.name };
      });
      await run((context) => activateSheet(context, result.sheetName));
      return result;
    },

    async writeQuestionnaireTemplate(layout) {
      const result = await run(async (context) => {
        const batch = new ExcelBatch(context, options.capabilities);
        const names = questionnaireSheetNames();
        const existing = await findSheet(batch, names);
        if (existing) return { sheetName: existing.name, existed: true };
        const found = await findOrAddSheet(batch, [names[options.language === 'nl' ? 0 : 1]!, ...names]);
        const sheet = found.sheet;
        await batch.reserve(layout.grid.length * QUESTIONNAIRE_COLUMNS, 20_000);
        const all = sheet.getRangeByIndexes(0, 0, layout.grid.length, QUESTIONNAIRE_COLUMNS);
        all.numberFormat = layout.grid.map((row) => row.map(() => '@'));
        all.values = layout.grid;
        sheet.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
        sheet.getRangeByIndexes(0, 0, 1, 1).format.font.size = 14;
        sheet.getRangeByIndexes(2, 0, 1, 4).format.font.bold = true;
        await batch.reserve(0, 400);
        const table = sheet.tables.add(
          sheet.getRangeByIndexes(layout.tableHeaderRow, 0, layout.tableRows + 1, QUESTIONNAIRE_COLUMNS),
          true,
        );
        table.name = QUESTIONNAIRE_TABLE;
        table.style = 'TableStyleMedium2';
        const helperColumn = QUESTIONNAIRE_COLUMNS + 1;
        for (const [grid, name] of [
          [layout.levers, QUESTIONNAIRE_LEVERS_TABLE],
          [layout.builtIn, QUESTIONNAIRE_BUILTIN_TABLE],
        ] as const) {
          if (grid.length < 2) continue;
          const column = name === QUESTIONNAIRE_LEVERS_TABLE ? helperColumn : helperColumn + 3;
          await batch.reserve(grid.length * 2, grid.length * 200);
          const range = sheet.getRangeByIndexes(layout.tableHeaderRow, column, grid.length, 2);
          range.numberFormat = grid.map(() => ['@', '@']);
          range.values = grid.map((row) => [...row]);
          const helper = sheet.tables.add(range, true);
          helper.name = name;
          helper.style = 'TableStyleLight1';
        }
        await batch.reserve(0, 600);
        const widths = [160, 140, 110, 380, 300, 110, 180, 130, 300];
        widths.forEach((width, column) => setColumnWidth(sheet, column, width));
        setColumnWidth(sheet, helperColumn, 170);
        setColumnWidth(sheet, helperColumn + 1, 300);
        setColumnWidth(sheet, helperColumn + 3, 130);
        setColumnWidth(sheet, helperColumn + 4, 380);
        sheet.getRangeByIndexes(1, 0, 1, 1).format.wrapText = false;
        await batch.flush();
        return { sheetName: found.name, existed: false };
      });
      await run((context) => activateSheet(context, result.sheetName));
      return result;
    },

    readQuestionnaire: () =>
      run(async (context) => {
        const batch = new ExcelBatch(context, options.capabilities);
        const found = await findSheet(batch, questionnaireSheetNames());
        if (!found) return undefined;
        const range = found.sheet.getRangeByIndexes(0, 0, MAX_READ_ROWS, QUESTIONNAIRE_COLUMNS);
        range.load('values');
        await batch.sync();
        // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- batch.sync() is context.sync(); the rule knows only a variable named context
        const values: unknown[][] = range.values;
        return values.map((row) => [...row]);
      }),

    writeQuestionnaireChecks: (check) =>
      run(async (context) => {
        const batch = new ExcelBatch(context, options.capabilities);
        const found = await findSheet(batch, questionnaireSheetNames());
        if (!found) return;
        const sheet = found.sheet;
        const byCell = new Map<string, string[]>();
        for (const problem of check.problems) {
          const key = `${problem.row}:${problem.column}`;
          byCell.set(key, [...(byCell.get(key) ?? []), problem.message]);
        }
        const lastRow = Math.max(
          check.headerRow ?? 0,
          ...check.problems.map((p) => p.row),
          ...check.okRows,
          (check.headerRow ?? 0) + 1,
        );
        // Earlier checks go first, so a fixed row does not keep its old complaint.
        await batch.reserve(lastRow * 2, lastRow * 20);
        const settingsCheck = sheet.getRangeByIndexes(
          3,
          SETTINGS_CHECK_COLUMN,
          Math.max(1, (check.headerRow ?? 4) - 4),
          1,
        );
        settingsCheck.clear('All');
        if (check.headerRow !== undefined && lastRow > check.headerRow) {
          sheet.getRangeByIndexes(check.headerRow, STATEMENT_CHECK_COLUMN, lastRow - check.headerRow, 1).clear('All');
        }
        for (const [key, messages] of byCell) {
          const [row, column] = key.split(':').map(Number) as [number, number];
          await batch.reserve(1, 400);
          const cell = sheet.getRangeByIndexes(row - 1, column, 1, 1);
          cell.numberFormat = [['@']];
          cell.values = [[messages.join(' ')]];
          cell.format.font.color = PROBLEM.font;
          cell.format.fill.color = PROBLEM.fill;
          cell.format.wrapText = true;
        }
        for (const row of check.okRows) {
          if (byCell.has(`${row}:${STATEMENT_CHECK_COLUMN}`)) continue;
          await batch.reserve(1, 100);
          const cell = sheet.getRangeByIndexes(row - 1, STATEMENT_CHECK_COLUMN, 1, 1);
          cell.numberFormat = [['@']];
          cell.values = [[check.okText]];
        }
        for (const { row, id } of check.generatedIds) {
          await batch.reserve(1, 100);
          const cell = sheet.getRangeByIndexes(row - 1, 2, 1, 1);
          cell.numberFormat = [['@']];
          cell.values = [[id]];
        }
        if (check.published) {
          await batch.reserve(2, 200);
          const cells = sheet.getRangeByIndexes(check.published.row - 1, 1, 1, 2);
          cells.numberFormat = [['@', '@']];
          cells.values = [[check.published.id, `v${check.published.version}`]];
        }
        await batch.flush();
      }),
  };
}
