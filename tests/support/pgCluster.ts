/**
 * CLI around startTestCluster for scripts/pg-test-cluster.sh: `start` prints `URL DIR` on one line
 * and leaves the server running; `stop DIR` stops it and removes the folder.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findPostgresBin, startTestCluster } from './postgres';

async function main(argv: string[]): Promise<number> {
  const [command, dir] = argv;
  if (command === 'start') {
    const cluster = await startTestCluster();
    console.log(`${cluster.url} ${cluster.dir}`);
    return 0;
  }
  if (command === 'stop' && dir) {
    const bin = findPostgresBin();
    const dataDir = path.join(dir, 'data');
    if (bin && fs.existsSync(dataDir)) {
      const pgCtl = path.join(bin, 'pg_ctl');
      const asUser = process.getuid?.() === 0 ? ['su', 'koerspg', '-s', '/bin/sh', '-c'] : ['sh', '-c'];
      spawnSync(asUser[0]!, [...asUser.slice(1), `'${pgCtl}' -D '${dataDir}' -m fast -w stop`], { stdio: 'inherit' });
    }
    fs.rmSync(dir, { recursive: true, force: true });
    return 0;
  }
  console.error('usage: tsx tests/support/pgCluster.ts start | stop DIR');
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message ?? error);
    process.exit(1);
  },
);
