/**
 * LibreOffice headless as a spreadsheet engine we did not write: recalculate an .xlsx, and render a
 * sheet to PDF (then PNG with poppler's pdftoppm). Tests skip with a message where soffice is
 * missing, except under CI (CI=true), where they must run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function sofficeAvailable(): boolean {
  const found = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  if (!found.error && found.status === 0) return true;
  if (process.env.CI === 'true') {
    throw new Error('soffice is required under CI (apt-get install libreoffice-calc-nogui poppler-utils)');
  }
  console.warn('LibreOffice (soffice) not installed: the spreadsheet engine tests are skipped');
  return false;
}

/** `describe` that runs only where LibreOffice is installed (always under CI). */
export const describeWithLibreOffice: jest.Describe = sofficeAvailable() ? describe : describe.skip;

/** Converts `input` with soffice into `outDir` (its own profile folder, so runs never share one). */
export function convert(input: string, format: 'xlsx' | 'pdf', outDir: string): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-soffice-'));
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${home}`,
        '--headless',
        '--norestore',
        '--convert-to',
        format,
        '--outdir',
        outDir,
        input,
      ],
      { env: { ...process.env, HOME: home }, stdio: 'pipe', timeout: 120_000 },
    );
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
  const output = path.join(outDir, `${path.basename(input, path.extname(input))}.${format}`);
  if (!fs.existsSync(output)) throw new Error(`soffice wrote no ${output}`);
  return output;
}

/** PDF pages to PNG files (`<prefix>-1.png`, …) at `dpi`; returns their paths. */
export function pdfToPng(pdf: string, prefix: string, dpi = 70): string[] {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdf, prefix], { stdio: 'pipe', timeout: 120_000 });
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  return fs
    .readdirSync(dir)
    .filter((file) => file.startsWith(`${base}-`) && file.endsWith('.png'))
    .sort()
    .map((file) => path.join(dir, file));
}

/** tests/.tmp/engine: where the rendered sheets are left for a person to look at. */
export function artifactsDir(): string {
  const dir = path.resolve(__dirname, '../.tmp/engine');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
