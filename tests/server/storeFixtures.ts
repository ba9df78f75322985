/** Test helpers for the store tests: real temp folders, a small survey, a round with codes. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Answer } from '../../core/response';
import { roundInputSchema, type Round } from '../../core/round';
import type { Survey } from '../../core/survey';
import { openStore, type FileStore } from '../../server/store';
import { contractSurvey } from './storeContract/fixtures';

export { collect, refusal } from './storeContract/fixtures';
/** The small survey of the store tests (the contract's). */
export const surveyInput = contractSurvey;

export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'koers-store-'));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function answers(
  current: number | null,
  desired: number | null,
  second: [number | null, number | null] = [3, 4],
): Answer[] {
  return [
    { statementId: 's1', current, desired },
    { statementId: 's2', current: second[0], desired: second[1] },
  ];
}

/** A settable clock, so tests can move time (the 24-hour repeat memory) without timers. */
export function makeClock(start = '2025-03-03T09:00:00.000Z'): { now: () => Date; advance: (ms: number) => void } {
  let time = new Date(start).getTime();
  return { now: () => new Date(time), advance: (ms) => void (time += ms) };
}

export interface Setup {
  store: FileStore;
  organisationId: string;
  survey: Survey;
  round: Round;
  teacherCodes: string[];
  supportCodes: string[];
}

/** An organisation with a custom survey, one open round (threshold 2) and codes for both groups. */
export async function setUp(
  dataDir: string,
  options: { teachers?: number; support?: number; now?: () => Date } = {},
): Promise<Setup> {
  const store = await openStore({ dataDir, ...(options.now ? { now: options.now } : {}) });
  const organisation = await store.organisations.findOrCreateOrganisation('Test College');
  const survey = await store.surveys.createSurvey(organisation.id, surveyInput);
  const round = await store.rounds.createRound(
    organisation.id,
    roundInputSchema.parse({
      surveyId: survey.id,
      name: 'Voorjaar 2025',
      groups: ['leraren', 'oop'],
      anonymityThreshold: 2,
    }),
  );
  const teacherCodes = await store.rounds.createInvitations(
    round.organisationId,
    round.id,
    'leraren',
    options.teachers ?? 5,
  );
  const supportCodes = await store.rounds.createInvitations(
    round.organisationId,
    round.id,
    'oop',
    options.support ?? 3,
  );
  return { store, organisationId: organisation.id, survey, round, teacherCodes, supportCodes };
}

export function readLinesOf(filePath: string): string[] {
  if (!fs.existsSync(filePath)) return [];
  return fs
    .readFileSync(filePath, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
}

export function responsesFile(dataDir: string, roundId: string): string {
  return path.join(dataDir, 'responses', `${roundId}.jsonl`);
}

export function usedCodesFile(dataDir: string, roundId: string): string {
  return path.join(dataDir, 'used-codes', `${roundId}.jsonl`);
}
