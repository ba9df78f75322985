import { cellText, textCell, type CellGrid, type CellValue } from './cells';
import { allCycleTexts, findOption, type ChoiceOption, type CycleTexts } from './cycleTexts';
import type { Language } from '../text';
import { ID_HEADER } from './names';
import type { BlockColumn, ColumnKind } from './tableBlock';

/**
 * Tables the adviser types into (Plan, Indicatoren, Knelpunten, Stakeholders): each row carries a
 * stable key in the hidden ID column; a refresh reads the table back by header (in either language),
 * keeps what was typed by key and writes it again. Rows the adviser added have no key yet and get one.
 */
export interface InputColumn<K extends string> {
  key: K;
  kind: ColumnKind;
}

/** One row as read back: its key ('' for a row the adviser added) and its cells by column key. */
export interface ReadRow<K extends string> {
  id: string;
  values: Partial<Record<K, CellValue>>;
}

/** Table data rows by header: `headers` gives every header a column key may have (all languages). */
export function readRows<K extends string>(
  headers: ReadonlyMap<K, readonly string[]>,
  header: readonly unknown[],
  rows: readonly (readonly unknown[])[],
): Array<ReadRow<K>> {
  const names = header.map((value) => cellText(value).trim().toLowerCase());
  const idColumn = names.indexOf(ID_HEADER.toLowerCase());
  const columns: Array<[K, number]> = [];
  for (const [key, candidates] of headers) {
    const lower = new Set(candidates.map((candidate) => candidate.toLowerCase()));
    const index = names.findIndex((name) => lower.has(name));
    if (index >= 0) columns.push([key, index]);
  }
  return rows.map((row) => {
    const values: Partial<Record<K, CellValue>> = {};
    for (const [key, index] of columns) {
      const value = row[index];
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values[key] = value;
    }
    return { id: idColumn < 0 ? '' : cellText(row[idColumn]).trim(), values };
  });
}

/** Whether any of these cells holds something. */
export function hasAny<K extends string>(row: ReadRow<K>, keys: readonly K[]): boolean {
  return keys.some((key) => {
    const value = row.values[key];
    return value !== undefined && value !== '' && !(typeof value === 'string' && value.trim() === '');
  });
}

/** A typed cell written back: numbers stay numbers, text is neutralised again. */
export function keptValue(value: CellValue | undefined): CellValue {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return textCell(value);
  return '';
}

/** A drop-down cell written back in the current language when it is one of the options; else as typed. */
export function keptChoice(
  options: readonly ChoiceOption[],
  value: CellValue | undefined,
  language: Language,
): CellValue {
  const option = findOption(options, value);
  return option ? option.label[language] : keptValue(value);
}

/** A number typed as a number or as text with a comma or point; null for anything else. */
export function numberValue(value: CellValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const clean = value.trim().replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(clean)) return null;
  return Number(clean);
}

/** A whole score 1–5 as a number, else the typed value as it was (text stays visible as text). */
export function keptScore(value: CellValue | undefined): CellValue {
  const number = numberValue(value);
  if (number !== null && Number.isInteger(number) && number >= 1 && number <= 5) return number;
  return keptValue(value);
}

/** The header map of a table whose headers come from per-language texts. */
export function headerMap<K extends string, T>(
  keys: readonly K[],
  all: readonly T[],
  headersOf: (texts: T) => Record<K, string>,
): Map<K, string[]> {
  return new Map(keys.map((key) => [key, all.map((texts) => headersOf(texts)[key])]));
}

/** The header map of an input table: every header its columns (not the key column) have in any language. */
export function inputHeaderMap<K extends string>(
  columns: ReadonlyArray<InputColumn<K | 'id'>>,
  headersOf: (texts: CycleTexts) => Record<K, string>,
): Map<K, string[]> {
  const keys = columns.map((c) => c.key).filter((key): key is K => key !== 'id');
  return headerMap(keys, allCycleTexts(), headersOf);
}

/** Zero-based index of a column by its key. */
export function columnIndex<K extends string>(columns: ReadonlyArray<InputColumn<K>>, key: K): number {
  return columns.findIndex((column) => column.key === key);
}

/** Columns with their headers in the current language; the key column is headed ID. */
export function blockColumns<K extends string>(
  columns: ReadonlyArray<InputColumn<K | 'id'>>,
  headers: Record<K, string>,
): BlockColumn[] {
  return columns.map(({ key, kind }) => ({ header: key === 'id' ? ID_HEADER : headers[key as K], kind }));
}

/** A row of cells in column order. */
export function rowCells<K extends string>(
  columns: ReadonlyArray<InputColumn<K>>,
  cells: Partial<Record<K, CellValue>>,
): CellValue[] {
  return columns.map(({ key }) => cells[key] ?? '');
}

/** A fresh key with a prefix that no row has yet. */
export function freshKey(prefix: string, used: Set<string>): string {
  for (let n = 1; ; n += 1) {
    const key = `${prefix}${n}`;
    if (!used.has(key)) {
      used.add(key);
      return key;
    }
  }
}

/** Gives a fresh key to every repeat of a key already seen above it. */
export function dedupeIds(rows: CellGrid, idColumn: number, used: Set<string>, prefix = 'own'): void {
  const seen = new Set<string>();
  for (const row of rows) {
    const id = String(row[idColumn]);
    if (seen.has(id)) row[idColumn] = freshKey(prefix, used);
    seen.add(String(row[idColumn]));
  }
}

/** A table that starts from built-in example rows (each with a fixed key) and takes the adviser's own rows below them. */
export interface ExampleTable<K extends string, E extends { id: string }> {
  columns: ReadonlyArray<InputColumn<K | 'id'>>;
  examples: readonly E[];
  /** A kept example row counts as kept when one of these holds something. */
  keptWhen: readonly K[];
  /** A kept row that is no example (or a second copy of one) stays as an own row when one of these holds something. */
  ownWhen: readonly K[];
  /** The cells of an example row (a fresh object; its key is set here), from the row kept for it (if any). */
  exampleCells(example: E, index: number, previous: ReadRow<K> | undefined): Partial<Record<K | 'id', CellValue>>;
  /** The cells of an own row (a fresh object; its key is set here), which becomes row `rowNumber` (one-based) of the table. */
  ownCells(row: ReadRow<K>, rowNumber: number): Partial<Record<K | 'id', CellValue>>;
}

/**
 * The rows of an example table rebuilt from what was read back: every example once (its first kept
 * row supplies its input), then the own rows under a key "own<n>" (kept when it was one, fresh
 * otherwise; a copied row's repeated key is replaced).
 */
export function exampleTableRows<K extends string, E extends { id: string }>(
  table: ExampleTable<K, E>,
  keptRows: ReadonlyArray<ReadRow<K>>,
): { rows: CellGrid; kept: number; ownRows: number } {
  const exampleIds = new Set(table.examples.map((example) => example.id));
  const byId = new Map<string, ReadRow<K>>();
  const own: Array<ReadRow<K>> = [];
  for (const row of keptRows) {
    if (exampleIds.has(row.id) && !byId.has(row.id)) byId.set(row.id, row);
    else if (hasAny(row, table.ownWhen)) own.push(row);
  }
  let kept = 0;
  const rows: CellGrid = table.examples.map((example, index) => {
    const previous = byId.get(example.id);
    if (previous && hasAny(previous, table.keptWhen)) kept += 1;
    const cells = table.exampleCells(example, index, previous);
    cells.id = example.id;
    return rowCells(table.columns, cells);
  });
  const used = new Set([...exampleIds, ...own.map((row) => row.id).filter(Boolean)]);
  for (const row of own) {
    const id = row.id.startsWith('own') && !exampleIds.has(row.id) ? row.id : freshKey('own', used);
    const cells = table.ownCells(row, rows.length + 1);
    cells.id = id;
    rows.push(rowCells(table.columns, cells));
  }
  // Own keys must be unique too: a copied row carries its original's key.
  dedupeIds(rows, columnIndex(table.columns, 'id'), used);
  return { rows, kept, ownRows: own.length };
}

/** One formula per data row for a table whose header is on zero-based sheet row `headerRow`. */
export function rowFormulas(rowCount: number, headerRow: number, build: (sheetRow: number) => string): string[][] {
  return Array.from({ length: rowCount }, (_, i) => [build(headerRow + 2 + i)]);
}

export type { CellGrid };
