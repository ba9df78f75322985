import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { listStatements } from '../../core/survey';
import { shrmSurvey } from '../../core/instruments';
import type { ServerConfig } from '../../server/config';
import { startTestApp, type TestApp } from './testApp';

/** A small dist/ folder: the two public pages and one static asset, as the build would leave them. */
export function makeDistDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-dist-'));
  for (const page of ['form', 'scoring']) {
    fs.mkdirSync(path.join(dir, page));
    fs.writeFileSync(path.join(dir, page, 'index.html'), `<!doctype html><title>${page}</title><p>${page}</p>`);
  }
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log("koers");\n'.repeat(20));
  return dir;
}

export interface HttpTestApp extends TestApp {
  /** Every line the app logged. */
  logLines: string[];
  auth: string;
  roundId: string;
  /** Unused invitation codes of an open round of the organisation behind `auth`. */
  codes: string[];
  /** Personal scoring links' tokens of that round. */
  tokens: string[];
  distDir: string;
}

const STATEMENTS = listStatements(shrmSurvey()).map((s) => s.id);

/** A valid POST /api/responses body for a code. */
export function answersBody(code: string, seed = 1): Record<string, unknown> {
  return {
    code,
    answers: STATEMENTS.slice(0, 5).map((statementId, i) => ({
      statementId,
      current: ((seed + i) % 5) + 1,
      desired: ((seed + i + 2) % 5) + 1,
    })),
    comment: `opmerking ${seed}`,
    submissionId: `submission-${seed}-${Date.now()}`,
  };
}

/** The real app on a temp data folder with one organisation, an open round, codes and scoring links. */
export async function startHttpApp(config: Partial<ServerConfig> = {}, codeCount = 5): Promise<HttpTestApp> {
  const distDir = makeDistDir();
  const logLines: string[] = [];
  const t = await startTestApp({ distDir, ...config }, { log: (line) => logLines.push(line) });
  const { auth } = await t.adminFor('Het Baken');
  const round = await request(t.app)
    .post('/api/rounds')
    .set('Authorization', auth)
    .send({ surveyId: 'shrm', name: 'Nulmeting', groups: ['leraren'] });
  if (round.status !== 201) throw new Error(`round: ${round.status} ${round.text}`);
  const invited = await request(t.app)
    .post(`/api/rounds/${round.body.id}/invitations`)
    .set('Authorization', auth)
    .send({ group: 'leraren', count: codeCount });
  if (invited.status !== 201) throw new Error(`invitations: ${invited.status} ${invited.text}`);
  const scoring = await request(t.app)
    .post(`/api/rounds/${round.body.id}/scoring`)
    .set('Authorization', auth)
    .send({ leverIds: ['intervisie'], raters: 2 });
  if (scoring.status !== 201) throw new Error(`scoring: ${scoring.status} ${scoring.text}`);
  const tokens = (scoring.body.links as string[]).map((link) => link.slice(link.lastIndexOf('/s/') + 3));
  return {
    ...t,
    logLines,
    auth,
    roundId: round.body.id as string,
    codes: invited.body.codes as string[],
    tokens,
    distDir,
    async close() {
      await t.close();
      fs.rmSync(distDir, { recursive: true, force: true });
    },
  };
}
