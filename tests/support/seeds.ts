import { existsSync } from 'node:fs';

/**
 * Where the source documents for the own-wording checks are: KOERS_SEEDS_DIR, else this workspace's
 * copy. Undefined where neither exists (a fresh clone elsewhere): those checks then skip and say so.
 */
export function seedsDir(): string | undefined {
  const dir = process.env.KOERS_SEEDS_DIR ?? '/work/shared/seeds';
  if (existsSync(dir)) return dir;
  console.warn(`No source documents at ${dir}: the own-wording check is skipped (set KOERS_SEEDS_DIR to run it).`);
  return undefined;
}
