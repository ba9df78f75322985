import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The source documents (PDF extracts, `NNN_*.txt`) that the own-wording checks compare Koers' Dutch
 * texts against. They are not part of the repository, so they are read only from an explicit
 * KOERS_SEEDS_DIR (`.ci/run` sets it to this workspace's copy where that exists). Without it the
 * checks skip and say so; with it set to a folder without seed files they fail, since they were asked for.
 */
export interface Seeds {
  dir: string;
  files: string[];
  /** The runs of `runLength` consecutive words of `text` that also stand in one of the source documents. */
  runsFoundIn(text: string, runLength: number): string[];
}

const SEED_FILE = /^\d{3}_.*\.txt$/;

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The seeds are PDF extracts with words split across lines ("ontwikke-\nling"), so both readings of a
 * line-end hyphen are indexed: joined into one word, and as a separator.
 */
function normalisedTexts(raw: string): string[] {
  const joined = raw.replace(/[-‐]\s*\n\s*/g, '');
  return [joined, raw].map((t) => ` ${words(t).join(' ')} `);
}

/** The source documents for the check named `check`, or undefined (with a console message) when KOERS_SEEDS_DIR is not set. */
export function loadSeeds(check: string): Seeds | undefined {
  const dir = process.env.KOERS_SEEDS_DIR;
  if (!dir) {
    console.warn(
      `${check}: skipped, KOERS_SEEDS_DIR is not set (point it at the folder of source documents to run it).`,
    );
    return undefined;
  }
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => SEED_FILE.test(f)) : [];
  if (files.length === 0) throw new Error(`${check}: KOERS_SEEDS_DIR=${dir} holds no source documents (NNN_*.txt).`);
  const texts = files.flatMap((f) => normalisedTexts(readFileSync(path.join(dir, f), 'utf8')));
  return {
    dir,
    files,
    runsFoundIn(text, runLength) {
      const list = words(text);
      const found: string[] = [];
      for (let i = 0; i + runLength <= list.length; i++) {
        const run = list.slice(i, i + runLength).join(' ');
        if (texts.some((seed) => seed.includes(` ${run} `))) found.push(run);
      }
      return found;
    },
  };
}
