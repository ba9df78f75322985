import { checkAmoCoverage, type AmoCoverage } from '../levers/amo';
import { AMO_FACTOR_NAMES, LEVER_CLUSTER_NAMES, type Lever } from '../levers/lever';
import {
  priorityExcelFormula,
  QUADRANT_LABELS,
  QUADRANT_THRESHOLD,
  quadrantExcelFormula,
  SCORE_MAX,
  SCORE_MIN,
} from '../levers/scoring';
import { findTheme } from '../instruments/themes';
import type { ScoringView, SuggestionWithLever } from './inputs';
import { allSheetTexts, fillTemplate, type KiesHeaders, type SheetTexts } from './texts';
import { cellText, columnLetter, numberCell, textCell, type CellGrid, type CellValue } from './cells';
import { ID_HEADER, LEVERS_TABLE, roundTableName } from './names';
import type { BlockColumn, ColumnKind, TableBlock } from './tableBlock';

/**
 * The "Kies" sheet: the candidate levers of a round in one table, suggested ones first. The adviser
 * types Impact and Haalbaarheid (1–5) and picks Gekozen; Prioriteit and Kwadrant are live formulas
 * over those two cells; the MT columns are filled from the scoring session.
 */
export type KiesColumnKey = 'id' | keyof KiesHeaders;

export const KIES_COLUMNS: ReadonlyArray<{ key: KiesColumnKey; kind: ColumnKind }> = [
  { key: 'id', kind: 'id' },
  { key: 'number', kind: 'count' },
  { key: 'title', kind: 'text' },
  { key: 'cluster', kind: 'text' },
  { key: 'themes', kind: 'text' },
  { key: 'amo', kind: 'text' },
  { key: 'why', kind: 'text' },
  { key: 'impact', kind: 'score' },
  { key: 'feasibility', kind: 'score' },
  { key: 'priority', kind: 'formula' },
  { key: 'quadrant', kind: 'formula' },
  { key: 'chosen', kind: 'choice' },
  { key: 'mtRaters', kind: 'count' },
  { key: 'mtImpact', kind: 'mean' },
  { key: 'mtFeasibility', kind: 'mean' },
  { key: 'mtMedianImpact', kind: 'mean' },
  { key: 'mtMedianFeasibility', kind: 'mean' },
  { key: 'mtSpreadImpact', kind: 'spread' },
  { key: 'mtSpreadFeasibility', kind: 'spread' },
  { key: 'mtQuadrant', kind: 'text' },
  { key: 'disagreement', kind: 'flag' },
  { key: 'mtRemarks', kind: 'text' },
];

/** The columns a scoring session fills, in sheet order. */
export const MT_KEYS = [
  'mtRaters',
  'mtImpact',
  'mtFeasibility',
  'mtMedianImpact',
  'mtMedianFeasibility',
  'mtSpreadImpact',
  'mtSpreadFeasibility',
  'mtQuadrant',
  'disagreement',
  'mtRemarks',
] as const satisfies readonly KiesColumnKey[];
export type MtKey = (typeof MT_KEYS)[number];

export function kiesColumn(key: KiesColumnKey): number {
  return KIES_COLUMNS.findIndex((column) => column.key === key);
}

/** Sheet rows (zero-based) of the lines above the table; AMO and MT lines are found again from the header. */
export const KIES_HEADER_ROW = 5;
export const AMO_LINE_ABOVE_HEADER = 3;
export const MT_LINE_ABOVE_HEADER = 2;

/** The choices of the drop-downs: Excel's list source is comma-separated in every display language. */
export const SCORE_LIST_SOURCE = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i).join(',');

export function choiceListSource(texts: SheetTexts): string {
  return `${texts.yes},${texts.no}`;
}

/** A drop-down on a column of the Kies table and what its alert says to a value off the list. */
export interface KiesValidationRule {
  column: number;
  source: string;
  title: string;
  message: string;
}

/** The Kies table's drop-downs (impact and feasibility 1–5, chosen yes/no): the add-in and the download write the same. */
export function kiesValidationRules(texts: SheetTexts): KiesValidationRule[] {
  const score = { source: SCORE_LIST_SOURCE, title: texts.kiesScoreAlertTitle, message: texts.kiesScoreAlert };
  return [
    { column: kiesColumn('impact'), ...score },
    { column: kiesColumn('feasibility'), ...score },
    {
      column: kiesColumn('chosen'),
      source: choiceListSource(texts),
      title: texts.kiesChosenAlertTitle,
      message: texts.kiesChosenAlert,
    },
  ];
}

export function kiesHeader(key: KiesColumnKey, texts: SheetTexts): string {
  return key === 'id' ? ID_HEADER : texts.kiesHeaders[key];
}

export function kiesColumns(texts: SheetTexts): BlockColumn[] {
  return KIES_COLUMNS.map(({ key, kind }) => ({ header: kiesHeader(key, texts), kind }));
}

/** What the adviser had in the three input columns, as it was in the cells. */
export interface KeptInput {
  impact: CellValue;
  feasibility: CellValue;
  chosen: CellValue;
}

/** One lever as the sheet holds it now: what the chart and the MT flow need. */
export interface KiesSheetLever {
  leverId: string;
  /** The "Nr." the chart labels points with. */
  number: number | null;
  title: string;
  /** Whole scores 1–5; anything else in the cell counts as not scored. */
  impact: number | null;
  feasibility: number | null;
  chosen: boolean;
  mtImpact: number | null;
  mtFeasibility: number | null;
}

export interface KiesLayoutInput {
  /** The round's id names the table: each round has its own Kies sheet. */
  roundId: string;
  roundName: string;
  suggestions: readonly SuggestionWithLever[];
  /** The organisation's levers (GET /api/levers); retired ones are left out. */
  levers: readonly Lever[];
  scoring?: ScoringView;
  /** The adviser's input of the previous write, by lever id. */
  kept: ReadonlyMap<string, KeptInput>;
  texts: SheetTexts;
  retrievedOn: string;
}

export interface KiesLayout {
  /** Title and explanation, above the AMO and MT lines. */
  titleLines: string[];
  amoLine: string;
  mtLine: string;
  block: TableBlock;
  /** Formulas per formula column, for a table whose header is on `headerRow`. */
  formulas: (headerRow: number) => Array<{ column: number; formulas: string[][] }>;
  levers: KiesSheetLever[];
  amo: AmoCoverage;
  suggested: number;
  /** Rows whose input was carried over from the previous write. */
  kept: number;
  helper: { title: string; grid: CellGrid };
}

export function buildKiesLayout(input: KiesLayoutInput): KiesLayout {
  const { texts } = input;
  const language = texts.language;
  const active = input.levers.filter((lever) => !lever.retired);
  const suggestedIds = new Set(input.suggestions.map((s) => s.leverId));
  const candidates: Array<{ lever: Lever; reasons: string[] }> = [
    ...input.suggestions.map((s) => ({ lever: s.lever, reasons: s.reasons.map((r) => r[language]) })),
    ...active.filter((lever) => !suggestedIds.has(lever.id)).map((lever) => ({ lever, reasons: [] as string[] })),
  ];
  const mtById = new Map((input.scoring?.levers ?? []).map((entry) => [entry.leverId, entry]));

  const levers: KiesSheetLever[] = [];
  let kept = 0;
  const rows: CellGrid = candidates.map(({ lever, reasons }, index) => {
    const previous = input.kept.get(lever.id);
    if (previous && [previous.impact, previous.feasibility, previous.chosen].some((value) => value !== '')) kept += 1;
    const impact = keptScore(previous?.impact);
    const feasibility = keptScore(previous?.feasibility);
    const chosen = keptChoice(previous?.chosen, texts);
    const mt = mtById.get(lever.id);
    levers.push({
      leverId: lever.id,
      number: index + 1,
      title: lever.title[language],
      impact: scoreValue(impact),
      feasibility: scoreValue(feasibility),
      chosen: choiceValue(chosen),
      mtImpact: mt?.summary?.impact.mean ?? null,
      mtFeasibility: mt?.summary?.feasibility.mean ?? null,
    });
    const cells: Record<KiesColumnKey, CellValue> = {
      id: lever.id,
      number: index + 1,
      title: textCell(lever.title[language]),
      cluster: textCell(LEVER_CLUSTER_NAMES[lever.cluster][language]),
      themes: textCell(lever.themes.map((id) => findTheme(id).name[language]).join(', ')),
      amo: textCell(lever.amo.map((factor) => AMO_FACTOR_NAMES[factor][language]).join(', ')),
      why: textCell(reasons.join('\n')),
      impact,
      feasibility,
      priority: '',
      quadrant: '',
      chosen,
      ...mtCellsByKey(mt, texts),
    };
    return KIES_COLUMNS.map(({ key }) => cells[key]);
  });

  const amo = amoForChosen(
    levers.filter((lever) => lever.chosen).map((lever) => lever.leverId),
    input.levers,
  );
  const impactColumn = columnLetter(kiesColumn('impact'));
  const feasibilityColumn = columnLetter(kiesColumn('feasibility'));
  return {
    titleLines: [
      textCell(fillTemplate(texts.kiesTitle, { round: input.roundName })),
      textCell(fillTemplate(texts.kiesIntro, { threshold: QUADRANT_THRESHOLD, date: input.retrievedOn })),
    ],
    amoLine: amoLine(amo, texts),
    mtLine: mtLine(input.scoring, texts, input.retrievedOn),
    block: { tableName: roundTableName(input.roundId, LEVERS_TABLE), columns: kiesColumns(texts), rows },
    formulas: (headerRow) => {
      const cellsOf = (index: number) => {
        const row = headerRow + 2 + index;
        return { impact: `${impactColumn}${row}`, feasibility: `${feasibilityColumn}${row}` };
      };
      return [
        {
          column: kiesColumn('priority'),
          formulas: rows.map((_, i) => [priorityExcelFormula(cellsOf(i).impact, cellsOf(i).feasibility)]),
        },
        {
          column: kiesColumn('quadrant'),
          formulas: rows.map((_, i) => [quadrantExcelFormula(cellsOf(i).impact, cellsOf(i).feasibility, language)]),
        },
      ];
    },
    levers,
    amo,
    suggested: input.suggestions.length,
    kept,
    helper: { title: texts.kiesHelperTitle, grid: quadrantBorderGrid(texts) },
  };
}

/**
 * The two quadrant borders as straight lines for the native chart: label, x (feasibility), y (impact),
 * under a header. Rows 1–2 are the vertical border, rows 3–4 the horizontal one.
 */
export function quadrantBorderGrid(texts: SheetTexts): CellGrid {
  const t = QUADRANT_THRESHOLD;
  return [
    ['', texts.kiesHeaders.feasibility, texts.kiesHeaders.impact],
    [texts.kiesBorderFeasibility, t, SCORE_MIN],
    [texts.kiesBorderFeasibility, t, SCORE_MAX],
    [texts.kiesBorderImpact, SCORE_MIN, t],
    [texts.kiesBorderImpact, SCORE_MAX, t],
  ];
}

type SessionLever = ScoringView['levers'][number];

function mtCellsByKey(entry: SessionLever | undefined, texts: SheetTexts): Record<MtKey, CellValue> {
  const values = mtCells(entry, texts);
  return Object.fromEntries(MT_KEYS.map((key, i) => [key, values[i]!])) as Record<MtKey, CellValue>;
}

/**
 * The MT columns of one lever, in MT_KEYS order. A lever outside the session gets empty cells; a
 * lever nobody scored yet gets 0 raters; remarks are MT members' own words, so they are neutralised.
 */
export function mtCells(entry: SessionLever | undefined, texts: SheetTexts): CellValue[] {
  if (!entry) return MT_KEYS.map(() => '');
  const summary = entry.summary;
  if (!summary) return [0, '', '', '', '', '', '', '', '', remarksCell(entry.remarks)];
  return [
    summary.raters,
    numberCell(summary.impact.mean),
    numberCell(summary.feasibility.mean),
    numberCell(summary.impact.median),
    numberCell(summary.feasibility.median),
    numberCell(summary.impact.range),
    numberCell(summary.feasibility.range),
    QUADRANT_LABELS[summary.quadrant][texts.language],
    summary.disagreement ? texts.yes : texts.no,
    remarksCell(entry.remarks),
  ];
}

function remarksCell(remarks: readonly string[]): string {
  return textCell(remarks.map((remark) => `• ${remark.replace(/\s+/g, ' ').trim()}`).join('\n'));
}

export function amoLine(amo: AmoCoverage, texts: SheetTexts): string {
  return textCell(fillTemplate(texts.kiesAmoLine, { message: amo.message[texts.language] }));
}

export function mtLine(view: ScoringView | undefined, texts: SheetTexts, retrievedOn: string): string {
  if (!view) return texts.kiesMtLineNone;
  return textCell(
    fillTemplate(texts.kiesMtLine, {
      status: view.status === 'open' ? texts.kiesStatusOpen : texts.kiesStatusClosed,
      submitted: view.raters.submitted,
      links: view.raters.links,
      adviser: view.raters.adviser ? texts.kiesMtAdviser : '',
      date: retrievedOn,
    }),
  );
}

/**
 * The AMO check over the chosen levers, with missing factors filled from the organisation's own
 * active levers (custom ones included) rather than the built-in library alone.
 */
export function amoForChosen(chosenIds: Iterable<string>, levers: readonly Lever[]): AmoCoverage {
  const active = levers.filter((lever) => !lever.retired);
  const byId = new Map(active.map((lever) => [lever.id, lever]));
  const chosen = [...new Set(chosenIds)].flatMap((id) => byId.get(id) ?? []);
  return checkAmoCoverage(chosen, active);
}

// ---- reading the sheet back ----

export type KiesColumnMap = Partial<Record<KiesColumnKey, number>>;

/** Columns by header in either language: a Dutch workbook may be refreshed in English Excel. */
export function mapKiesHeader(header: readonly unknown[]): KiesColumnMap {
  const names = header.map((value) => cellText(value).trim().toLowerCase());
  const map: KiesColumnMap = {};
  for (const { key } of KIES_COLUMNS) {
    const candidates = new Set(allSheetTexts().map((texts) => kiesHeader(key, texts).toLowerCase()));
    const index = names.findIndex((name) => candidates.has(name));
    if (index >= 0) map[key] = index;
  }
  return map;
}

export interface ParsedKiesTable {
  levers: KiesSheetLever[];
  kept: Map<string, KeptInput>;
}

/** The table's rows as levers (rows without an id are someone's own additions and are skipped). */
export function parseKiesRows(header: readonly unknown[], rows: readonly (readonly unknown[])[]): ParsedKiesTable {
  const map = mapKiesHeader(header);
  const cell = (row: readonly unknown[], key: KiesColumnKey): CellValue => {
    const index = map[key];
    const value = index === undefined ? '' : row[index];
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : '';
  };
  const levers: KiesSheetLever[] = [];
  const kept = new Map<string, KeptInput>();
  if (map.id === undefined) return { levers, kept };
  for (const row of rows) {
    const leverId = String(cell(row, 'id')).trim();
    if (!leverId || kept.has(leverId)) continue;
    const input = { impact: cell(row, 'impact'), feasibility: cell(row, 'feasibility'), chosen: cell(row, 'chosen') };
    kept.set(leverId, input);
    const number = cell(row, 'number');
    levers.push({
      leverId,
      number: typeof number === 'number' && Number.isFinite(number) ? number : null,
      title: String(cell(row, 'title')),
      impact: scoreValue(input.impact),
      feasibility: scoreValue(input.feasibility),
      chosen: choiceValue(input.chosen),
      mtImpact: finiteNumber(cell(row, 'mtImpact')),
      mtFeasibility: finiteNumber(cell(row, 'mtFeasibility')),
    });
  }
  return { levers, kept };
}

/** A whole score from 1 to 5, typed as a number or as text; anything else is no score. */
export function scoreValue(value: CellValue | undefined): number | null {
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(number) && number >= SCORE_MIN && number <= SCORE_MAX ? number : null;
}

const YES_WORDS = new Set([...allSheetTexts().map((texts) => texts.yes.toLowerCase()), 'x', 'true']);
const NO_WORDS = new Set([...allSheetTexts().map((texts) => texts.no.toLowerCase()), 'false']);

/** "Ja", "Yes", "x" or TRUE: chosen. */
export function choiceValue(value: CellValue | undefined): boolean {
  if (value === true) return true;
  return typeof value === 'string' && YES_WORDS.has(value.trim().toLowerCase());
}

function finiteNumber(value: CellValue): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Numbers stay numbers; text the adviser typed goes back as text, neutralised again. */
function keptScore(value: CellValue | undefined): CellValue {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return textCell(value);
  return '';
}

/** A recognised yes/no is written in the current language, so the drop-down accepts it. */
function keptChoice(value: CellValue | undefined, texts: SheetTexts): CellValue {
  if (choiceValue(value)) return texts.yes;
  if (value === false || (typeof value === 'string' && NO_WORDS.has(value.trim().toLowerCase()))) return texts.no;
  return typeof value === 'string' ? textCell(value) : '';
}
