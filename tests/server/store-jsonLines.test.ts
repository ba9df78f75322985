import fs from 'node:fs';
import path from 'node:path';
import { readLines, scanJsonLines } from '../../server/store/jsonLines';
import { collect, makeTempDir, removeDir } from './storeFixtures';

describe('JSON-lines reading with exact byte offsets', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeDir(dir));

  it('reports byte offsets that hold for multi-byte text and a missing final newline', async () => {
    const file = path.join(dir, 'a.jsonl');
    fs.writeFileSync(file, '{"t":"é"}\n{"t":"€\\r"}\n{"t":"half');
    const lines = await collect(readLines(file));
    expect(lines.map((l) => [l.text, l.end, l.complete])).toEqual([
      ['{"t":"é"}', 11, true],
      ['{"t":"€\\r"}', 11 + 14, true],
      ['{"t":"half', 11 + 14 + 10, false],
    ]);
    expect(await collect(readLines(file, 11))).toEqual([{ text: '{"t":"é"}', end: 11, complete: true }]);
  });

  it('treats a bad last line as torn and a bad line followed by others as damage', async () => {
    const file = path.join(dir, 'b.jsonl');
    fs.writeFileSync(file, '{"a":1}\n{"a":2}\nnot json\n');
    const seen: unknown[] = [];
    const result = await scanJsonLines(
      file,
      () => true,
      (value) => seen.push(value),
    );
    expect(result).toEqual({ validLines: 2, validBytes: 16, tornTail: true });
    expect(seen).toEqual([{ a: 1 }, { a: 2 }]);

    fs.writeFileSync(file, '{"a":1}\nnot json\n{"a":3}\n');
    await expect(
      scanJsonLines(
        file,
        () => true,
        () => undefined,
      ),
    ).rejects.toThrow(/line 2 is damaged/);
  });

  it('reads large files across stream chunks', async () => {
    const file = path.join(dir, 'c.jsonl');
    const lines = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ i, pad: 'x'.repeat(i % 97) }));
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const read = await collect(readLines(file));
    expect(read.map((l) => l.text)).toEqual(lines);
    expect(read.at(-1)!.end).toBe(fs.statSync(file).size);
  });
});
