import { cellText, textCell, type CellGrid, type CellValue } from './cells';
import { findOption, type ChoiceOption } from './cycleTexts';
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

/** One formula per data row for a table whose header is on zero-based sheet row `headerRow`. */
export function rowFormulas(rowCount: number, headerRow: number, build: (sheetRow: number) => string): string[][] {
  return Array.from({ length: rowCount }, (_, i) => [build(headerRow + 2 + i)]);
}

export type { CellGrid };
