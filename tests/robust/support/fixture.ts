import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RoundInput } from '../../../core/round';
import type { KoersStores } from '../../../server/store/contract';
import { openConfiguredStore } from '../../../server/store/postgres/select';
import { HttpClient, type HttpResult } from '../../bench/lib/http';
import { startServer, type ServerProcess } from '../../bench/lib/serverProcess';

export { HttpClient, type HttpResult } from '../../bench/lib/http';
export { startServer, type ServerProcess } from '../../bench/lib/serverProcess';

export function tempDataDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `koers-robust-${label}-`));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export interface OrgKey {
  organisationId: string;
  apiKey: string;
}

/**
 * The PostgreSQL database the suites run against instead of the data folder, when set (the pg*
 * variants set it; see support/pgTarget.ts).
 */
export function robustDatabaseUrl(): string | undefined {
  return process.env.KOERS_ROBUST_DATABASE_URL || undefined;
}

/** The store the servers of this suite use: the folder, or the robust database when one is set. */
export function openTestStore(dataDir: string): Promise<KoersStores> {
  return openConfiguredStore({ dataDir, databaseUrl: robustDatabaseUrl() });
}

/**
 * Organisations and API keys can only be made through the store (the CLI does the same), so they are
 * created in-process before the server starts on the folder.
 */
export async function createOrganisations(dataDir: string, names: string[]): Promise<OrgKey[]> {
  const store = await openTestStore(dataDir);
  try {
    const out: OrgKey[] = [];
    for (const name of names) {
      const organisation = await store.organisations.findOrCreateOrganisation(name);
      out.push({ organisationId: organisation.id, apiKey: await store.organisations.createApiKey(organisation.id) });
    }
    return out;
  } finally {
    await store.close();
  }
}

/** The admin API of one organisation, over HTTP. Every helper asserts the status it expects. */
export class AdminApi {
  readonly headers: Record<string, string>;

  constructor(
    readonly client: HttpClient,
    apiKey: string,
  ) {
    this.headers = { authorization: `Bearer ${apiKey}` };
  }

  async expectStatus(result: Promise<HttpResult>, status: number, what: string): Promise<HttpResult> {
    const res = await result;
    if (res.status !== status)
      throw new Error(`${what}: expected ${status}, got ${res.status}: ${res.text.slice(0, 300)}`);
    return res;
  }

  async createRound(input: Partial<RoundInput> & { surveyId: string; groups: string[] }): Promise<{ id: string }> {
    const res = await this.expectStatus(
      this.client.post('/api/rounds', { name: 'Robust round', ...input }, this.headers),
      201,
      'create round',
    );
    return res.json as { id: string };
  }

  async invite(roundId: string, group: string, count: number): Promise<string[]> {
    const codes: string[] = [];
    for (let made = 0; made < count; made += 5000) {
      const res = await this.expectStatus(
        this.client.post(
          `/api/rounds/${roundId}/invitations`,
          { group, count: Math.min(5000, count - made) },
          this.headers,
        ),
        201,
        'invite',
      );
      codes.push(...(res.json as { codes: string[] }).codes);
    }
    return codes;
  }

  async close(roundId: string): Promise<void> {
    await this.expectStatus(
      this.client.post(`/api/rounds/${roundId}/close`, undefined, this.headers),
      200,
      'close round',
    );
  }

  get(pathname: string): Promise<HttpResult> {
    return this.client.get(pathname, this.headers);
  }

  async getJson<T>(pathname: string): Promise<T> {
    const res = await this.expectStatus(this.get(pathname), 200, `GET ${pathname}`);
    return res.json as T;
  }
}

const running = new Set<ServerProcess>();

/**
 * Kills servers a failed test left running (call from afterAll): a live child keeps Jest waiting and
 * holds the folder's lock.
 */
export async function killLeftoverServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.kill()));
  running.clear();
}

/** A server on the folder plus a client to it; `stop` stops both. */
export async function serve(
  dataDir: string,
): Promise<{ server: ServerProcess; client: HttpClient; stop(): Promise<void> }> {
  const databaseUrl = robustDatabaseUrl();
  const server = await startServer({
    dataDir,
    entry: 'main',
    env: databaseUrl ? { KOERS_DATABASE_URL: databaseUrl } : {},
  });
  running.add(server);
  void server.exited.then(() => running.delete(server));
  const client = new HttpClient(server.url);
  return {
    server,
    client,
    async stop() {
      client.close();
      await server.stop();
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
