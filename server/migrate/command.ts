/**
 * `npm run koers -- migrate --to postgres://… [--from DATA_DIR]`: copies an embedded data folder
 * (default KOERS_DATA_DIR, else ./data) into an empty PostgreSQL database and says what it copied.
 * Stop the embedded server first (its lock is taken); afterwards start Koers with
 * KOERS_DATABASE_URL set to the same URL.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { copyEmbeddedToPostgres } from '../store/postgres/importEmbedded';
import { isPostgresUrl } from '../store/postgres/index';

export const migrateUsage = `Usage: npm run koers -- migrate --to postgres://USER@HOST:PORT/DATABASE [--from DATA_DIR]

Copies an embedded data folder (default: KOERS_DATA_DIR, else ./data) into an empty PostgreSQL
database: organisations, API keys, surveys, rounds, invitation codes (as hashes), used codes,
responses, levers and MT scoring sessions. All in one transaction: nothing is copied if anything fails.
Stop the Koers server on that folder first. Then start Koers with KOERS_DATABASE_URL=<the same URL>.`;

/** Runs the subcommand; returns the exit code. */
export async function runMigrate(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { to: { type: 'string' }, from: { type: 'string' }, help: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(migrateUsage);
    return 0;
  }
  if (!isPostgresUrl(values.to)) {
    console.error(`migrate needs --to with a postgres:// URL.\n\n${migrateUsage}`);
    return 2;
  }
  const from = path.resolve(values.from ?? env.KOERS_DATA_DIR ?? './data');
  console.log(`Copying ${from} into ${redact(values.to)}…`);
  const report = await copyEmbeddedToPostgres(from, values.to, (line) => console.log(line));
  console.log(
    [
      'Copied:',
      `  ${report.organisations} organisations, ${report.apiKeys} API keys, ${report.surveys} own surveys`,
      `  ${report.rounds} rounds, ${report.invitations} invitation codes, ${report.usedCodes} used codes, ${report.responses} responses`,
      `  ${report.levers} own levers, ${report.retiredBuiltInLevers} retired built-in levers`,
      `  ${report.scoringSessions} scoring sessions with ${report.scoringLinks} personal links`,
      `Start Koers with KOERS_DATABASE_URL=${redact(values.to)} to serve it.`,
    ].join('\n'),
  );
  return 0;
}

/** The URL without its password, for printing. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the given database';
  }
}
