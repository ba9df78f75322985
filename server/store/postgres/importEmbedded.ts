/**
 * `npm run koers -- migrate --to postgres://…`: copies an embedded data folder into an empty
 * PostgreSQL database, in one transaction (all or nothing).
 *
 * The folder is opened the way the embedded store opens it (its lock, its crash repair), so what is
 * copied is exactly what the embedded server would serve. The pepper of the HMACs is copied too,
 * so printed invitation codes, API keys and scoring links keep working. Responses go in with
 * multi-row inserts of a few thousand rows, and the running totals are computed once from them with
 * core's tally, so 100k responses take seconds.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { addToTally, createTally, type RoundTally } from '../../../core/aggregation';
import { builtInSurveys } from '../../../core/instruments';
import type { StoredResponse } from '../../../core/response';
import type { Survey } from '../../../core/survey';
import type { Round } from '../../../core/round';
import { acquireDataLock } from '../dataLock';
import { parseJsonLine, readLines } from '../jsonLines';
import { readInvitationTable } from '../invitationLogs';
import { META_FILE, MetaDocument } from '../metaDocument';
import { recoverRound } from '../recovery';
import { responsesPath } from '../responseLogs';
import { createStats } from '../stats';
import { migrate } from './migrations';
import { createPool, inTransaction } from './pool';
import { tallyToRows } from './tally';

const BATCH = 2000;

export interface ImportReport {
  organisations: number;
  apiKeys: number;
  surveys: number;
  rounds: number;
  invitations: number;
  usedCodes: number;
  responses: number;
  levers: number;
  retiredBuiltInLevers: number;
  scoringSessions: number;
  scoringLinks: number;
}

export class NotEmptyError extends Error {
  constructor(what: string) {
    super(`The database is not empty (it has ${what}); migrate copies into an empty database only.`);
    this.name = 'NotEmptyError';
  }
}

async function assertEmpty(client: pg.PoolClient): Promise<void> {
  for (const table of ['organisations', 'rounds', 'responses', 'invitations']) {
    // Table names from this fixed list, never from input.
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    if (rows[0]!.n > 0) throw new NotEmptyError(`${rows[0]!.n} rows in ${table}`);
  }
}

/** Multi-row insert through unnest: one statement per batch, every value a parameter. */
async function insertRows(client: pg.PoolClient, sql: string, columns: unknown[][], types: string[]): Promise<void> {
  const length = columns[0]?.length ?? 0;
  for (let from = 0; from < length; from += BATCH) {
    const slice = columns.map((column) => column.slice(from, from + BATCH));
    const unnest = types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
    await client.query(sql.replace('$UNNEST', `SELECT * FROM unnest(${unnest})`), slice);
  }
}

/**
 * An interim round that has released figures cannot move: the PostgreSQL store keeps no interim
 * release history (it publishes an interim round's figures once, at closing), so after the move the
 * round would publish other figures than it did, and the two could be subtracted from each other.
 */
export class InterimHistoryError extends Error {
  constructor(round: Pick<Round, 'id' | 'name'>) {
    super(
      `Round ${round.id} (${round.name}) publishes interim results and has already released some. ` +
        'The PostgreSQL store keeps no interim release history, so after the move it would publish other ' +
        'figures than it did, and the two could be subtracted from each other. Nothing was copied. ' +
        'Move the data before such a round releases figures, or keep using the embedded store.',
    );
    this.name = 'InterimHistoryError';
  }
}

export async function copyEmbeddedToPostgres(
  dataDir: string,
  url: string,
  log: (line: string) => void = () => undefined,
): Promise<ImportReport> {
  const folder = path.resolve(dataDir);
  try {
    await stat(path.join(folder, META_FILE));
  } catch {
    throw new Error(`${folder} is not a Koers data folder (no ${META_FILE})`);
  }
  // The embedded server must be stopped: its lock keeps us off a folder in use (and it off ours).
  const lock = await acquireDataLock(folder);
  const pool = createPool({ url, max: 2 });
  try {
    const stats = createStats();
    const meta = await MetaDocument.open(folder, stats);
    const data = meta.data;
    const surveys = new Map<string, Survey>([...builtInSurveys(), ...data.surveys].map((s) => [s.id, s]));
    const applied = await migrate(pool);
    if (applied.applied.length > 0) log(`Schema created (version ${applied.version}).`);

    return await inTransaction(pool, async (client) => {
      await assertEmpty(client);
      const report: ImportReport = {
        organisations: data.organisations.length,
        apiKeys: data.apiKeys.length,
        surveys: data.surveys.length,
        rounds: data.rounds.length,
        invitations: 0,
        usedCodes: 0,
        responses: 0,
        levers: data.levers.length,
        retiredBuiltInLevers: 0,
        scoringSessions: data.scoringSessions.length,
        scoringLinks: 0,
      };
      await client.query(
        `INSERT INTO koers_settings (key, value) VALUES ('secret', $1)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        [data.secret],
      );
      for (const o of data.organisations) {
        await client.query('INSERT INTO organisations (id, name, name_key, created_at) VALUES ($1, $2, $3, $4)', [
          o.id,
          o.name,
          o.name.toLocaleLowerCase('nl'),
          o.createdAt,
        ]);
      }
      for (const k of data.apiKeys as Array<(typeof data.apiKeys)[number] & { label?: string; revokedAt?: string }>) {
        await client.query(
          'INSERT INTO api_keys (hash, organisation_id, label, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5)',
          [k.hash, k.organisationId, k.label ?? null, k.createdAt, k.revokedAt ?? null],
        );
      }
      for (const s of data.surveys) {
        await client.query('INSERT INTO surveys (id, organisation_id, doc) VALUES ($1, $2, $3)', [
          s.id,
          s.organisationId,
          JSON.stringify(s),
        ]);
      }
      for (const r of data.rounds) {
        await client.query(
          'INSERT INTO rounds (id, organisation_id, survey_id, status, doc) VALUES ($1, $2, $3, $4, $5)',
          [r.id, r.organisationId, r.surveyId, r.status, JSON.stringify(r)],
        );
      }
      // Invitation hashes live in invitations/<round>.jsonl (older folders: still in koers.json).
      for (const [roundId, byGroup] of Object.entries(await readInvitationTable(folder, data.invitations))) {
        for (const [group, hashes] of Object.entries(byGroup)) {
          await insertRows(
            client,
            `INSERT INTO invitations (code_hash, round_id, group_id) $UNNEST`,
            [hashes, hashes.map(() => roundId), hashes.map(() => group)],
            ['text', 'text', 'text'],
          );
          report.invitations += hashes.length;
        }
      }

      for (const round of data.rounds) {
        const survey = surveys.get(round.surveyId);
        // The same repair the embedded store does on open; then the log holds acknowledged lines only.
        const recovered = await recoverRound(folder, round.id, stats, () => undefined);
        await insertRows(
          client,
          `INSERT INTO used_codes (code_hash, round_id, retry) $UNNEST`,
          [
            recovered.usedCodes.map((u) => u.codeHash),
            recovered.usedCodes.map(() => round.id),
            recovered.usedCodes.map((u) => u.retry),
          ],
          ['text', 'text', 'text'],
        );
        report.usedCodes += recovered.usedCodes.length;
        // With the round's settings, so an interim round replays its releases as the embedded store does.
        const tally: RoundTally | undefined = survey && createTally(survey, round.groups, round);
        let batch: StoredResponse[] = [];
        const flush = async (): Promise<void> => {
          if (batch.length === 0) return;
          await client.query(
            `INSERT INTO responses (round_id, group_id, day, answers, comment)
             SELECT $1, * FROM unnest($2::text[], $3::text[], $4::json[], $5::text[])`,
            [
              round.id,
              batch.map((r) => r.group),
              batch.map((r) => r.day),
              batch.map((r) => JSON.stringify(r.answers)),
              batch.map((r) => r.comment ?? null),
            ],
          );
          batch = [];
        };
        if (recovered.responseCount > 0) {
          for await (const line of readLines(responsesPath(folder, round.id))) {
            if (!line.complete) break;
            const response = parseJsonLine(line.text) as StoredResponse | undefined;
            if (!response) continue;
            if (tally) {
              addToTally(tally, response);
              // Refused as soon as the replay reaches a release: no need to read the rest of the log.
              if (tally.interim?.last) throw new InterimHistoryError(round);
            }
            batch.push(response);
            report.responses += 1;
            if (batch.length >= BATCH) await flush();
          }
          await flush();
        }
        if (tally && survey) {
          for (const row of tallyToRows(survey, tally)) {
            await client.query(
              `INSERT INTO round_tallies (round_id, group_id, shard, responses, comments, stats)
               VALUES ($1, $2, 0, $3, $4, $5)`,
              [round.id, row.group, row.responses, row.comments, row.stats],
            );
          }
        }
        log(
          `Round ${round.id} (${round.name}): ${recovered.usedCodes.length} used codes, ${recovered.responseCount} responses.`,
        );
      }

      for (const lever of data.levers) {
        await client.query('INSERT INTO levers (organisation_id, id, doc) VALUES ($1, $2, $3)', [
          lever.organisationId,
          lever.id,
          JSON.stringify(lever),
        ]);
      }
      for (const [organisationId, ids] of Object.entries(data.retiredBuiltInLevers)) {
        for (const id of ids) {
          await client.query('INSERT INTO retired_built_in_levers (organisation_id, lever_id) VALUES ($1, $2)', [
            organisationId,
            id,
          ]);
          report.retiredBuiltInLevers += 1;
        }
      }
      for (const session of data.scoringSessions) {
        await client.query(
          `INSERT INTO scoring_sessions (id, organisation_id, round_id, lever_ids, status, created_at, closed_at, adviser)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            session.id,
            session.organisationId,
            session.roundId,
            JSON.stringify(session.leverIds),
            session.status,
            session.createdAt,
            session.closedAt ?? null,
            session.adviser ? JSON.stringify(session.adviser) : null,
          ],
        );
        for (const [position, hash] of session.tokenHashes.entries()) {
          const scores = session.scores[hash];
          await client.query(
            'INSERT INTO scoring_tokens (token_hash, session_id, position, scores, updated_at) VALUES ($1, $2, $3, $4, $5)',
            [hash, session.id, position, scores ? JSON.stringify(scores.scores) : null, scores?.updatedAt ?? null],
          );
          report.scoringLinks += 1;
        }
      }
      return report;
    });
  } finally {
    await pool.end().catch(() => undefined);
    await lock.release();
  }
}
