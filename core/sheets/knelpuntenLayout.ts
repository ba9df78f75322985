import type { LocalizedText } from '../text';
import { columnLetter, numberCell, textCell, type CellValue } from './cells';
import {
  listSource,
  OCCURS_OPTIONS,
  URGENCY_LEVELS,
  type CycleTexts,
  type KnelpuntHeaders,
  type UrgentHeaders,
} from './cycleTexts';
import {
  blockColumns,
  columnIndex,
  exampleTableRows,
  inputHeaderMap,
  keptChoice,
  keptValue,
  readRows,
  rowFormulas,
  type InputColumn,
  type ReadRow,
} from './inputTable';
import { OBSTACLES_TABLE, OBSTACLES_URGENT_TABLE } from './cycleNames';
import type { TableBlock } from './tableBlock';

/**
 * The Knelpunten sheet: the handreiking's checklist of obstacles (our own wording of its fifteen
 * examples, for the master's theme), with per obstacle: does it occur here, how urgent, why, and
 * what the school can do itself. The adviser adds own rows at the bottom of the table.
 *
 * The sorted view of urgent obstacles is a second table of plain formulas, one value per cell:
 * LARGE over a sort-key column, then INDEX/MATCH. No SORT or FILTER (dynamic arrays spill, cannot
 * live inside a table and are missing from Excel 2019), so it calculates alike in Excel 2021,
 * Microsoft 365, Excel on the web and LibreOffice.
 */
export const OBSTACLE_EXAMPLES: ReadonlyArray<{ id: string; text: LocalizedText }> = [
  {
    id: 'k01',
    text: {
      nl: "We weten niet goed welke diploma's en masters er in het team zitten.",
      en: 'We do not know well which degrees and masters the team holds.',
    },
  },
  {
    id: 'k02',
    text: {
      nl: 'Overzicht ontbreekt van wat er dicht bij school aan opleidingen te volgen is; het aanbod wisselt vaak.',
      en: 'There is no overview of the courses on offer near the school; the offer changes often.',
    },
  },
  {
    id: 'k03',
    text: {
      nl: 'Per leraar is onbekend welke opleiding hij of zij heeft afgerond.',
      en: 'For each teacher it is unknown which qualification they completed.',
    },
  },
  {
    id: 'k04',
    text: { nl: 'In onze regio zijn maar weinig passende opleidingen.', en: 'Our region has few suitable courses.' },
  },
  {
    id: 'k05',
    text: {
      nl: 'Wat er aangeboden wordt, past niet bij wat leraren al weten en kunnen.',
      en: 'What is offered does not match what teachers already know and can do.',
    },
  },
  {
    id: 'k06',
    text: {
      nl: 'Er ontbreken vaardigheden: nieuwe masters missen didactiek, zittende leraren academische vaardigheden, jonge masters ervaring voor de klas.',
      en: 'Skills are missing: new masters lack teaching skills, serving teachers academic skills, young masters classroom experience.',
    },
  },
  {
    id: 'k07',
    text: {
      nl: 'De regionale arbeidsmarkt is krap: er zijn te weinig leraren te vinden.',
      en: 'The regional labour market is tight: too few teachers can be found.',
    },
  },
  {
    id: 'k08',
    text: {
      nl: 'Andere scholen proberen dezelfde masters binnen te halen.',
      en: 'Other schools try to attract the same masters.',
    },
  },
  {
    id: 'k09',
    text: {
      nl: 'Masters krijgen geen gelegenheid hun kennis in te zetten.',
      en: 'Masters get no opportunity to put their knowledge to use.',
    },
  },
  {
    id: 'k10',
    text: {
      nl: 'Leidinggevenden weten niet goed hoe ze masters begeleiden en benutten.',
      en: 'Managers do not know well how to guide masters and make use of them.',
    },
  },
  {
    id: 'k11',
    text: {
      nl: 'Lessen van wie studeert zijn moeilijk te vervangen.',
      en: 'Lessons of staff who are studying are hard to cover.',
    },
  },
  {
    id: 'k12',
    text: { nl: 'Leraren met een master blijven niet lang bij ons.', en: 'Teachers with a master do not stay long.' },
  },
  {
    id: 'k13',
    text: {
      nl: 'Op school is weinig ruimte voor onderzoek en vakinhoudelijk gesprek.',
      en: 'The school leaves little room for research and subject discussion.',
    },
  },
  {
    id: 'k14',
    text: { nl: 'In teams is er weerstand tegen.', en: 'Teams resist it.' },
  },
  {
    id: 'k15',
    text: {
      nl: 'Leraren zien zelf bezwaren: een master kost te veel tijd, is te omslachtig of levert te weinig op.',
      en: 'Teachers have doubts of their own: a master takes too much time, is too cumbersome or yields too little.',
    },
  },
];

export type KnelpuntKey = keyof KnelpuntHeaders;
export const KNELPUNT_COLUMNS: ReadonlyArray<InputColumn<KnelpuntKey | 'id'>> = [
  { key: 'id', kind: 'id' },
  { key: 'number', kind: 'count' },
  { key: 'obstacle', kind: 'text' },
  { key: 'occurs', kind: 'choice' },
  { key: 'urgency', kind: 'choice' },
  { key: 'why', kind: 'text' },
  { key: 'ownAction', kind: 'text' },
  { key: 'sortKey', kind: 'formula' },
];
const INPUT_KEYS = ['occurs', 'urgency', 'why', 'ownAction'] as const satisfies readonly KnelpuntKey[];

export type UrgentKey = keyof UrgentHeaders;
export const URGENT_COLUMNS: ReadonlyArray<InputColumn<UrgentKey>> = [
  { key: 'rank', kind: 'count' },
  { key: 'obstacle', kind: 'formula' },
  { key: 'urgency', kind: 'formula' },
  { key: 'why', kind: 'formula' },
  { key: 'ownAction', kind: 'formula' },
];

/** Spare rows in the sorted view for obstacles the adviser adds later. */
export const URGENT_SPARE_ROWS = 10;

export function knelpuntColumn(key: KnelpuntKey | 'id'): number {
  return columnIndex(KNELPUNT_COLUMNS, key);
}

export function knelpuntHeaders(): Map<KnelpuntKey, string[]> {
  return inputHeaderMap(KNELPUNT_COLUMNS, (texts) => texts.knelpuntHeaders);
}

export function parseKnelpunten(header: readonly unknown[], rows: readonly (readonly unknown[])[]) {
  return readRows(knelpuntHeaders(), header, rows);
}

export interface KnelpuntenLayout {
  titleLines: string[];
  block: TableBlock;
  /** Sort-key formulas for the table whose header is on `headerRow`. */
  sortKeyFormulas(headerRow: number): string[][];
  urgent: TableBlock;
  /** Formulas of the sorted view, per row and column of URGENT_COLUMNS (rank cells hold numbers). */
  urgentFormulas: string[][];
  occursSource: string;
  urgencySource: string;
  /** Rows whose input came over from the previous sheet; own rows the adviser added. */
  kept: number;
  ownRows: number;
}

/**
 * The sort key: urgency level (laag 1, middel 2, hoog 3) × 100000 − the row number, for obstacles
 * that occur here and have an urgency; 0 for the others. The row number only breaks ties (earlier
 * rows first) and keeps every key unique, so MATCH finds each row exactly once.
 */
export function sortKeyFormula(row: number, texts: CycleTexts): string {
  const occurs = `${columnLetter(knelpuntColumn('occurs'))}${row}`;
  const urgency = `${columnLetter(knelpuntColumn('urgency'))}${row}`;
  const [low, medium, high] = URGENCY_LEVELS.map((level) => `"${level.label[texts.language]}"`);
  const yes = `"${OCCURS_OPTIONS[0]!.label[texts.language]}"`;
  return (
    `=IF(AND(${occurs}=${yes},OR(${urgency}=${high},${urgency}=${medium},${urgency}=${low})),` +
    `IF(${urgency}=${high},3,IF(${urgency}=${medium},2,1))*100000-ROW(),0)`
  );
}

function structured(table: string, header: string): string {
  return `${table}[${header.replace(/(['#[\]])/g, "'$1")}]`;
}

/** The k-th most urgent obstacle's cell of one column, or empty text when fewer occur. */
export function urgentFormula(k: number, header: string, texts: CycleTexts): string {
  const key = structured(OBSTACLES_TABLE, texts.knelpuntHeaders.sortKey);
  const column = structured(OBSTACLES_TABLE, header);
  return `=IF(COUNTIF(${key},">0")<${k},"",INDEX(${column},MATCH(LARGE(${key},${k}),${key},0))&"")`;
}

export function buildKnelpuntenLayout(input: {
  kept: ReadonlyArray<ReadRow<KnelpuntKey>>;
  texts: CycleTexts;
}): KnelpuntenLayout {
  const { texts } = input;
  const language = texts.language;
  const inputCells = (row: ReadRow<KnelpuntKey> | undefined): Partial<Record<KnelpuntKey, CellValue>> => ({
    occurs: keptChoice(OCCURS_OPTIONS, row?.values.occurs, language),
    urgency: keptChoice(URGENCY_LEVELS, row?.values.urgency, language),
    why: keptValue(row?.values.why),
    ownAction: keptValue(row?.values.ownAction),
    sortKey: '',
  });
  const { rows, kept, ownRows } = exampleTableRows(
    {
      columns: KNELPUNT_COLUMNS,
      examples: OBSTACLE_EXAMPLES,
      keptWhen: INPUT_KEYS,
      ownWhen: ['obstacle', ...INPUT_KEYS],
      exampleCells: (example, index, previous) => ({
        number: index + 1,
        obstacle: textCell(example.text[language]),
        ...inputCells(previous),
      }),
      ownCells: (row, rowNumber) => ({
        number: numberCell(rowNumber),
        obstacle: keptValue(row.values.obstacle),
        ...inputCells(row),
      }),
    },
    input.kept,
  );

  const urgentRows = rows.length + URGENT_SPARE_ROWS;
  const urgentKeys: Array<[UrgentKey, string]> = [
    ['obstacle', texts.knelpuntHeaders.obstacle],
    ['urgency', texts.knelpuntHeaders.urgency],
    ['why', texts.knelpuntHeaders.why],
    ['ownAction', texts.knelpuntHeaders.ownAction],
  ];
  return {
    titleLines: [textCell(texts.knelpuntenTitle), textCell(texts.knelpuntenIntro)],
    block: {
      tableName: OBSTACLES_TABLE,
      columns: blockColumns(KNELPUNT_COLUMNS, texts.knelpuntHeaders),
      rows,
    },
    sortKeyFormulas: (headerRow) => rowFormulas(rows.length, headerRow, (row) => sortKeyFormula(row, texts)),
    urgent: {
      tableName: OBSTACLES_URGENT_TABLE,
      title: texts.urgentHeading,
      columns: URGENT_COLUMNS.map(({ key, kind }) => ({ header: texts.urgentHeaders[key], kind })),
      rows: Array.from({ length: urgentRows }, (_, i) => [i + 1, '', '', '', '']),
    },
    urgentFormulas: Array.from({ length: urgentRows }, (_, i) =>
      urgentKeys.map(([, header]) => urgentFormula(i + 1, header, texts)),
    ),
    occursSource: listSource(OCCURS_OPTIONS, language),
    urgencySource: listSource(URGENCY_LEVELS, language),
    kept,
    ownRows,
  };
}
