import type { LocalizedText } from '../text';
import { columnLetter, textCell, type CellGrid, type CellValue } from './cells';
import { allCycleTexts, type ChoiceOption, type CycleTexts, type StakeholderHeaders } from './cycleTexts';
import { STAKEHOLDERS_TABLE } from './cycleNames';
import {
  blockColumns,
  columnIndex,
  exampleTableRows,
  hasAny,
  inputHeaderMap,
  keptChoice,
  keptScore,
  keptValue,
  readRows,
  rowFormulas,
  type InputColumn,
  type ReadRow,
} from './inputTable';
import type { TableBlock } from './tableBlock';

/**
 * The Stakeholders sheet: the two matrices of the handreiking in one table. Figuur 5 sets interest
 * against influence (what the relation needs: the approach); Figuur 6 sets trustworthiness against
 * how far the interests are aligned (the category: friend, doubter, opponent, coalition partner,
 * enemy). Both are live Excel formulas over the scores, and two native scatter charts plot them.
 *
 * Scores run 1–5. "High" is 4 or 5, so the quadrant borders lie at 3.5 and no point sits on one.
 * Aligned interests: 1–2 not aligned, 3 unknown, 4–5 aligned (borders at 2.5 and 3.5).
 */
export const HIGH_FROM = 4;
export const UNKNOWN_FROM = 3;

export type StakeholderKey = keyof StakeholderHeaders;
export const STAKEHOLDER_COLUMNS: ReadonlyArray<InputColumn<StakeholderKey | 'id'>> = [
  { key: 'id', kind: 'id' },
  { key: 'name', kind: 'text' },
  { key: 'kind', kind: 'choice' },
  { key: 'role', kind: 'text' },
  { key: 'interest', kind: 'score' },
  { key: 'influence', kind: 'score' },
  { key: 'approach', kind: 'formula' },
  { key: 'trust', kind: 'score' },
  { key: 'aligned', kind: 'score' },
  { key: 'category', kind: 'formula' },
  { key: 'notes', kind: 'text' },
];
const INPUT_KEYS = [
  'name',
  'kind',
  'role',
  'interest',
  'influence',
  'trust',
  'aligned',
  'notes',
] as const satisfies readonly StakeholderKey[];

export function stakeholderColumn(key: StakeholderKey | 'id'): number {
  return columnIndex(STAKEHOLDER_COLUMNS, key);
}

/** Starting rows: the parties the handreiking's questions name, inside and outside the school. */
export const STAKEHOLDER_EXAMPLES: ReadonlyArray<{ id: string; name: LocalizedText; kind: 'internal' | 'external' }> = [
  { id: 's01', name: { nl: 'Bestuur', en: 'Board' }, kind: 'internal' },
  { id: 's02', name: { nl: 'Schoolleiding en teamleiders', en: 'School leaders and team leaders' }, kind: 'internal' },
  { id: 's03', name: { nl: 'Adviseur onderwijskwaliteit', en: 'Education quality adviser' }, kind: 'internal' },
  { id: 's04', name: { nl: 'HR / P&O', en: 'HR' }, kind: 'internal' },
  { id: 's05', name: { nl: 'Leraren', en: 'Teachers' }, kind: 'internal' },
  { id: 's06', name: { nl: 'OOP', en: 'Support staff' }, kind: 'internal' },
  { id: 's07', name: { nl: 'Medezeggenschapsraad', en: 'Participation council' }, kind: 'internal' },
  {
    id: 's08',
    name: { nl: 'Lerarenopleiding / universiteit', en: 'Teacher education / university' },
    kind: 'external',
  },
  { id: 's09', name: { nl: 'Gemeente en provincie', en: 'Municipality and province' }, kind: 'external' },
  { id: 's10', name: { nl: 'Stagebedrijven', en: 'Work placement companies' }, kind: 'external' },
  { id: 's11', name: { nl: 'Vakbond', en: 'Trade union' }, kind: 'external' },
  { id: 's12', name: { nl: 'Inspectie van het Onderwijs', en: 'Education inspectorate' }, kind: 'external' },
];

export type Approach = keyof CycleTexts['approaches'];
export type Category = keyof CycleTexts['categories'];

/** Figuur 5: what the relation with a stakeholder needs, from interest and influence. */
export function approachOf(interest: number, influence: number): Approach {
  if (influence >= HIGH_FROM) return interest >= HIGH_FROM ? 'closely' : 'satisfied';
  return interest >= HIGH_FROM ? 'informed' : 'watch';
}

/**
 * Figuur 6: trustworthy × interests (aligned / unknown / not aligned) → friend, doubter, opponent;
 * not trustworthy → coalition partner, opponent, enemy.
 */
export function categoryOf(trust: number, aligned: number): Category {
  const column = aligned >= HIGH_FROM ? 0 : aligned >= UNKNOWN_FROM ? 1 : 2;
  const row: readonly Category[] =
    trust >= HIGH_FROM ? ['friend', 'doubter', 'opponent'] : ['coalition', 'opponent', 'enemy'];
  return row[column]!;
}

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** The approach as an Excel formula over this row's interest and influence cells. */
export function approachFormula(row: number, texts: CycleTexts): string {
  const interest = `${columnLetter(stakeholderColumn('interest'))}${row}`;
  const influence = `${columnLetter(stakeholderColumn('influence'))}${row}`;
  const a = texts.approaches;
  return (
    `=IF(OR(${interest}="",${influence}=""),"",IF(${influence}>=${HIGH_FROM},` +
    `IF(${interest}>=${HIGH_FROM},${quote(a.closely)},${quote(a.satisfied)}),` +
    `IF(${interest}>=${HIGH_FROM},${quote(a.informed)},${quote(a.watch)})))`
  );
}

/** The category as an Excel formula over this row's trust and aligned-interests cells. */
export function categoryFormula(row: number, texts: CycleTexts): string {
  const trust = `${columnLetter(stakeholderColumn('trust'))}${row}`;
  const aligned = `${columnLetter(stakeholderColumn('aligned'))}${row}`;
  const c = texts.categories;
  const pick = (first: string, second: string, third: string) =>
    `IF(${aligned}>=${HIGH_FROM},${quote(first)},IF(${aligned}>=${UNKNOWN_FROM},${quote(second)},${quote(third)}))`;
  return (
    `=IF(OR(${trust}="",${aligned}=""),"",IF(${trust}>=${HIGH_FROM},` +
    `${pick(c.friend, c.doubter, c.opponent)},${pick(c.coalition, c.opponent, c.enemy)}))`
  );
}

/** One chart's helper rows: a label, x and y per row, grouped into series of consecutive rows. */
export interface HelperSeries {
  name: string;
  /** Zero-based offset of the first row within the helper grid's data rows, and how many rows. */
  first: number;
  count: number;
  kind: 'border' | 'labels';
}

export interface StakeholderCharts {
  grid: CellGrid;
  influence: HelperSeries[];
  trust: HelperSeries[];
}

/**
 * The helper grid both charts draw their quadrant borders and area labels from: header
 * [label, x, y], then per series its rows. Area labels sit near a corner of their area.
 */
export function stakeholderChartGrid(texts: CycleTexts): StakeholderCharts {
  const rows: CellGrid = [];
  const add = (series: HelperSeries[], name: string, kind: HelperSeries['kind'], points: CellValue[][]) => {
    series.push({ name, first: rows.length, count: points.length, kind });
    rows.push(...points);
  };
  const border = texts.chartBorder;
  const influence: HelperSeries[] = [];
  add(influence, `${border} ${texts.stakeholderHeaders.interest}`, 'border', [
    [border, 3.5, 1],
    [border, 3.5, 5],
  ]);
  add(influence, `${border} ${texts.stakeholderHeaders.influence}`, 'border', [
    [border, 1, 3.5],
    [border, 5, 3.5],
  ]);
  const a = texts.approaches;
  add(influence, texts.chartLabels, 'labels', [
    [a.satisfied, 1.1, 5],
    [a.closely, 3.6, 5],
    [a.watch, 1.1, 1.2],
    [a.informed, 3.6, 1.2],
  ]);
  const trust: HelperSeries[] = [];
  add(trust, `${border} 2.5`, 'border', [
    [border, 2.5, 1],
    [border, 2.5, 5],
  ]);
  add(trust, `${border} 3.5`, 'border', [
    [border, 3.5, 1],
    [border, 3.5, 5],
  ]);
  add(trust, `${border} ${texts.stakeholderHeaders.trust}`, 'border', [
    [border, 1, 3.5],
    [border, 5, 3.5],
  ]);
  const c = texts.categories;
  add(trust, texts.chartLabels, 'labels', [
    [c.opponent, 1.05, 5],
    [c.doubter, 2.55, 5],
    [c.friend, 3.6, 5],
    [c.enemy, 1.05, 1.2],
    [c.opponent, 2.55, 1.2],
    [c.coalition, 3.6, 1.2],
  ]);
  return {
    grid: [['', 'x', 'y'], ...rows.map((row) => [textCell(String(row[0])), row[1]!, row[2]!])],
    influence,
    trust,
  };
}

export function stakeholderHeaders(): Map<StakeholderKey, string[]> {
  return inputHeaderMap(STAKEHOLDER_COLUMNS, (texts) => texts.stakeholderHeaders);
}

export function parseStakeholders(header: readonly unknown[], rows: readonly (readonly unknown[])[]) {
  return readRows(stakeholderHeaders(), header, rows);
}

export interface StakeholderLayout {
  titleLines: string[];
  block: TableBlock;
  formulas(headerRow: number): Array<{ column: number; formulas: string[][] }>;
  kindSource: string;
  charts: StakeholderCharts;
  kept: number;
  ownRows: number;
}

export function buildStakeholderLayout(input: {
  kept: ReadonlyArray<ReadRow<StakeholderKey>>;
  texts: CycleTexts;
}): StakeholderLayout {
  const { texts } = input;
  const language = texts.language;
  const [nl, en] = allCycleTexts();
  const kinds: ChoiceOption[] = [
    { id: 'internal', label: { nl: nl!.stakeholderInternal, en: en!.stakeholderInternal } },
    { id: 'external', label: { nl: nl!.stakeholderExternal, en: en!.stakeholderExternal } },
  ];
  const typed = (row: ReadRow<StakeholderKey> | undefined) => ({
    role: keptValue(row?.values.role),
    interest: keptScore(row?.values.interest),
    influence: keptScore(row?.values.influence),
    trust: keptScore(row?.values.trust),
    aligned: keptScore(row?.values.aligned),
    notes: keptValue(row?.values.notes),
    approach: '',
    category: '',
  });
  const { rows, kept, ownRows } = exampleTableRows(
    {
      columns: STAKEHOLDER_COLUMNS,
      examples: STAKEHOLDER_EXAMPLES,
      // The name and kind of an example are filled in already: only the rest counts as kept input.
      keptWhen: INPUT_KEYS.filter((key) => key !== 'name' && key !== 'kind'),
      ownWhen: INPUT_KEYS,
      exampleCells: (example, _index, previous) => ({
        name:
          previous && hasAny(previous, ['name']) ? keptValue(previous.values.name) : textCell(example.name[language]),
        kind:
          previous?.values.kind !== undefined
            ? keptChoice(kinds, previous.values.kind, language)
            : kinds.find((k) => k.id === example.kind)!.label[language],
        ...typed(previous),
      }),
      ownCells: (row) => ({
        name: keptValue(row.values.name),
        kind: keptChoice(kinds, row.values.kind, language),
        ...typed(row),
      }),
    },
    input.kept,
  );
  return {
    titleLines: [textCell(texts.stakeholderTitle), textCell(texts.stakeholderIntro)],
    block: {
      tableName: STAKEHOLDERS_TABLE,
      columns: blockColumns(STAKEHOLDER_COLUMNS, texts.stakeholderHeaders),
      rows,
    },
    formulas: (headerRow) => [
      {
        column: stakeholderColumn('approach'),
        formulas: rowFormulas(rows.length, headerRow, (row) => approachFormula(row, texts)),
      },
      {
        column: stakeholderColumn('category'),
        formulas: rowFormulas(rows.length, headerRow, (row) => categoryFormula(row, texts)),
      },
    ],
    kindSource: kinds.map((kind) => kind.label[language]).join(','),
    charts: stakeholderChartGrid(texts),
    kept,
    ownRows,
  };
}
