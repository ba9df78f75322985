import type { Round, RoundInput } from '../../core/round';
import { hashCode, newInvitationCode } from './codes';
import type { CodeLookup, RoundStore } from './contract';
import type { InvitationLine, InvitationLogs } from './invitationLogs';
import { checkCount, checkDataBytes, jsonBytes } from './limits';
import type { StoreContext } from './storeContext';
import type { FileSurveyStore } from './surveyStore';
import { checkInvitationCount, checkInvitationTarget, closedRound, newRound, roundWithEnd } from './rules/rounds';

/** The invitation a code hash belongs to. */
export interface Invitation {
  roundId: string;
  group: string;
}

/**
 * Rounds and their invitation codes. Codes are kept as HMACs with the store's secret; the index from
 * hash to invitation lives in memory. Whether a code is used is the responses store's knowledge.
 */
export class FileRoundStore implements RoundStore {
  private readonly invitations = new Map<string, Invitation>();
  /** Codes issued per round, for the per-round limit without counting the whole index. */
  private readonly codesPerRound = new Map<string, number>();

  constructor(
    private readonly ctx: StoreContext,
    private readonly surveys: FileSurveyStore,
    private readonly isCodeUsed: (codeHash: string) => boolean,
    private readonly logs: InvitationLogs,
  ) {}

  /** Called by openStore for every line of the invitation logs before the store is handed out. */
  indexInvitationLine(roundId: string, line: InvitationLine): void {
    for (const hash of line.hashes) this.invitations.set(hash, { roundId, group: line.group });
    this.codesPerRound.set(roundId, (this.codesPerRound.get(roundId) ?? 0) + line.hashes.length);
  }

  async listRounds(organisationId: string): Promise<Round[]> {
    return this.ctx.meta.data.rounds.filter((r) => r.organisationId === organisationId);
  }

  async getRound(organisationId: string, roundId: string): Promise<Round | undefined> {
    const round = this.ctx.roundById(roundId);
    return round?.organisationId === organisationId ? round : undefined;
  }

  async createRound(organisationId: string, input: RoundInput): Promise<Round> {
    this.ctx.assertOpen();
    const survey = this.surveys.visibleSurvey(organisationId, input.surveyId);
    const round = newRound(organisationId, survey, input, this.ctx.timestamp());
    const bytes = jsonBytes(round);
    return this.ctx.meta.update(
      (draft) => {
        const own = draft.rounds.filter((r) => r.organisationId === organisationId).length;
        checkCount(this.ctx.limits, 'roundsPerOrganisation', own);
        checkDataBytes(this.ctx.limits, this.ctx.organisationBytes(organisationId), bytes);
        draft.rounds.push(round);
        return round;
      },
      () => this.ctx.addDataBytes(organisationId, bytes),
    );
  }

  async closeRound(organisationId: string, roundId: string): Promise<Round | undefined> {
    this.ctx.assertOpen();
    const round = await this.getRound(organisationId, roundId);
    if (!round) return undefined;
    if (round.status === 'closed') return round;
    let delta = 0;
    return this.ctx.meta.update(
      (draft) => {
        const index = draft.rounds.findIndex((r) => r.id === roundId);
        const stored = draft.rounds[index]!;
        const closed = closedRound(stored, this.ctx.timestamp());
        delta = jsonBytes(closed) - jsonBytes(stored);
        draft.rounds[index] = closed;
        return closed;
      },
      // Closing never needs room: it is always allowed, the small growth is only counted.
      () => this.ctx.addDataBytes(organisationId, delta),
    );
  }

  async setRoundEnd(organisationId: string, roundId: string, end: string): Promise<Round | undefined> {
    this.ctx.assertOpen();
    if (!(await this.getRound(organisationId, roundId))) return undefined;
    return this.ctx.meta.update((draft) => {
      const index = draft.rounds.findIndex((r) => r.id === roundId);
      const moved = roundWithEnd(draft.rounds[index]!, end);
      draft.rounds[index] = moved;
      return moved;
    });
  }

  async invitationCounts(roundId: string): Promise<Record<string, number>> {
    // The hashes live in the round's own invitation log; the in-memory index holds every one of them.
    const counts: Record<string, number> = {};
    for (const invitation of this.invitations.values()) {
      if (invitation.roundId === roundId) counts[invitation.group] = (counts[invitation.group] ?? 0) + 1;
    }
    return counts;
  }

  async createInvitations(organisationId: string, roundId: string, group: string, count: number): Promise<string[]> {
    this.ctx.assertOpen();
    checkInvitationCount(count);
    // Decided on the stored round inside the write queue, so a concurrent close wins cleanly; the
    // hashes go to the round's own log, so koers.json is not rewritten with every code in it.
    return this.ctx.meta.exclusive(async (data) => {
      const stored = data.rounds.find((r) => r.id === roundId && r.organisationId === organisationId);
      checkInvitationTarget(stored, group);
      checkCount(this.ctx.limits, 'codesPerRound', this.codesPerRound.get(stored.id) ?? 0, count);
      const codes: string[] = [];
      const hashes = new Set<string>();
      while (codes.length < count) {
        const code = newInvitationCode();
        const hash = hashCode(code, data.secret);
        if (this.invitations.has(hash) || hashes.has(hash)) continue;
        codes.push(code);
        hashes.add(hash);
      }
      const line: InvitationLine = { group, hashes: [...hashes] };
      await this.logs.append(stored.id, line);
      this.indexInvitationLine(stored.id, line);
      return codes;
    });
  }

  async lookupCode(code: string): Promise<CodeLookup | undefined> {
    const codeHash = hashCode(code, this.ctx.meta.data.secret);
    const invitation = this.invitationFor(codeHash);
    if (!invitation) return undefined;
    const round = this.ctx.roundById(invitation.roundId);
    const survey = round && this.ctx.surveyById(round.surveyId);
    if (!round || !survey) return undefined;
    return { round, survey, group: invitation.group, used: this.isCodeUsed(codeHash) };
  }

  /** The synchronous lookup the responses store uses, so its checks stay before the first await. */
  invitationFor(codeHash: string): Invitation | undefined {
    return this.invitations.get(codeHash);
  }
}
