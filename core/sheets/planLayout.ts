import type { Lever } from '../levers/lever';
import type { RoundResults } from '../results';
import { columnLetter, numberCell, textCell, type CellGrid, type CellValue } from './cells';
import {
  allCycleTexts,
  CONDITION_STATES,
  fillCycle,
  listSource,
  OWNER_ROLES,
  PLAN_STATUSES,
  schoolYearMonths,
  type CycleTexts,
  type IndicatorHeaders,
  type PlanHeaders,
} from './cycleTexts';
import { INDICATORS_TABLE, PLAN_TABLE, STATEMENTS_TABLE } from './cycleNames';
import {
  blockColumns,
  columnIndex,
  freshKey,
  hasAny,
  inputHeaderMap,
  keptChoice,
  keptValue,
  numberValue,
  readRows,
  rowCells,
  type InputColumn,
  type ReadRow,
} from './inputTable';
import type { BlockColumn, TableBlock } from './tableBlock';

/**
 * Doe: the Plan sheet (activities per chosen lever over the school year) and the Indicatoren sheet
 * (per lever the statements whose gap should shrink, with a target). Both are rebuilt from the levers
 * marked Gekozen on the Kies sheet; what the adviser typed is kept by key: "<lever id>::<n>" per
 * activity or indicator, whatever order the rows were sorted into. A row the adviser added has no key:
 * it joins the lever whose title it carries, or stays as an own row.
 */
export type PlanKey = keyof PlanHeaders;
export const PLAN_COLUMNS: ReadonlyArray<InputColumn<PlanKey | 'id'>> = [
  { key: 'id', kind: 'id' },
  { key: 'number', kind: 'count' },
  { key: 'lever', kind: 'text' },
  { key: 'activity', kind: 'text' },
  { key: 'owner', kind: 'choice' },
  { key: 'start', kind: 'text' },
  { key: 'end', kind: 'text' },
  { key: 'status', kind: 'choice' },
  { key: 'time', kind: 'choice' },
  { key: 'budget', kind: 'choice' },
  { key: 'leadership', kind: 'choice' },
  { key: 'notes', kind: 'text' },
];
const PLAN_INPUTS = [
  'activity',
  'owner',
  'start',
  'end',
  'status',
  'time',
  'budget',
  'leadership',
  'notes',
] as const satisfies readonly PlanKey[];

export function planColumn(key: PlanKey | 'id'): number {
  return columnIndex(PLAN_COLUMNS, key);
}

/** First column of the twelve month columns, right after the plan's own columns. */
export const TIMELINE_FIRST_COLUMN = PLAN_COLUMNS.length;

export type IndicatorKey = keyof IndicatorHeaders;
export const INDICATOR_COLUMNS: ReadonlyArray<InputColumn<IndicatorKey | 'id'>> = [
  { key: 'id', kind: 'id' },
  { key: 'number', kind: 'count' },
  { key: 'lever', kind: 'text' },
  { key: 'statementId', kind: 'text' },
  { key: 'statement', kind: 'formula' },
  { key: 'startGap', kind: 'formula' },
  { key: 'targetGap', kind: 'mean' },
  { key: 'notes', kind: 'text' },
];
const INDICATOR_INPUTS = ['statementId', 'targetGap', 'notes'] as const satisfies readonly IndicatorKey[];

export function indicatorColumn(key: IndicatorKey | 'id'): number {
  return columnIndex(INDICATOR_COLUMNS, key);
}

/** The chosen levers as the Kies sheet holds them, in sheet order. */
export interface ChosenLever {
  leverId: string;
  number: number | null;
  title: string;
}

function planHeaderMap() {
  return inputHeaderMap(PLAN_COLUMNS, (texts) => texts.planHeaders);
}

function indicatorHeaderMap() {
  return inputHeaderMap(INDICATOR_COLUMNS, (texts) => texts.indicatorHeaders);
}

export function parsePlanRows(header: readonly unknown[], rows: readonly (readonly unknown[])[]) {
  return readRows(planHeaderMap(), header, rows);
}

export function parseIndicatorRows(header: readonly unknown[], rows: readonly (readonly unknown[])[]) {
  return readRows(indicatorHeaderMap(), header, rows);
}

/** An indicator as the comparison reads it from the Indicatoren sheet. */
export interface PlanIndicator {
  lever: string;
  statementId: string;
  target: number | null;
}

export function indicatorsFromRows(rows: ReadonlyArray<ReadRow<IndicatorKey>>): PlanIndicator[] {
  return rows.flatMap((row) => {
    const statementId = String(row.values.statementId ?? '').trim();
    if (!statementId) return [];
    return [{ lever: String(row.values.lever ?? ''), statementId, target: numberValue(row.values.targetGap) }];
  });
}

interface Grouped<K extends string> {
  /** Rows per lever id, in the order they had. */
  byLever: Map<string, Array<ReadRow<K>>>;
  /** Rows belonging to no lever. */
  own: Array<ReadRow<K>>;
}

/**
 * Sorts read rows onto levers: by the lever id in their key; a row without key by its lever title
 * (as written in either language); else an own row. Empty rows without key are dropped.
 */
function groupRows<K extends string>(
  rows: ReadonlyArray<ReadRow<K>>,
  inputs: readonly K[],
  leverKey: K,
  titles: ReadonlyMap<string, string>,
): Grouped<K> {
  const byLever = new Map<string, Array<ReadRow<K>>>();
  const own: Array<ReadRow<K>> = [];
  for (const row of rows) {
    const separator = row.id.indexOf('::');
    let leverId = separator > 0 ? row.id.slice(0, separator) : '';
    if (leverId === 'own') leverId = '';
    if (!leverId && row.id === '') {
      const title = String(row.values[leverKey] ?? '')
        .trim()
        .toLowerCase();
      leverId = (title && titles.get(title)) || '';
    }
    if (!hasAny(row, inputs) && !(leverId && row.id)) continue;
    if (!leverId) {
      if (hasAny(row, inputs)) own.push(row);
      continue;
    }
    const list = byLever.get(leverId) ?? [];
    list.push(row);
    byLever.set(leverId, list);
  }
  return { byLever, own };
}

/** Keys per row: kept when "<lever>::<n>" and unused, fresh otherwise (copied rows repeat a key). */
function keysFor<K extends string>(prefix: string, rows: ReadonlyArray<ReadRow<K>>, used: Set<string>): string[] {
  const keys: Array<string | undefined> = rows.map((row) => {
    if (!row.id.startsWith(`${prefix}::`) || used.has(row.id)) return undefined;
    used.add(row.id);
    return row.id;
  });
  return keys.map((key) => key ?? freshKey(`${prefix}::`, used));
}

export interface PlanLayoutInput {
  chosen: readonly ChosenLever[];
  keptPlan: ReadonlyArray<ReadRow<PlanKey>>;
  keptIndicators: ReadonlyArray<ReadRow<IndicatorKey>>;
  /** The round the plan starts from: its statements fill the code list and the starting gaps. */
  results?: RoundResults;
  /** The organisation's levers, for the statements a new lever's first indicator suggests. */
  levers: readonly Lever[];
  schoolYear: number;
  texts: CycleTexts;
  retrievedOn: string;
}

export interface PlanLayout {
  titleLines: string[];
  plan: TableBlock;
  months: string[];
  monthSource: string;
  sources: { owner: string; status: string; condition: string };
  indicatorLines: string[];
  indicators: TableBlock;
  indicatorFormulas(headerRow: number): Array<{ column: number; formulas: string[][] }>;
  statements: TableBlock;
  /** Levers that got their first rows now; rows whose input was kept. */
  newLevers: number;
  keptRows: number;
  /** Kept levers that are no longer chosen (their typed rows stay). */
  dropped: number;
}

const isKey = (value: string) => value.length > 0;

export function buildPlanLayout(input: PlanLayoutInput): PlanLayout {
  const { texts } = input;
  const language = texts.language;
  const months = schoolYearMonths(input.schoolYear, language);
  const chosenIds = new Set(input.chosen.map((lever) => lever.leverId));
  const titles = new Map<string, string>();
  for (const lever of input.levers)
    for (const title of Object.values(lever.title)) titles.set(title.toLowerCase(), lever.id);
  for (const lever of input.chosen) titles.set(lever.title.toLowerCase(), lever.leverId);

  const plan = groupRows(input.keptPlan, PLAN_INPUTS, 'lever', titles);
  const indicators = groupRows(input.keptIndicators, INDICATOR_INPUTS, 'lever', titles);
  // Levers with typed rows that are no longer chosen stay, after the chosen ones.
  const leverOrder: ChosenLever[] = [...input.chosen];
  const titleOf = new Map(input.chosen.map((lever) => [lever.leverId, lever.title]));
  let dropped = 0;
  for (const leverId of new Set([...plan.byLever.keys(), ...indicators.byLever.keys()])) {
    if (chosenIds.has(leverId)) continue;
    const rows = [...(plan.byLever.get(leverId) ?? []), ...(indicators.byLever.get(leverId) ?? [])];
    if (!rows.some((row) => hasAny(row, [...PLAN_INPUTS, ...INDICATOR_INPUTS] as never[]))) continue;
    const known = input.levers.find((lever) => lever.id === leverId);
    const title = known ? known.title[language] : String(rows[0]?.values.lever ?? leverId);
    leverOrder.push({ leverId, number: null, title });
    titleOf.set(leverId, title);
    dropped += 1;
  }

  const planRows: CellGrid = [];
  const usedPlan = new Set(input.keptPlan.map((row) => row.id).filter(isKey));
  const usedIndicators = new Set(input.keptIndicators.map((row) => row.id).filter(isKey));
  const claimedPlan = new Set<string>();
  const claimedIndicators = new Set<string>();
  let newLevers = 0;
  let keptRows = 0;
  const planCells = (row: ReadRow<PlanKey> | undefined): Partial<Record<PlanKey, CellValue>> => ({
    activity: keptValue(row?.values.activity),
    owner: keptChoice(OWNER_ROLES, row?.values.owner, language),
    start: keptMonth(row?.values.start, months, input.schoolYear),
    end: keptMonth(row?.values.end, months, input.schoolYear),
    status: row?.values.status
      ? keptChoice(PLAN_STATUSES, row.values.status, language)
      : PLAN_STATUSES[0]!.label[language],
    time: keptChoice(CONDITION_STATES, row?.values.time, language),
    budget: keptChoice(CONDITION_STATES, row?.values.budget, language),
    leadership: keptChoice(CONDITION_STATES, row?.values.leadership, language),
    notes: keptValue(row?.values.notes),
  });

  const statementGaps = new Map<string, number>();
  for (const statement of input.results?.statements ?? []) {
    const overall = statement.overall;
    if (overall.status === 'shown' && overall.gap !== null) statementGaps.set(statement.statementId, overall.gap);
  }
  const indicatorRows: CellGrid = [];
  for (const lever of leverOrder) {
    const rows = plan.byLever.get(lever.leverId) ?? [];
    const kept = indicators.byLever.get(lever.leverId) ?? [];
    if (rows.length === 0 && kept.length === 0) newLevers += 1;
    const title = textCell(titleOf.get(lever.leverId) ?? lever.title);
    const number = numberCell(lever.number);
    const planList = rows.length > 0 ? rows : [undefined];
    const planKeys = keysFor(lever.leverId, rows, claimedPlan);
    planList.forEach((row, i) => {
      if (row && hasAny(row, PLAN_INPUTS)) keptRows += 1;
      const id = planKeys[i] ?? freshKey(`${lever.leverId}::`, new Set([...usedPlan, ...claimedPlan]));
      claimedPlan.add(id);
      planRows.push(rowCells(PLAN_COLUMNS, { id, number, lever: title, ...planCells(row) }));
    });
    const indicatorList = kept.length > 0 ? kept : [undefined];
    const indicatorKeys = keysFor(lever.leverId, kept, claimedIndicators);
    indicatorList.forEach((row, i) => {
      if (row && hasAny(row, INDICATOR_INPUTS)) keptRows += 1;
      const id = indicatorKeys[i] ?? freshKey(`${lever.leverId}::`, new Set([...usedIndicators, ...claimedIndicators]));
      claimedIndicators.add(id);
      const statementId = row
        ? keptValue(row.values.statementId)
        : suggestedStatement(lever.leverId, input.levers, input.results, statementGaps);
      indicatorRows.push(
        rowCells(INDICATOR_COLUMNS, {
          id,
          number,
          lever: title,
          statementId,
          statement: '',
          startGap: '',
          targetGap: row ? keptTarget(row.values.targetGap) : '',
          notes: keptValue(row?.values.notes),
        }),
      );
    });
  }
  for (const row of plan.own) {
    keptRows += 1;
    const id = freshKey('own::', claimedPlan);
    planRows.push(rowCells(PLAN_COLUMNS, { id, number: '', lever: keptValue(row.values.lever), ...planCells(row) }));
  }
  for (const row of indicators.own) {
    keptRows += 1;
    const id = freshKey('own::', claimedIndicators);
    indicatorRows.push(
      rowCells(INDICATOR_COLUMNS, {
        id,
        number: '',
        lever: keptValue(row.values.lever),
        statementId: keptValue(row.values.statementId),
        statement: '',
        startGap: '',
        targetGap: keptTarget(row.values.targetGap),
        notes: keptValue(row.values.notes),
      }),
    );
  }

  const planColumns: BlockColumn[] = [
    ...blockColumns(PLAN_COLUMNS, texts.planHeaders),
    ...months.map((month) => ({ header: month, kind: 'text' as const })),
  ];
  const yearLabel = `${input.schoolYear}–${input.schoolYear + 1}`;
  const statementRows: CellGrid = (input.results?.statements ?? []).map((statement) => {
    const section = input.results!.sections.find((s) => s.sectionId === statement.sectionId);
    const gap = statementGaps.get(statement.statementId);
    return [
      statement.statementId,
      textCell(section ? section.title[language] : statement.sectionId),
      textCell(statement.text[language]),
      gap === undefined ? '' : gap,
    ];
  });
  const statementColumn = columnLetter(indicatorColumn('statementId'));
  return {
    titleLines: [
      textCell(fillCycle(texts.planTitle, { year: yearLabel })),
      textCell(fillCycle(texts.planIntro, { date: input.retrievedOn })),
      ...(input.chosen.length === 0 ? [texts.planNoLevers] : []),
    ],
    plan: {
      tableName: PLAN_TABLE,
      columns: planColumns,
      rows: planRows.map((row) => [...row, ...months.map(() => '')]),
    },
    months,
    monthSource: months.join(','),
    sources: {
      owner: listSource(OWNER_ROLES, language),
      status: listSource(PLAN_STATUSES, language),
      condition: listSource(CONDITION_STATES, language),
    },
    indicatorLines: [textCell(texts.indicatorsTitle), textCell(texts.indicatorsIntro)],
    indicators: {
      tableName: INDICATORS_TABLE,
      columns: blockColumns(INDICATOR_COLUMNS, texts.indicatorHeaders),
      rows: indicatorRows,
    },
    indicatorFormulas: (headerRow) => {
      const lookup = (row: number, header: string) =>
        `=IF(${statementColumn}${row}="","",IFERROR(INDEX(${STATEMENTS_TABLE}[${header}],MATCH(${statementColumn}${row},${STATEMENTS_TABLE}[${texts.statementHeaders.statementId}],0)),""))`;
      return [
        {
          column: indicatorColumn('statement'),
          formulas: indicatorRows.map((_, i) => [lookup(headerRow + 2 + i, texts.statementHeaders.statement)]),
        },
        {
          column: indicatorColumn('startGap'),
          formulas: indicatorRows.map((_, i) => [lookup(headerRow + 2 + i, texts.statementHeaders.gap)]),
        },
      ];
    },
    statements: {
      tableName: STATEMENTS_TABLE,
      title: textCell(fillCycle(texts.statementsHeading, { round: input.results?.roundName ?? '' })),
      columns: [
        { header: texts.statementHeaders.statementId, kind: 'text' },
        { header: texts.statementHeaders.section, kind: 'text' },
        { header: texts.statementHeaders.statement, kind: 'text' },
        { header: texts.statementHeaders.gap, kind: 'gap' },
      ],
      rows: statementRows,
    },
    newLevers,
    keptRows,
    dropped,
  };
}

/**
 * The timeline's conditional-format formula for the month cells of the first data row (sheet row
 * `row`, 1-based): true when the column's month lies from Begin to Eind. Relative in the row, so
 * it holds on every row, also after sorting; A1 references, as conditional formats take no
 * structured references.
 */
export function timelineFormula(row: number, headerRow: number): string {
  const first = columnLetter(TIMELINE_FIRST_COLUMN);
  const last = columnLetter(TIMELINE_FIRST_COLUMN + 11);
  const months = `$${first}$${headerRow}:$${last}$${headerRow}`;
  const start = `$${columnLetter(planColumn('start'))}${row}`;
  const end = `$${columnLetter(planColumn('end'))}${row}`;
  const position = `COLUMN()-COLUMN($${first}$${headerRow})+1`;
  return `=AND(${start}<>"",${end}<>"",ISNUMBER(MATCH(${start},${months},0)),ISNUMBER(MATCH(${end},${months},0)),${position}>=MATCH(${start},${months},0),${position}<=MATCH(${end},${months},0))`;
}

/** A month label of this school year in the current language, when the cell holds one of either language. */
function keptMonth(value: CellValue | undefined, months: readonly string[], schoolYear: number): CellValue {
  if (typeof value === 'string') {
    const clean = value.trim().toLowerCase();
    for (const texts of allCycleTexts()) {
      const index = schoolYearMonths(schoolYear, texts.language).findIndex((month) => month.toLowerCase() === clean);
      if (index >= 0) return months[index]!;
    }
  }
  return keptValue(value);
}

function keptTarget(value: CellValue | undefined): CellValue {
  const number = numberValue(value);
  return number === null ? keptValue(value) : number;
}

/** For a lever's first indicator: of the statements it addresses, the one with the largest gap now. */
function suggestedStatement(
  leverId: string,
  levers: readonly Lever[],
  results: RoundResults | undefined,
  gaps: ReadonlyMap<string, number>,
): CellValue {
  const lever = levers.find((candidate) => candidate.id === leverId);
  if (!lever?.keywords || !results) return '';
  const keywords = new Set(lever.keywords);
  let best: { id: string; gap: number } | undefined;
  for (const statement of results.statements) {
    if (!keywords.has(statement.statementId) && !keywords.has(statement.sectionId)) continue;
    const gap = gaps.get(statement.statementId);
    if (gap !== undefined && (!best || gap > best.gap)) best = { id: statement.statementId, gap };
  }
  return best?.id ?? '';
}
