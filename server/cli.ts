import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { readConfig } from './config';
import { openStore } from './store/index';

const usage = `Usage: npm run koers -- key create --org "<organisation name>"

Creates an API key for the organisation (creating the organisation if it is new).
The key is printed once, on the last line; only its hash is stored.
Data folder: KOERS_DATA_DIR (default ./data). Stop the server first: one process per data folder.`;

const organisationName = z
  .string()
  .trim()
  .min(1, 'the organisation name is empty')
  .max(200, 'the organisation name is too long');

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { org: { type: 'string' }, help: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (values.help || positionals.join(' ') !== 'key create') {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  const name = organisationName.safeParse(values.org ?? '');
  if (!name.success) {
    console.error(`${name.error.issues[0]?.message}.\n\n${usage}`);
    return 2;
  }
  const store = await openStore({ dataDir: path.resolve(readConfig(process.env, 'dist').dataDir) });
  try {
    const organisation = await store.organisations.findOrCreateOrganisation(name.data);
    const key = await store.organisations.createApiKey(organisation.id);
    console.log(`API key for "${organisation.name}" (id ${organisation.id}); keep it safe, it is not shown again:`);
    console.log(key);
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
