import type { CellGrid } from './cells';

/** What a column holds; decides its number format and conditional formats. */
export type ColumnKind =
  | 'id'
  | 'text'
  | 'count'
  | 'mean'
  | 'gap'
  | 'ci'
  | 'flag'
  | 'groupMean'
  | 'groupGap'
  | 'rating'
  | 'action'
  /** A score the adviser types (1–5): a number, never text, or COUNT() in the formulas misses it. */
  | 'score'
  /** Written through range.formulas: General, because a text-formatted cell keeps a formula as text. */
  | 'formula'
  /** A yes/no the adviser picks from a drop-down. */
  | 'choice'
  /** Highest minus lowest score, in points. */
  | 'spread';

export interface BlockColumn {
  header: string;
  kind: ColumnKind;
}

/** One Excel table as a layout: Office-free, so it can be built and checked without Excel. */
export interface TableBlock {
  tableName: string;
  /** Written in bold above the table; undefined writes no title row. */
  title?: string;
  columns: BlockColumn[];
  /** Data rows, without the header row. */
  rows: CellGrid;
}

/** '@' keeps free text as text, so "1-2" never turns into a date. */
export const NUMBER_FORMATS: Record<ColumnKind, string> = {
  id: '@',
  text: '@',
  count: '0',
  mean: '0.00',
  gap: '+0.00;-0.00;0.00',
  ci: '0.00',
  flag: 'General',
  groupMean: '0.0',
  groupGap: '+0.0;-0.0;0.0',
  rating: '0',
  action: '@',
  score: '0',
  formula: 'General',
  choice: 'General',
  spread: '0',
};

export function columnFormats(columns: readonly BlockColumn[]): string[] {
  return columns.map((column) => NUMBER_FORMATS[column.kind]);
}

export function columnIndexes(columns: readonly BlockColumn[], kind: ColumnKind): number[] {
  return columns.flatMap((column, index) => (column.kind === kind ? [index] : []));
}
