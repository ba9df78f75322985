// `npm start` runs this instead of webpack: it builds dist/ only when the inputs of the build changed
// since the last build (a second start with nothing changed skips the ~40 s webpack run). The inputs
// are every file the bundles can import (addin/, core/, server/public/), the webpack config and the
// lockfile (which pins the libraries, office.js included); their paths and contents are hashed and the
// hash is kept in dist/.build-inputs after a successful build.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const INPUT_DIRS = ['addin', 'core', 'server/public'];
const INPUT_FILES = ['webpack.config.js', 'package.json', 'package-lock.json'];
const stampFile = path.join(root, 'dist', '.build-inputs');
const mode = process.argv.includes('--development') ? 'development' : 'production';
/** `npm run build` builds always (and records the inputs, so the next `npm start` need not). */
const always = process.argv.includes('--always');

function filesUnder(dir) {
  const entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
  return entries.flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(relative) : entry.isFile() ? [relative] : [];
  });
}

export function inputsHash() {
  const hash = createHash('sha256').update(`mode ${mode}\n`);
  const files = [...INPUT_DIRS.flatMap(filesUnder), ...INPUT_FILES].sort();
  for (const file of files) {
    hash.update(`${file}\n`);
    hash.update(fs.readFileSync(path.join(root, file)));
  }
  return hash.digest('hex');
}

const began = performance.now();
const wanted = inputsHash();
const built = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8').trim() : '';
const pages = ['addin/taskpane.html', 'form/index.html', 'scoring/index.html'];
if (!always && built === wanted && pages.every((page) => fs.existsSync(path.join(root, 'dist', page)))) {
  console.log(
    `dist/ is up to date with its sources (checked in ${Math.round(performance.now() - began)} ms): no build`,
  );
} else {
  if (!always)
    console.log(built ? 'Sources changed since the last build: building dist/' : 'No build yet: building dist/');
  const webpack = path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const run = spawnSync(process.execPath, [webpack, '--mode', mode], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  fs.writeFileSync(stampFile, `${wanted}\n`);
}
