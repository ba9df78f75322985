import { exampleTableRows, type ExampleTable, type ReadRow } from '../../../core/sheets/inputTable';

type Key = 'name' | 'note';
const table: ExampleTable<Key, { id: string; name: string }> = {
  columns: [
    { key: 'id', kind: 'id' },
    { key: 'name', kind: 'text' },
    { key: 'note', kind: 'text' },
  ],
  examples: [
    { id: 'e1', name: 'Eerste' },
    { id: 'e2', name: 'Tweede' },
  ],
  keptWhen: ['note'],
  ownWhen: ['name', 'note'],
  exampleCells: (example, _index, previous) => ({ name: example.name, note: previous?.values.note ?? '' }),
  ownCells: (row, rowNumber) => ({
    name: `${String(row.values.name ?? '')} (${rowNumber})`,
    note: row.values.note ?? '',
  }),
};
const row = (id: string, values: ReadRow<Key>['values']): ReadRow<Key> => ({ id, values });

describe('exampleTableRows (Knelpunten and Stakeholders)', () => {
  it('writes every example once, in example order, with its first kept row’s input', () => {
    const { rows, kept, ownRows } = exampleTableRows(table, [
      row('e2', { note: 'behouden' }),
      row('e2', { note: 'kopie' }),
      row('e1', { name: 'Eerste' }),
    ]);
    expect(rows.slice(0, 2)).toEqual([
      ['e1', 'Eerste', ''],
      ['e2', 'Tweede', 'behouden'],
    ]);
    // e1 had no input beyond its own name; the second copy of e2 holds input, so it stays as an own row.
    expect(kept).toBe(1);
    expect(ownRows).toBe(1);
    expect(rows[2]).toEqual(['own1', ' (3)', 'kopie']);
  });

  it('keeps own keys, gives new rows fresh ones, replaces a copied key and drops empty rows', () => {
    const { rows, ownRows } = exampleTableRows(table, [
      row('own2', { name: 'Ouderraad' }),
      row('', { name: 'Nieuw' }),
      row('own2', { name: 'Gekopieerd' }),
      row('', { name: ' ' }),
      row('e1-not-an-own-key', { note: 'x' }),
    ]);
    expect(ownRows).toBe(4);
    // Keys are handed out in row order first (own1, own3 for the rows without an own key); the copy of
    // own2 gets the next free one afterwards.
    expect(rows.slice(2).map((r) => r[0])).toEqual(['own2', 'own1', 'own4', 'own3']);
    expect(rows.slice(2).map((r) => r[1])).toEqual(['Ouderraad (3)', 'Nieuw (4)', 'Gekopieerd (5)', ' (6)']);
  });
});
