import fs from 'node:fs';
import path from 'node:path';

/**
 * The repository root. `npm run bench` and Jest both run from it; the check makes a run from
 * elsewhere fail with a clear message instead of spawning the wrong files.
 */
export function repoRoot(): string {
  const root = process.cwd();
  const manifest = path.join(root, 'package.json');
  if (!fs.existsSync(manifest) || !fs.readFileSync(manifest, 'utf8').includes('"name": "koers"')) {
    throw new Error(`Run from the Koers repository root (cwd is ${root})`);
  }
  return root;
}
