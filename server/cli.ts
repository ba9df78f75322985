import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { readConfig } from './config';
import { migrateUsage, runMigrate } from './migrate/command';
import type { ApiKeyInfo } from './store/contract';
import { openConfiguredStore } from './store/postgres/select';

const usage = `Usage:
  npm run koers -- key create --org "<organisation name>" [--label "<what it is for>"]
  npm run koers -- key list
  npm run koers -- key revoke <key id>

key create  makes an API key for the organisation (creating the organisation if it is new). The key is
            printed once, on the last line; only its hash is stored.
key list    lists every key by its id (never the key itself), organisation, label, and when it was made
            or revoked.
key revoke  revokes a key by the id that key list shows (or a unique start of it); it stops working at
            once, also in a running server after its next start.
Data folder: KOERS_DATA_DIR (default ./data). Stop the server first: one process per data folder.
With KOERS_DATABASE_URL=postgres://… keys live in that database (servers may keep running).

${migrateUsage}`;

const organisationName = z
  .string()
  .trim()
  .min(1, 'the organisation name is empty')
  .max(200, 'the organisation name is too long');

function keyLine(key: ApiKeyInfo): string {
  const state = key.revokedAt ? `revoked ${key.revokedAt}` : 'active';
  const label = key.label ? ` [${key.label}]` : '';
  return `${key.id}  ${state.padEnd(32)}  created ${key.createdAt}  ${key.organisationName}${label}`;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'migrate') return runMigrate(argv.slice(1));
  const { values, positionals } = parseArgs({
    args: argv,
    options: { org: { type: 'string' }, label: { type: 'string' }, help: { type: 'boolean' } },
    allowPositionals: true,
  });
  const [group, command, ...rest] = positionals;
  const known = group === 'key' && ['create', 'list', 'revoke'].includes(command ?? '');
  if (values.help || !known) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  let name: string | undefined;
  if (command === 'create') {
    const parsed = organisationName.safeParse(values.org ?? '');
    if (!parsed.success) {
      console.error(`${parsed.error.issues[0]?.message}.\n\n${usage}`);
      return 2;
    }
    name = parsed.data;
  }
  if (command === 'revoke' && rest.length !== 1) {
    console.error(`Name the key to revoke by its id (see key list).\n\n${usage}`);
    return 2;
  }
  const config = readConfig(process.env, 'dist');
  const store = await openConfiguredStore({ dataDir: path.resolve(config.dataDir), databaseUrl: config.databaseUrl });
  try {
    if (command === 'create') {
      const organisation = await store.organisations.findOrCreateOrganisation(name!);
      const key = await store.organisations.createApiKey(organisation.id, { label: values.label });
      console.log(`API key for "${organisation.name}" (id ${organisation.id}); keep it safe, it is not shown again:`);
      console.log(key);
    } else if (command === 'list') {
      const keys = await store.organisations.listApiKeys();
      if (keys.length === 0) console.log('No API keys yet. Make one with: npm run koers -- key create --org "<name>"');
      for (const key of keys) console.log(keyLine(key));
    } else {
      const revoked = await store.organisations.revokeApiKey(rest[0]!);
      if (!revoked) {
        console.error(`No single key matches "${rest[0]}". See npm run koers -- key list.`);
        return 1;
      }
      console.log(`Revoked: ${keyLine(revoked)}`);
    }
  } finally {
    await store.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message ?? error);
    process.exit(1);
  },
);
