import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const sheetsDir = path.resolve(__dirname, '../../../core/sheets');
const coreDir = path.resolve(__dirname, '../../../core');

/** Every `from '…'` / `import('…')` specifier of a source file. */
function specifiers(source: string): string[] {
  return [...source.matchAll(/(?:from\s+|import\s*\(\s*)'([^']+)'/g)].map((m) => m[1]);
}

describe('core/sheets: layouts both writers share', () => {
  const files = readdirSync(sheetsDir).filter((f) => f.endsWith('.ts'));

  it('holds the layouts', () => {
    expect(files).toEqual(
      expect.arrayContaining(['kiesLayout.ts', 'resultsLayout.ts', 'summaryLayout.ts', 'texts.ts']),
    );
  });

  it.each(files)('%s imports only core and zod', (file) => {
    const imports = specifiers(readFileSync(path.join(sheetsDir, file), 'utf8'));
    for (const spec of imports) {
      if (spec === 'zod') continue;
      expect(spec.startsWith('.')).toBe(true);
      const target = path.resolve(sheetsDir, spec);
      expect(target.startsWith(coreDir + path.sep)).toBe(true);
    }
  });
});
