import { stat } from 'node:fs/promises';
import { addToTally, buildComments, buildResults, createTally, type RoundTally } from '../../core/aggregation';
import type { PublishedComment } from '../../core/anonymity';
import type { Lever, LeverInput, LeverUpdate } from '../../core/levers/lever';
import type { ScoreInput } from '../../core/levers/scoring';
import type { Organisation } from '../../core/organisation';
import type { ResponseInput, StoredResponse } from '../../core/response';
import type { RoundResults } from '../../core/results';
import type { Round, RoundInput } from '../../core/round';
import type { Survey, SurveyInput } from '../../core/survey';
import { hashApiKey, hashCode, newApiKey, newId, newInvitationCode } from './codes';
import type { DataLock } from './dataLock';
import { CorruptLogError, parseJsonLine, readLines } from './jsonLines';
import { LeverStore } from './leverStore';
import type { MetaData, MetaDocument } from './metaDocument';
import { ResponseIntake } from './responseIntake';
import { responsesPath, type ResponseLogs, type UsedCodeLine } from './responseLogs';
import { ScoringStore } from './scoringStore';
import { copyStats, type StoreStats } from './stats';
import {
  StoreError,
  type CodeLookup,
  type KoersStore,
  type ScoreOutcome,
  type ScoringSession,
  type ScoringTokenLookup,
  type SubmitOutcome,
} from './types';

/** The store as the server gets it: the KoersStore contract plus counters for tests and benchmarks. */
export interface FileStore extends KoersStore {
  stats(): StoreStats;
}

/** Same bound as the HTTP schema (invitationRequestSchema); guards direct callers too. */
const MAX_CODES_PER_REQUEST = 5000;

interface Invitation {
  roundId: string;
  group: string;
}

export interface KoersStoreParts {
  meta: MetaDocument;
  logs: ResponseLogs;
  lock: DataLock;
  stats: StoreStats;
  dataDir: string;
  now: () => Date;
  builtIns: Survey[];
}

/**
 * KoersStore over one data folder. Admin data lives in the meta document; submissions go through
 * the intake to append-only logs. In memory: indexes, used codes, per-round counts and tallies,
 * never the responses themselves.
 */
export class FileKoersStore implements FileStore {
  private readonly meta: MetaDocument;
  private readonly logs: ResponseLogs;
  private readonly lock: DataLock;
  private readonly counters: StoreStats;
  private readonly dataDir: string;
  private readonly now: () => Date;
  private readonly builtIns: Survey[];
  private readonly intake: ResponseIntake;
  private readonly levers: LeverStore;
  private readonly scoring: ScoringStore;

  private readonly organisationsByKey = new Map<string, string>();
  private readonly invitations = new Map<string, Invitation>();
  private readonly responseCounts = new Map<string, number>();
  private readonly tallies = new Map<string, RoundTally>();
  private closing: Promise<void> | undefined;

  constructor(parts: KoersStoreParts) {
    this.meta = parts.meta;
    this.logs = parts.logs;
    this.lock = parts.lock;
    this.counters = parts.stats;
    this.dataDir = parts.dataDir;
    this.now = parts.now;
    this.builtIns = parts.builtIns;
    this.intake = new ResponseIntake(parts.logs, parts.now, (response) => this.countDurable(response));
    this.levers = new LeverStore(parts.meta);
    this.scoring = new ScoringStore(parts.meta, () => this.timestamp());
    this.indexMeta(parts.meta.data);
  }

  /** Called by openStore for each recovered round before the store is handed out. */
  loadRecoveredRound(roundId: string, usedCodes: UsedCodeLine[], responseCount: number): void {
    this.intake.loadUsedCodes(usedCodes);
    this.responseCounts.set(roundId, responseCount);
  }

  /** Feeds one recovered response into its round's tally. */
  tallyRecovered(response: StoredResponse): void {
    const tally = this.tallyFor(response.roundId);
    if (tally) addToTally(tally, response);
  }

  stats(): StoreStats {
    return copyStats(this.counters);
  }

  // --- organisations and keys ---

  async findOrCreateOrganisation(name: string): Promise<Organisation> {
    this.assertOpen();
    const wanted = name.trim();
    if (wanted === '') throw new Error('An organisation needs a name');
    const key = wanted.toLocaleLowerCase('nl');
    const known = this.meta.data.organisations.find((o) => o.name.toLocaleLowerCase('nl') === key);
    if (known) return known;
    // Looked up again inside the queue, so two concurrent calls with one name create one organisation.
    return this.meta.update((draft) => {
      const existing = draft.organisations.find((o) => o.name.toLocaleLowerCase('nl') === key);
      if (existing) return existing;
      const organisation: Organisation = { id: newId('org'), name: wanted, createdAt: this.timestamp() };
      draft.organisations.push(organisation);
      return organisation;
    });
  }

  async createApiKey(organisationId: string): Promise<string> {
    this.assertOpen();
    const key = newApiKey();
    const hash = hashApiKey(key);
    await this.meta.update(
      (draft) => {
        if (!draft.organisations.some((o) => o.id === organisationId))
          throw new Error(`Unknown organisation ${organisationId}`);
        draft.apiKeys.push({ hash, organisationId, createdAt: this.timestamp() });
      },
      () => this.organisationsByKey.set(hash, organisationId),
    );
    return key;
  }

  organisationForKey(key: string): Organisation | undefined {
    const organisationId = this.organisationsByKey.get(hashApiKey(key));
    return organisationId === undefined ? undefined : this.meta.data.organisations.find((o) => o.id === organisationId);
  }

  // --- surveys ---

  listSurveys(organisationId: string): Survey[] {
    return [...this.builtIns, ...this.meta.data.surveys.filter((s) => s.organisationId === organisationId)];
  }

  getSurvey(organisationId: string, surveyId: string): Survey | undefined {
    const survey = this.surveyById(surveyId);
    return survey && (survey.builtIn || survey.organisationId === organisationId) ? survey : undefined;
  }

  async createSurvey(organisationId: string, input: SurveyInput): Promise<Survey> {
    this.assertOpen();
    const survey: Survey = {
      ...structuredClone(input),
      id: newId('survey'),
      organisationId,
      builtIn: false,
      createdAt: this.timestamp(),
    };
    return this.meta.update((draft) => {
      draft.surveys.push(survey);
      return survey;
    });
  }

  // --- rounds ---

  listRounds(organisationId: string): Round[] {
    return this.meta.data.rounds.filter((r) => r.organisationId === organisationId);
  }

  getRound(organisationId: string, roundId: string): Round | undefined {
    const round = this.roundById(roundId);
    return round?.organisationId === organisationId ? round : undefined;
  }

  async createRound(organisationId: string, input: RoundInput): Promise<Round> {
    this.assertOpen();
    const survey = this.getSurvey(organisationId, input.surveyId);
    if (!survey) throw new StoreError('unknownSurvey', { surveyId: input.surveyId });
    const unknownGroup = input.groups.find((g) => !survey.groups.some((sg) => sg.id === g));
    if (unknownGroup !== undefined) throw new StoreError('unknownGroup', { group: unknownGroup });
    const round: Round = {
      id: newId('round'),
      organisationId,
      surveyId: survey.id,
      name: input.name,
      groups: [...new Set(input.groups)],
      ...(input.period ? { period: { ...input.period } } : {}),
      anonymityThreshold: input.anonymityThreshold,
      actionGap: input.actionGap,
      ...(input.baselineRoundId ? { baselineRoundId: input.baselineRoundId } : {}),
      status: 'open',
      createdAt: this.timestamp(),
    };
    return this.meta.update(
      (draft) => {
        draft.rounds.push(round);
        return round;
      },
      () => {
        this.responseCounts.set(round.id, 0);
        this.tallies.set(round.id, createTally(survey, round.groups));
      },
    );
  }

  async closeRound(organisationId: string, roundId: string): Promise<Round | undefined> {
    this.assertOpen();
    const round = this.getRound(organisationId, roundId);
    if (!round) return undefined;
    if (round.status === 'closed') return round;
    return this.meta.update((draft) => {
      const stored = draft.rounds.find((r) => r.id === roundId)!;
      if (stored.status !== 'closed') Object.assign(stored, { status: 'closed', closedAt: this.timestamp() });
      return stored;
    });
  }

  // --- invitations ---

  async createInvitations(round: Round, group: string, count: number): Promise<string[]> {
    this.assertOpen();
    if (!Number.isInteger(count) || count < 1 || count > MAX_CODES_PER_REQUEST) {
      throw new RangeError(`count must be a whole number from 1 to ${MAX_CODES_PER_REQUEST}`);
    }
    return this.meta
      .update(
        (draft) => {
          // Checked against the stored round, not the caller's copy, which may be stale.
          const stored = draft.rounds.find((r) => r.id === round.id && r.organisationId === round.organisationId);
          if (!stored) throw new Error(`Unknown round ${round.id}`);
          if (!stored.groups.includes(group)) throw new StoreError('unknownGroup', { group });
          if (stored.status !== 'open') throw new StoreError('roundClosed');
          const codes: string[] = [];
          const hashes = new Set<string>();
          while (codes.length < count) {
            const code = newInvitationCode();
            const hash = hashCode(code, draft.secret);
            if (this.invitations.has(hash) || hashes.has(hash)) continue;
            codes.push(code);
            hashes.add(hash);
          }
          const byGroup = (draft.invitations[stored.id] ??= {});
          (byGroup[group] ??= []).push(...hashes);
          return { codes, hashes };
        },
        ({ hashes }) => {
          for (const hash of hashes) this.invitations.set(hash, { roundId: round.id, group });
        },
      )
      .then(({ codes }) => codes);
  }

  lookupCode(code: string): CodeLookup | undefined {
    const codeHash = hashCode(code, this.meta.data.secret);
    const invitation = this.invitations.get(codeHash);
    if (!invitation) return undefined;
    const round = this.roundById(invitation.roundId);
    const survey = round && this.surveyById(round.surveyId);
    if (!round || !survey) return undefined;
    return { round, survey, group: invitation.group, used: this.intake.isUsed(codeHash) };
  }

  // --- responses ---

  /** Resolves the code to its invitation here; the intake does the rest, synchronously up to the write. */
  async submitResponse(input: ResponseInput, today: string): Promise<SubmitOutcome> {
    this.assertOpen();
    const codeHash = hashCode(input.code, this.meta.data.secret);
    const invitation = this.invitations.get(codeHash);
    const round = invitation && this.roundById(invitation.roundId);
    const survey = round && this.surveyById(round.surveyId);
    if (!invitation || !round || !survey) throw new StoreError('unknownCode');
    return this.intake.submit({ codeHash, round, survey, group: invitation.group }, input, today);
  }

  responseCount(roundId: string): number {
    return this.responseCounts.get(roundId) ?? 0;
  }

  results(round: Round): RoundResults {
    const current = this.roundById(round.id) ?? round;
    const survey = this.surveyById(current.surveyId);
    if (!survey) throw new StoreError('unknownSurvey', { surveyId: current.surveyId });
    const tally = this.tallyFor(current.id) ?? createTally(survey, current.groups);
    return buildResults({ tally, survey, round: current });
  }

  comments(round: Round): PublishedComment[] {
    const current = this.roundById(round.id) ?? round;
    const tally = this.tallyFor(current.id);
    return tally ? buildComments({ tally, round: current }) : [];
  }

  /**
   * Streams the round's log up to the last acknowledged flush, so a reader never sees a response
   * whose flush is still running or might be rolled back.
   */
  async *readResponses(roundId: string): AsyncGenerator<StoredResponse> {
    // Only ids of known rounds become file names: the id may come straight from a URL.
    if (!this.roundById(roundId)) return;
    const filePath = responsesPath(this.dataDir, roundId);
    const acknowledged = this.logs.acknowledgedResponseBytes(roundId);
    let size: number;
    try {
      ({ size } = await stat(filePath));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    // A log no flush has opened yet holds only recovered, acknowledged lines: read what is there now.
    const end = acknowledged ?? size;
    let lineNumber = 0;
    for await (const line of readLines(filePath, end)) {
      lineNumber += 1;
      if (!line.complete) return;
      const value = parseJsonLine(line.text);
      if (value === undefined) throw new CorruptLogError(filePath, lineNumber, 'after the last repair on open');
      yield value as StoredResponse;
    }
  }

  // --- levers ---

  listLevers(organisationId: string): Lever[] {
    return this.levers.list(organisationId);
  }

  getLever(organisationId: string, leverId: string): Lever | undefined {
    return this.levers.get(organisationId, leverId);
  }

  async createLever(organisationId: string, input: LeverInput): Promise<Lever> {
    this.assertOpen();
    return this.levers.create(organisationId, input);
  }

  async updateLever(organisationId: string, leverId: string, update: LeverUpdate): Promise<Lever | undefined> {
    this.assertOpen();
    return this.levers.update(organisationId, leverId, update);
  }

  async setLeverRetired(organisationId: string, leverId: string, retired: boolean): Promise<Lever | undefined> {
    this.assertOpen();
    return this.levers.setRetired(organisationId, leverId, retired);
  }

  // --- MT scoring ---

  async openScoringSession(
    round: Round,
    leverIds: string[],
    raters: number,
  ): Promise<{ session: ScoringSession; tokens: string[] }> {
    this.assertOpen();
    if (!this.getRound(round.organisationId, round.id)) throw new Error(`Unknown round ${round.id}`);
    return this.scoring.open(round, leverIds, raters);
  }

  latestScoringSession(organisationId: string, roundId: string): ScoringSession | undefined {
    return this.scoring.latest(organisationId, roundId);
  }

  async closeScoringSession(organisationId: string, roundId: string): Promise<ScoringSession | undefined> {
    this.assertOpen();
    return this.scoring.close(organisationId, roundId);
  }

  async saveAdviserScores(organisationId: string, roundId: string, scores: ScoreInput[]): Promise<ScoringSession> {
    this.assertOpen();
    return this.scoring.saveAdviserScores(organisationId, roundId, scores);
  }

  lookupScoringToken(token: string): ScoringTokenLookup | undefined {
    return this.scoring.lookup(token);
  }

  async submitScores(token: string, scores: ScoreInput[]): Promise<ScoreOutcome> {
    this.assertOpen();
    return this.scoring.submit(token, scores);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        await this.intake.drain();
        await this.meta.settle();
      } finally {
        await this.logs.close();
        await this.lock.release();
      }
    })();
    return this.closing;
  }

  // --- internals ---

  /** Called for each response once the flush that carried it is on disk. */
  private countDurable(response: StoredResponse): void {
    this.responseCounts.set(response.roundId, this.responseCount(response.roundId) + 1);
    this.counters.committedResponses += 1;
    const tally = this.tallyFor(response.roundId);
    if (tally) addToTally(tally, response);
  }

  private tallyFor(roundId: string): RoundTally | undefined {
    let tally = this.tallies.get(roundId);
    if (!tally) {
      const round = this.roundById(roundId);
      const survey = round && this.surveyById(round.surveyId);
      if (!round || !survey) return undefined;
      tally = createTally(survey, round.groups);
      this.tallies.set(roundId, tally);
    }
    return tally;
  }

  private indexMeta(data: Readonly<MetaData>): void {
    for (const key of data.apiKeys) this.organisationsByKey.set(key.hash, key.organisationId);
    for (const [roundId, byGroup] of Object.entries(data.invitations)) {
      for (const [group, hashes] of Object.entries(byGroup)) {
        for (const hash of hashes) this.invitations.set(hash, { roundId, group });
      }
    }
  }

  private roundById(roundId: string): Round | undefined {
    return this.meta.data.rounds.find((r) => r.id === roundId);
  }

  private surveyById(surveyId: string): Survey | undefined {
    return this.builtIns.find((s) => s.id === surveyId) ?? this.meta.data.surveys.find((s) => s.id === surveyId);
  }

  private timestamp(): string {
    return this.now().toISOString();
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('The store is closed');
  }
}
