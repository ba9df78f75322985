import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './lib/repo';

export interface ExcelPullRow {
  rows: number;
  columns: number;
  cells: number;
  /** context.sync() calls of the responses sheet. */
  syncs: number;
  /** Of those, the ones that carried cell values (row blocks). */
  chunks: number;
  /** ceil(cells / cells per request): what the chunk size predicts. */
  expectedChunks: number;
  largestRequestBytes: number;
  largestRequestCells: number;
  /** The whole pull: results sheet, responses sheet, summary, activation. */
  totalSyncs: number;
  ms: number;
}

export interface ExcelPullFigures {
  method: string;
  rows: ExcelPullRow[];
}

const run = promisify(execFile);

/** Each size in its own process (the mock workbook of 100k rows holds 6 million cells). */
export async function measureExcelPull(rowCounts: number[]): Promise<ExcelPullFigures> {
  const root = repoRoot();
  const rows: ExcelPullRow[] = [];
  for (const count of rowCounts) {
    const { stdout } = await run(
      process.execPath,
      [
        '--max-old-space-size=8192',
        '--import',
        'tsx',
        path.join(root, 'tests', 'bench', 'excelPullWorker.ts'),
        String(count),
      ],
      {
        cwd: root,
        maxBuffer: 1024 * 1024,
      },
    );
    rows.push(JSON.parse(stdout.trim().split('\n').at(-1)!) as ExcelPullRow);
  }
  return {
    method:
      'addin/excel/pullRound.ts into tests/addin/fakeExcel.ts (office-addin-mock); request size = JSON bytes of the values and formats a sync carries',
    rows,
  };
}
