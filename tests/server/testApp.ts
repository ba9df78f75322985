import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { createApp } from '../../server/app';
import type { ErrorLog } from '../../server/http/log';
import type { ServerConfig } from '../../server/config';
import { openStore } from '../../server/store/index';
import type { KoersStores } from '../../server/store/types';

export interface TestApp {
  app: Express;
  store: KoersStores;
  dataDir: string;
  /** Creates an organisation with a key; returns the Authorization header value. */
  adminFor(name: string): Promise<{ organisationId: string; auth: string }>;
  close(): Promise<void>;
}

/** The real app on a real store in a fresh temp data folder. */
export async function startTestApp(
  config: Partial<ServerConfig> = {},
  options: { log?: (line: string) => void } = {},
): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-test-'));
  const store = await openStore({ dataDir, limits: config.limits });
  const app = createApp({
    store,
    // Client-error summaries are noise in tests; unexpected errors still show.
    log: options.log ?? ((line) => void (line.startsWith('Unexpected') && console.error(line))),
    config: { ratePerIp: 100_000, ratePerCode: 1_000, ratePerOrg: 100_000, ...config },
    today: () => '2026-11-24',
  });
  return {
    app,
    store,
    dataDir,
    async adminFor(name) {
      const organisation = await store.organisations.findOrCreateOrganisation(name);
      const key = await store.organisations.createApiKey(organisation.id);
      return { organisationId: organisation.id, auth: `Bearer ${key}` };
    },
    async close() {
      (app.locals.errorLog as ErrorLog).close();
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A snapshot of every file in the data folder, to prove a rejected request changed nothing. */
export function snapshotDataDir(dataDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name !== 'koers.lock') files[path.relative(dataDir, full)] = fs.readFileSync(full, 'base64');
    }
  };
  walk(dataDir);
  return files;
}
