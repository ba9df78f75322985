/**
 * A real Koers server (the lead's app on a real store in a temp folder) listening on a free port,
 * seeded through the store's own submission path: a round with results, a round without responses
 * and a round whose groups are all below the anonymity threshold.
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { listStatements } from '../../core/survey';
import { createApp } from '../../server/app';
import { setLinkSettings } from '../../server/http/links';
import type { ErrorLog } from '../../server/http/log';
import { openStore } from '../../server/store/index';
import type { KoersStores } from '../../server/store/types';
import { TRICKY_COMMENTS } from './fixtures';

export interface RunningServer {
  baseUrl: string;
  apiKey: string;
  store: KoersStores;
  rounds: { withResults: string; empty: string; tooSmall: string };
  /** Responses per group of the round with results. */
  plan: Record<string, number>;
  close(): Promise<void>;
}

export async function startKoersServer(options: { distDir?: string } = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-addin-test-'));
  const store = await openStore({ dataDir });
  const organisation = await store.organisations.findOrCreateOrganisation('Het Baken');
  const apiKey = await store.organisations.createApiKey(organisation.id);
  const survey = await store.surveys.getSurvey(organisation.id, 'shrm');
  if (!survey) throw new Error('the built-in survey "shrm" is missing');
  const statements = listStatements(survey);

  const open = (name: string, groups: string[]) =>
    store.rounds.createRound(organisation.id, { surveyId: 'shrm', name, groups, anonymityThreshold: 5, actionGap: 1 });
  let submitted = 0;
  const submit = async (round: Awaited<ReturnType<typeof open>>, group: string, count: number, lift: number) => {
    const codes = await store.rounds.createInvitations(round.organisationId, round.id, group, count);
    for (const code of codes) {
      const answers = statements.map((statement, i) => {
        const current = 1 + ((i + submitted) % 3);
        return { statementId: statement.id, current, desired: Math.min(5, current + lift + (i % 2)) };
      });
      const comment = TRICKY_COMMENTS[submitted % TRICKY_COMMENTS.length];
      submitted += 1;
      await store.responses.submitResponse({ code, answers, comment }, '2026-11-24');
    }
  };

  // Directie and P&O are below the threshold; together they reach it as "overige geledingen".
  const plan = { leraren: 8, oop: 6, teamleiders: 5, directie: 2, 'po-hr': 3 };
  const tooSmall = await open('Te kleine ronde', ['leraren', 'oop']);
  await submit(tooSmall, 'leraren', 3, 1);
  await submit(tooSmall, 'oop', 1, 1);
  const empty = await open('Nog leeg', ['leraren']);
  const withResults = await open('Nulmeting strategisch HRM', Object.keys(plan));
  for (const [group, count] of Object.entries(plan))
    await submit(withResults, group, count, group === 'leraren' ? 2 : 1);
  // Results are released at closing.
  for (const round of [tooSmall, empty, withResults]) await store.rounds.closeRound(organisation.id, round.id);

  const app = createApp({
    store,
    config: { ratePerIp: 100_000, ratePerCode: 1_000, ...(options.distDir ? { distDir: options.distDir } : {}) },
    today: () => '2026-11-24',
    // Client-error summaries are noise here; unexpected errors still show.
    log: (line) => void (line.startsWith('Unexpected') && console.error(line)),
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  // Links are built from the configured address, never the Host header: tell the app where it listens.
  setLinkSettings(app.locals, { host: '127.0.0.1', port });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey,
    store,
    rounds: { withResults: withResults.id, empty: empty.id, tooSmall: tooSmall.id },
    plan,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      (app.locals.errorLog as ErrorLog).close();
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
