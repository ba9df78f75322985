/**
 * Which store a process opens: PostgreSQL when KOERS_DATABASE_URL is a postgres:// URL, else the
 * embedded data folder. main.ts, the CLI and the bench entry all go through here.
 */
import path from 'node:path';
import type { KoersStores } from '../contract';
import type { StoreLimits } from '../limits';
import { openStore } from '../index';
import { isPostgresUrl, openPostgresStore } from './index';

export interface StoreChoice {
  dataDir: string;
  databaseUrl?: string;
  limits?: Partial<StoreLimits>;
}

/** Where the data is, for the start-up line (never the password). */
export function describeStoreChoice(choice: StoreChoice): string {
  if (isPostgresUrl(choice.databaseUrl)) {
    try {
      const url = new URL(choice.databaseUrl);
      return `PostgreSQL ${url.host}${url.pathname}`;
    } catch {
      return 'PostgreSQL';
    }
  }
  return path.resolve(choice.dataDir);
}

export async function openConfiguredStore(choice: StoreChoice): Promise<KoersStores> {
  if (choice.databaseUrl !== undefined && choice.databaseUrl !== '') {
    if (!isPostgresUrl(choice.databaseUrl)) {
      throw new Error('KOERS_DATABASE_URL must start with postgres:// (or postgresql://)');
    }
    return openPostgresStore({ url: choice.databaseUrl, limits: choice.limits });
  }
  return openStore({ dataDir: path.resolve(choice.dataDir), limits: choice.limits });
}
