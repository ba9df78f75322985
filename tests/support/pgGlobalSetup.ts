/**
 * Jest global setup: starts a throwaway PostgreSQL 15 for the run when none is given through
 * KOERS_TEST_DATABASE_URL and the binaries are installed, and hands its URL to the test workers
 * (they inherit this process's environment). A run limited to paths without "pg"/"postgres" (e.g.
 * `npx jest tests/core`) does not start one, to keep focused runs fast; under CI=true it always does.
 */
import type { Config } from '@jest/types';
import { findPostgresBin, startTestCluster, TEST_URL_VARIABLE, underCi, type TestCluster } from './postgres';

declare global {
  var koersTestCluster: TestCluster | undefined;
}

export default async function setup(globalConfig: Config.GlobalConfig): Promise<void> {
  if (process.env[TEST_URL_VARIABLE]) return;
  // KOERS_TEST_POSTGRES=off: behave as on a machine without PostgreSQL (to see the skip).
  if (process.env.KOERS_TEST_POSTGRES === 'off') return;
  const patterns = globalConfig.testPathPatterns?.patterns ?? [];
  const selected = patterns.length === 0 || patterns.some((p) => /pg|postgres/i.test(p));
  if (!selected && !underCi()) return;
  const bin = findPostgresBin();
  if (!bin) return; // describePostgres skips (or fails under CI) with a message
  const cluster = await startTestCluster({ bin });
  globalThis.koersTestCluster = cluster;
  process.env[TEST_URL_VARIABLE] = cluster.url;
}
