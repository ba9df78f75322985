/**
 * The public pages check replies against JSON Schemas generated from core's zod schemas
 * (server/api/pageSchemas.ts → server/public/shared/replySchemas.generated.ts). These tests keep the
 * generated file in step with the schemas and show that the pages' check accepts and refuses what
 * zod does, on real replies of the real app and on thousands of damaged copies of them.
 */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { z } from 'zod';
import { errorBodySchema } from '../../core/api/common';
import { formPayloadSchema } from '../../core/api/form';
import { responseStoredSchema } from '../../core/api/responses';
import { roundListSchema } from '../../core/api/rounds';
import { scoresStoredSchema, scoringPagePayloadSchema } from '../../core/api/scoring';
import { PAGE_SCHEMAS_FILE, pageSchemasText } from '../../server/api/pageSchemas';
import { seedDemo } from '../../server/demo/seed';
import { matchesSchema, type JsonSchema } from '../../server/public/shared/checkReply';
import * as generated from '../../server/public/shared/replySchemas.generated';
import { startTestApp, type TestApp } from './testApp';

const repoRoot = path.resolve(__dirname, '../..');

let t: TestApp;
const replies: Array<{ name: string; zod: z.ZodType; json: JsonSchema; value: unknown }> = [];

beforeAll(async () => {
  t = await startTestApp();
  const demo = await seedDemo(t.store, undefined, '2026-11-24');
  const auth = `Bearer ${demo.apiKey}`;
  const form = await request(t.app).get(`/api/form/${demo.freeCode}`);
  const rounds = await request(t.app).get('/api/rounds').set('Authorization', auth);
  const levers = await request(t.app).get('/api/levers').set('Authorization', auth);
  const leverIds = (levers.body as Array<{ id: string }>).slice(0, 3).map((lever) => lever.id);
  const session = await request(t.app)
    .post(`/api/rounds/${demo.openRoundId}/scoring`)
    .set('Authorization', auth)
    .send({ leverIds, raters: 2 });
  const link = (session.body as { links: string[] }).links[0]!;
  const token = link.slice(link.lastIndexOf('/s/') + 3);
  const scores = leverIds.map((leverId) => ({ leverId, impact: 4, feasibility: 2, remark: 'kost uren' }));
  const stored = await request(t.app).post(`/api/scoring/${token}`).send({ scores });
  const scoringPage = await request(t.app).get(`/api/scoring/${token}`);
  const unknown = await request(t.app).get('/api/form/ZZZZZZZZZZ');
  for (const res of [form, rounds, levers, session, stored, scoringPage]) expect(res.status).toBeLessThan(300);
  expect(unknown.status).toBe(404);
  replies.push(
    { name: 'formPayload', zod: formPayloadSchema, json: generated.formPayload, value: form.body },
    { name: 'roundList', zod: roundListSchema, json: generated.roundList, value: rounds.body },
    { name: 'scoresStored', zod: scoresStoredSchema, json: generated.scoresStored, value: stored.body },
    { name: 'scoringPage', zod: scoringPagePayloadSchema, json: generated.scoringPage, value: scoringPage.body },
    { name: 'error', zod: errorBodySchema, json: generated.error, value: unknown.body },
    { name: 'responseStored', zod: responseStoredSchema, json: generated.responseStored, value: { status: 'created' } },
  );
});

afterAll(() => t.close());

type Path = Array<string | number>;

/** Every place in a JSON value: the value itself, each property and each array element. */
function places(value: unknown, at: Path = []): Path[] {
  const inner =
    value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, child]) =>
          places(child, [...at, Array.isArray(value) ? Number(key) : key]),
        )
      : [];
  return [at, ...inner];
}

/** A copy of `value` with the place at `at` replaced (or removed, for `undefined`). */
function damaged(value: unknown, at: Path, replacement: unknown): unknown {
  const copy: unknown = structuredClone(value);
  if (at.length === 0) return replacement;
  let parent = copy as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = at[at.length - 1]!;
  if (replacement === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = replacement;
  return copy;
}

const REPLACEMENTS: unknown[] = [undefined, null, 42, 4.5, -1, 'x', '', true, [], {}];

describe('reply schemas of the public pages', () => {
  test('the generated file is what the zod schemas give (run `npm run schemas` after changing them)', () => {
    expect(fs.readFileSync(path.join(repoRoot, PAGE_SCHEMAS_FILE), 'utf8')).toBe(pageSchemasText());
  });

  test('every page-facing reply is covered', () => {
    expect(replies.map((reply) => reply.name).sort()).toEqual(Object.keys(generated).sort());
  });

  test('real replies of the app pass both zod and the pages’ check', () => {
    for (const { name, zod, json, value } of replies) {
      expect([name, zod.safeParse(value).success]).toEqual([name, true]);
      expect([name, matchesSchema(json, value)]).toEqual([name, true]);
    }
  });

  test('on damaged replies the pages’ check agrees with zod', () => {
    let compared = 0;
    let refused = 0;
    const disagreements: string[] = [];
    for (const { name, zod, json, value } of replies) {
      for (const at of places(value)) {
        for (const replacement of REPLACEMENTS) {
          const candidate = damaged(value, at, replacement);
          const byZod = zod.safeParse(candidate).success;
          compared += 1;
          if (!byZod) refused += 1;
          if (byZod !== matchesSchema(json, candidate))
            disagreements.push(`${name} at ${at.join('.') || '(root)'} = ${JSON.stringify(replacement)}: zod ${byZod}`);
        }
      }
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
    expect(compared).toBeGreaterThan(2_000);
    expect(refused).toBeGreaterThan(compared / 2);
  });

  test('unknown fields are ignored, as zod’s parse drops them', () => {
    const [form] = replies;
    const newer = { ...(form!.value as object), addedLater: { anything: 1 } };
    expect(formPayloadSchema.safeParse(newer).success).toBe(true);
    expect(matchesSchema(generated.formPayload, newer)).toBe(true);
  });
});
