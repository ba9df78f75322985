/**
 * The behaviour every implementation of the store contract (server/store/contract) must show, as one
 * jest suite parameterised by a factory. The embedded file store runs it in fileStore.test.ts; a
 * PostgreSQL store runs the very same suite with its own factory:
 *
 *   describeStoreContract('postgres', async () => { const store = await openPgStore(...); return { store, cleanup } });
 *
 * Everything here goes through the contract only: no file names, no internals.
 */
import type { LeverInput } from '../../../core/levers/lever';
import type { ResponseInput } from '../../../core/response';
import { roundInputSchema } from '../../../core/round';
import { StoreError, type KoersStores } from '../../../server/store/contract';
import type { StoreLimits } from '../../../server/store/limits';
import { collect, contractSurvey, refusal } from './fixtures';

export interface ContractSubject {
  store: KoersStores;
  /** Closes `store` (if the test did not) and opens the same data again; leave out if impossible. */
  reopen?: () => Promise<KoersStores>;
  /** Removes the data; called after the store (and any reopened one) is closed. */
  cleanup?: () => Promise<void>;
}

export interface StoreFactoryOptions {
  /** Per-organisation limits the store is opened with (small ones, to test refusals). */
  limits?: Partial<StoreLimits>;
}

export type StoreFactory = (options?: StoreFactoryOptions) => Promise<ContractSubject>;

const TODAY = '2026-03-03';

const ownLever: LeverInput = {
  title: { nl: 'Samen lessen voorbereiden', en: 'Preparing lessons together' },
  description: { nl: 'Secties bereiden lessen samen voor.', en: 'Departments prepare lessons together.' },
  cluster: 'samenwerken',
  themes: ['startende-leraren'],
  amo: ['ability'],
};

function answersOf(current: number, desired: number): ResponseInput['answers'] {
  return [
    { statementId: 's1', current, desired },
    { statementId: 's2', current: 3, desired: 4 },
  ];
}

export function describeStoreContract(name: string, makeStore: StoreFactory): void {
  describe(`store contract: ${name}`, () => {
    let subject: ContractSubject;
    let store: KoersStores;
    let closed: boolean;

    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
      closed = false;
    });
    afterEach(async () => {
      if (!closed) await store.close();
      await subject.cleanup?.();
    });

    async function reopened(): Promise<KoersStores | undefined> {
      if (!subject.reopen) return undefined;
      store = await subject.reopen();
      return store;
    }

    async function organisationWithRound(threshold = 2) {
      const organisation = await store.organisations.findOrCreateOrganisation('Contract College');
      const survey = await store.surveys.createSurvey(organisation.id, contractSurvey);
      const round = await store.rounds.createRound(
        organisation.id,
        roundInputSchema.parse({
          surveyId: survey.id,
          name: 'Voorjaar',
          groups: ['leraren', 'oop'],
          anonymityThreshold: threshold,
        }),
      );
      return { organisationId: organisation.id, survey, round };
    }

    describe('organisations and keys', () => {
      it('finds an organisation by name, case and spaces aside, and creates it once even when asked concurrently', async () => {
        const [a, b] = await Promise.all([
          store.organisations.findOrCreateOrganisation('Het Lyceum'),
          store.organisations.findOrCreateOrganisation(' het LYCEUM '),
        ]);
        expect(a.id).toBe(b.id);
        expect(a.name).toBe('Het Lyceum');
        expect((await store.organisations.findOrCreateOrganisation('Ander College')).id).not.toBe(a.id);
      });

      it('opens an organisation with its key only, lists keys without the key itself, and revokes', async () => {
        const organisation = await store.organisations.findOrCreateOrganisation('Het Lyceum');
        const key = await store.organisations.createApiKey(organisation.id, { label: 'excel' });
        const second = await store.organisations.createApiKey(organisation.id);
        expect(await store.organisations.organisationForKey(key)).toEqual(organisation);
        expect(await store.organisations.organisationForKey(key + 'x')).toBeUndefined();

        const keys = await store.organisations.listApiKeys();
        expect(keys).toHaveLength(2);
        expect(keys[0]).toEqual(
          expect.objectContaining({ organisationId: organisation.id, organisationName: 'Het Lyceum', label: 'excel' }),
        );
        expect(JSON.stringify(keys)).not.toContain(key.slice('koers_'.length));

        const revoked = await store.organisations.revokeApiKey(keys[0]!.id);
        expect(revoked).toEqual(expect.objectContaining({ id: keys[0]!.id, revokedAt: expect.any(String) }));
        expect(await store.organisations.organisationForKey(key)).toBeUndefined();
        expect(await store.organisations.organisationForKey(second)).toEqual(organisation);
        expect(await store.organisations.revokeApiKey('no-such-key')).toBeUndefined();
        expect((await store.organisations.listApiKeys()).map((k) => Boolean(k.revokedAt))).toEqual([true, false]);
      });

      it('refuses a key for an organisation that does not exist', async () => {
        await expect(store.organisations.createApiKey('org-nonexistent')).rejects.toThrow();
      });
    });

    describe('surveys', () => {
      it('shows built-in instruments to everyone and own surveys to their organisation only', async () => {
        const mine = await store.organisations.findOrCreateOrganisation('Mijn School');
        const theirs = await store.organisations.findOrCreateOrganisation('Andere School');
        const survey = await store.surveys.createSurvey(mine.id, contractSurvey);
        expect(survey).toEqual(expect.objectContaining({ organisationId: mine.id, builtIn: false }));
        expect((await store.surveys.getSurvey(mine.id, survey.id))?.title).toEqual(contractSurvey.title);
        expect(await store.surveys.getSurvey(theirs.id, survey.id)).toBeUndefined();
        expect((await store.surveys.getSurvey(theirs.id, 'shrm'))?.builtIn).toBe(true);
        const listed = (await store.surveys.listSurveys(theirs.id)).map((s) => s.id);
        expect(listed).toContain('shrm');
        expect(listed).not.toContain(survey.id);
        expect((await store.surveys.listSurveys(mine.id)).map((s) => s.id)).toContain(survey.id);
      });
    });

    describe('issue 11: survey versions, round names and end dates, participation counts', () => {
      it("edits an own survey in place or adds a new version of it; built-in and other organisations' surveys are not edited", async () => {
        const mine = await store.organisations.findOrCreateOrganisation('Mijn School');
        const other = await store.organisations.findOrCreateOrganisation('Andere School');
        const first = await store.surveys.createSurvey(mine.id, contractSurvey);
        expect(first).toEqual(expect.objectContaining({ version: 1, versionOf: first.id }));
        const retitled = { ...contractSurvey, title: { nl: 'Nieuw', en: 'New' } };
        const updated = await store.surveys.updateSurvey(mine.id, first.id, retitled);
        expect(updated).toEqual(expect.objectContaining({ id: first.id, version: 1, title: retitled.title }));
        expect((await store.surveys.getSurvey(mine.id, first.id))?.title).toEqual(retitled.title);
        expect(await store.surveys.updateSurvey(other.id, first.id, retitled)).toBeUndefined();
        expect(await store.surveys.updateSurvey(mine.id, 'shrm', retitled)).toBeUndefined();
        const second = await store.surveys.createSurvey(mine.id, contractSurvey, { version: 2, versionOf: first.id });
        expect(second).toEqual(expect.objectContaining({ version: 2, versionOf: first.id }));
        expect(second.id).not.toBe(first.id);
      });

      it("keeps a round's theme and own group names, moves an open round's end, and counts invitations and responses per group", async () => {
        const { organisationId, survey } = await organisationWithRound();
        const round = await store.rounds.createRound(
          organisationId,
          roundInputSchema.parse({
            surveyId: survey.id,
            name: 'Met namen',
            groups: ['leraren', 'concierges'],
            groupNames: { concierges: { nl: 'Conciërges' } },
            period: { start: '2026-03-02', end: '2026-03-20' },
          }),
        );
        expect(round.groupNames).toEqual({ concierges: { nl: 'Conciërges', en: 'Conciërges' } });
        const moved = await store.rounds.setRoundEnd(organisationId, round.id, '2026-04-01');
        expect(moved?.period).toEqual({ start: '2026-03-02', end: '2026-04-01' });
        expect((await store.rounds.getRound(organisationId, round.id))?.period?.end).toBe('2026-04-01');
        const other = await store.organisations.findOrCreateOrganisation('Andere School');
        expect(await store.rounds.setRoundEnd(other.id, round.id, '2026-05-01')).toBeUndefined();

        const codes = await store.rounds.createInvitations(organisationId, round.id, 'leraren', 3);
        await store.rounds.createInvitations(organisationId, round.id, 'concierges', 2);
        expect(await store.rounds.invitationCounts(round.id)).toEqual({ leraren: 3, concierges: 2 });
        await store.responses.submitResponse(
          { code: codes[0]!, submissionId: 'sub-abcdefghi', answers: answersOf(2, 4) },
          TODAY,
        );
        expect(await store.responses.responsesByGroup(round.id)).toEqual({ leraren: 1, concierges: 0 });

        await store.rounds.closeRound(organisationId, round.id);
        expect(await refusal(store.rounds.setRoundEnd(organisationId, round.id, '2026-06-01'))).toBe('roundClosed');
      });
    });

    describe('rounds and invitations', () => {
      it('opens a round of a visible survey with its groups once, and refuses unknown surveys and groups', async () => {
        const { organisationId, survey } = await organisationWithRound();
        const input = roundInputSchema.parse({ surveyId: survey.id, name: 'R', groups: ['oop', 'oop', 'leraren'] });
        const round = await store.rounds.createRound(organisationId, input);
        expect(round).toEqual(expect.objectContaining({ status: 'open', groups: ['oop', 'leraren'], organisationId }));
        expect(await refusal(store.rounds.createRound(organisationId, { ...input, surveyId: 'nope' }))).toBe(
          'unknownSurvey',
        );
        expect(await refusal(store.rounds.createRound(organisationId, { ...input, groups: ['ouders'] }))).toBe(
          'unknownGroup',
        );
        const other = await store.organisations.findOrCreateOrganisation('Andere School');
        expect(await refusal(store.rounds.createRound(other.id, input))).toBe('unknownSurvey');
      });

      it('lists, reads and closes rounds of the own organisation only', async () => {
        const { organisationId, round } = await organisationWithRound();
        const other = await store.organisations.findOrCreateOrganisation('Andere School');
        expect((await store.rounds.listRounds(organisationId)).map((r) => r.id)).toEqual([round.id]);
        expect(await store.rounds.listRounds(other.id)).toEqual([]);
        expect(await store.rounds.getRound(other.id, round.id)).toBeUndefined();
        expect(await store.rounds.closeRound(other.id, round.id)).toBeUndefined();
        const closedRound = await store.rounds.closeRound(organisationId, round.id);
        expect(closedRound).toEqual(expect.objectContaining({ status: 'closed', closedAt: expect.any(String) }));
        expect(await store.rounds.closeRound(organisationId, round.id)).toEqual(closedRound);
        expect((await store.rounds.getRound(organisationId, round.id))?.status).toBe('closed');
      });

      it('makes distinct codes that resolve however they are typed, and decides refusals on the stored round', async () => {
        const { organisationId, round } = await organisationWithRound();
        const codes = await store.rounds.createInvitations(organisationId, round.id, 'leraren', 50);
        expect(new Set(codes).size).toBe(50);
        const code = codes[0]!;
        const typed = ` ${code.slice(0, 5).toLowerCase()}-${code.slice(5)} `;
        expect(await store.rounds.lookupCode(typed)).toEqual(
          expect.objectContaining({ group: 'leraren', used: false, round: expect.objectContaining({ id: round.id }) }),
        );
        expect(await store.rounds.lookupCode('ZZZZZZZZZZ')).toBeUndefined();

        const other = await store.organisations.findOrCreateOrganisation('Andere School');
        expect(await refusal(store.rounds.createInvitations(other.id, round.id, 'leraren', 1))).toBe('roundNotFound');
        expect(await refusal(store.rounds.createInvitations(organisationId, round.id, 'ouders', 1))).toBe(
          'unknownGroup',
        );
        await expect(store.rounds.createInvitations(organisationId, round.id, 'leraren', 0)).rejects.toThrow(
          RangeError,
        );
        await expect(store.rounds.createInvitations(organisationId, round.id, 'leraren', 5001)).rejects.toThrow(
          RangeError,
        );
        await store.rounds.closeRound(organisationId, round.id);
        expect(await refusal(store.rounds.createInvitations(organisationId, round.id, 'leraren', 1))).toBe(
          'roundClosedForInvitations',
        );
      });
    });

    describe('responses', () => {
      it('stores a response once per code, recognises a retry and refuses other answers on a used code', async () => {
        const { organisationId, round } = await organisationWithRound();
        const [code] = await store.rounds.createInvitations(organisationId, round.id, 'leraren', 1);
        const input: ResponseInput = { code: code!, submissionId: 'sub-123456789', answers: answersOf(2, 5) };
        expect(await store.responses.submitResponse(input, TODAY)).toBe('created');
        expect(await store.responses.submitResponse(input, TODAY)).toBe('repeated');
        expect(await refusal(store.responses.submitResponse({ ...input, answers: answersOf(1, 1) }, TODAY))).toBe(
          'codeUsed',
        );
        expect((await store.rounds.lookupCode(code!))?.used).toBe(true);
        expect(await store.responses.responseCount(round.id)).toBe(1);
      });

      it('recognises an identical repeat without submissionId by its content (shared rule of both stores)', async () => {
        const { organisationId, round } = await organisationWithRound();
        const [code] = await store.rounds.createInvitations(organisationId, round.id, 'leraren', 1);
        const input: ResponseInput = { code: code!, answers: answersOf(3, 4), comment: '  Meer tijd  ' };
        expect(await store.responses.submitResponse(input, TODAY)).toBe('created');
        // The comment is stored trimmed, so a repeat with other surrounding spaces is the same content.
        expect(await store.responses.submitResponse({ ...input, comment: 'Meer tijd' }, TODAY)).toBe('repeated');
        expect(await refusal(store.responses.submitResponse({ ...input, comment: 'Anders' }, TODAY))).toBe('codeUsed');
        expect(await store.responses.responseCount(round.id)).toBe(1);
      });

      it('lets exactly one of two concurrent submissions of one code through', async () => {
        const { organisationId, round } = await organisationWithRound();
        const [code] = await store.rounds.createInvitations(organisationId, round.id, 'leraren', 1);
        const outcomes = await Promise.allSettled([
          store.responses.submitResponse({ code: code!, answers: answersOf(1, 2) }, TODAY),
          store.responses.submitResponse({ code: code!, answers: answersOf(4, 5) }, TODAY),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
        expect((rejected.reason as StoreError).code).toBe('codeUsed');
        expect(await store.responses.responseCount(round.id)).toBe(1);
      });

      it('refuses unknown codes, answers outside the survey and closed rounds, storing nothing', async () => {
        const { organisationId, round } = await organisationWithRound();
        const codes = await store.rounds.createInvitations(organisationId, round.id, 'oop', 3);
        expect(
          await refusal(store.responses.submitResponse({ code: 'ZZZZZZZZZZ', answers: answersOf(1, 2) }, TODAY)),
        ).toBe('unknownCode');
        expect(
          await refusal(
            store.responses.submitResponse(
              { code: codes[0]!, answers: [{ statementId: 'nope', current: 1, desired: 2 }] },
              TODAY,
            ),
          ),
        ).toBe('unknownStatement');
        expect(
          await refusal(store.responses.submitResponse({ code: codes[0]!, answers: answersOf(9, 2) }, TODAY)),
        ).toBe('outOfScale');
        await store.rounds.closeRound(organisationId, round.id);
        expect(
          await refusal(store.responses.submitResponse({ code: codes[1]!, answers: answersOf(1, 2) }, TODAY)),
        ).toBe('roundClosed');
        expect(await store.responses.responseCount(round.id)).toBe(0);
        expect(await collect(store.responses.readResponses(round.id))).toEqual([]);
      });

      it('reads stored responses without their code, and nothing for unknown rounds', async () => {
        const { organisationId, round } = await organisationWithRound();
        const codes = await store.rounds.createInvitations(organisationId, round.id, 'leraren', 2);
        await store.responses.submitResponse(
          { code: codes[0]!, answers: answersOf(2, 4), comment: ' Meer tijd ' },
          TODAY,
        );
        await store.responses.submitResponse({ code: codes[1]!, answers: answersOf(3, 3) }, TODAY);
        const rows = await collect(store.responses.readResponses(round.id));
        expect(rows).toHaveLength(2);
        expect(rows).toContainEqual(
          expect.objectContaining({ roundId: round.id, group: 'leraren', comment: 'Meer tijd' }),
        );
        expect(JSON.stringify(rows)).not.toContain(codes[0]!);
        expect(await collect(store.responses.readResponses('round-unknown'))).toEqual([]);
      });

      it('serves results of the stored round, as JSON that changes when a response is stored or the round closes', async () => {
        const { organisationId, round } = await organisationWithRound();
        const codes = await store.rounds.createInvitations(organisationId, round.id, 'leraren', 3);
        const empty = await store.responses.results(round);
        expect(empty).toEqual(
          expect.objectContaining({ roundId: round.id, release: expect.objectContaining({ state: 'notReleased' }) }),
        );
        const json = await store.responses.resultsJson(round);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(empty)));

        for (const code of codes) await store.responses.submitResponse({ code, answers: answersOf(2, 4) }, TODAY);
        expect(JSON.parse(await store.responses.resultsJson(round)).groups[0].responses).toBe(3);
        expect((await store.responses.results(round)).groups[0]).toMatchObject({ id: 'leraren', responses: 3 });

        await store.rounds.closeRound(organisationId, round.id);
        // The caller's copy of the round is stale: the store answers for the round as stored.
        expect(JSON.parse(await store.responses.resultsJson(round)).status).toBe('closed');
        expect(Array.isArray(await store.responses.comments(round))).toBe(true);
      });
    });

    describe('levers', () => {
      it('shows the built-in library plus own levers, built-in ones read-only and retired per organisation', async () => {
        const mine = await store.organisations.findOrCreateOrganisation('Mijn School');
        const theirs = await store.organisations.findOrCreateOrganisation('Andere School');
        const builtIns = await store.levers.listLevers(mine.id);
        expect(builtIns.length).toBeGreaterThan(0);
        const builtIn = builtIns[0]!;

        const own = await store.levers.createLever(mine.id, ownLever);
        expect(own).toEqual(
          expect.objectContaining({ id: 'samen-lessen-voorbereiden', builtIn: false, retired: false }),
        );
        expect((await store.levers.createLever(mine.id, ownLever)).id).toBe('samen-lessen-voorbereiden-2');
        expect(await store.levers.getLever(theirs.id, own.id)).toBeUndefined();
        expect((await store.levers.listLevers(theirs.id)).map((l) => l.id)).not.toContain(own.id);

        const updated = await store.levers.updateLever(mine.id, own.id, { cluster: 'loopbaanbeleid' });
        expect(updated?.cluster).toBe('loopbaanbeleid');
        expect(await store.levers.updateLever(theirs.id, own.id, { cluster: 'loopbaanbeleid' })).toBeUndefined();
        expect(await refusal(store.levers.updateLever(mine.id, builtIn.id, { cluster: 'loopbaanbeleid' }))).toBe(
          'builtInLeverReadOnly',
        );

        expect((await store.levers.setLeverRetired(mine.id, builtIn.id, true))?.retired).toBe(true);
        expect((await store.levers.getLever(mine.id, builtIn.id))?.retired).toBe(true);
        expect((await store.levers.getLever(theirs.id, builtIn.id))?.retired).toBe(false);
        expect((await store.levers.setLeverRetired(mine.id, builtIn.id, false))?.retired).toBe(false);
        expect(await store.levers.setLeverRetired(mine.id, 'no-such-lever', true)).toBeUndefined();
      });
    });

    describe('MT scoring', () => {
      async function sessionSetUp() {
        const setup = await organisationWithRound();
        const levers = (await store.levers.listLevers(setup.organisationId)).slice(0, 3).map((l) => l.id);
        return { ...setup, levers };
      }

      it('opens a session with personal links whose scores are kept per link', async () => {
        const { organisationId, round, levers } = await sessionSetUp();
        const { session, tokens } = await store.scoring.openScoringSession(organisationId, round.id, levers, 2);
        expect(tokens).toHaveLength(2);
        expect(session).toEqual(expect.objectContaining({ roundId: round.id, status: 'open', leverIds: levers }));
        const found = await store.scoring.lookupScoringToken(tokens[0]!);
        expect(found?.session.id).toBe(session.id);
        expect(found?.levers.map((l) => l.id)).toEqual(levers);
        expect(found?.scores).toBeUndefined();
        expect(await store.scoring.lookupScoringToken('x'.repeat(24))).toBeUndefined();

        const score = { leverId: levers[0]!, impact: 4, feasibility: 2 };
        expect(await store.scoring.submitScores(tokens[0]!, [score])).toBe('created');
        expect(await store.scoring.submitScores(tokens[0]!, [{ ...score, impact: 5 }])).toBe('replaced');
        expect((await store.scoring.lookupScoringToken(tokens[0]!))?.scores).toEqual([{ ...score, impact: 5 }]);
        expect(await refusal(store.scoring.submitScores(tokens[1]!, [{ ...score, leverId: 'no-such-lever' }]))).toBe(
          'unknownLever',
        );
        const notAsked = (await store.levers.listLevers(organisationId))[5]!.id;
        expect(await refusal(store.scoring.submitScores(tokens[1]!, [{ ...score, leverId: notAsked }]))).toBe(
          'leverNotInSession',
        );
        expect(await refusal(store.scoring.submitScores('y'.repeat(24), [score]))).toBe('unknownScoringToken');

        const adviser = await store.scoring.saveAdviserScores(organisationId, round.id, [score]);
        expect(adviser.adviser?.scores).toEqual([score]);
        const closedSession = await store.scoring.closeScoringSession(organisationId, round.id);
        expect(closedSession?.status).toBe('closed');
        expect(await refusal(store.scoring.submitScores(tokens[0]!, [score]))).toBe('scoringClosed');
      });

      it('refuses sessions for other organisations, unknown and retired levers', async () => {
        const { organisationId, round, levers } = await sessionSetUp();
        const other = await store.organisations.findOrCreateOrganisation('Andere School');
        expect(await refusal(store.scoring.openScoringSession(other.id, round.id, levers, 1))).toBe('roundNotFound');
        expect(await refusal(store.scoring.openScoringSession(organisationId, round.id, ['no-such-lever'], 1))).toBe(
          'unknownLever',
        );
        await store.levers.setLeverRetired(organisationId, levers[0]!, true);
        expect(await refusal(store.scoring.openScoringSession(organisationId, round.id, levers, 1))).toBe(
          'leverRetired',
        );
        expect(await store.scoring.getScoringSession(organisationId, round.id)).toBeUndefined();
        expect(await refusal(store.scoring.saveAdviserScores(organisationId, round.id, []))).toBe(
          'scoringSessionNotFound',
        );
      });

      it('keeps every session of a round readable with its scores when a new one is opened', async () => {
        const { organisationId, round, levers } = await sessionSetUp();
        const first = await store.scoring.openScoringSession(organisationId, round.id, levers, 1);
        const score = { leverId: levers[0]!, impact: 5, feasibility: 5 };
        await store.scoring.submitScores(first.tokens[0]!, [score]);
        const second = await store.scoring.openScoringSession(organisationId, round.id, levers.slice(1), 1);

        const sessions = await store.scoring.listScoringSessions(organisationId, round.id);
        expect(sessions.map((s) => s.id)).toEqual([first.session.id, second.session.id]);
        expect((await store.scoring.getScoringSession(organisationId, round.id))?.id).toBe(second.session.id);
        const old = await store.scoring.getScoringSession(organisationId, round.id, first.session.id);
        expect(Object.values(old!.scores).map((r) => r.scores)).toEqual([[score]]);
        // The old link still opens its own session and shows its scores.
        const lookup = await store.scoring.lookupScoringToken(first.tokens[0]!);
        expect(lookup?.session.id).toBe(first.session.id);
        expect(lookup?.scores).toEqual([score]);
        const other = await store.organisations.findOrCreateOrganisation('Andere School');
        expect(await store.scoring.listScoringSessions(other.id, round.id)).toEqual([]);
        expect(await store.scoring.getScoringSession(other.id, round.id, first.session.id)).toBeUndefined();
      });
    });

    describe('per-organisation limits', () => {
      const limits: Partial<StoreLimits> = {
        surveysPerOrganisation: 3,
        roundsPerOrganisation: 3,
        codesPerRound: 25,
        leversPerOrganisation: 3,
        scoringSessionsPerRound: 2,
      };
      beforeEach(async () => {
        await store.close();
        await subject.cleanup?.();
        subject = await makeStore({ limits });
        store = subject.store;
      });

      async function refusalDetails(
        promise: Promise<unknown>,
      ): Promise<{ code: string; details: Record<string, unknown> }> {
        try {
          await promise;
        } catch (error) {
          if (error instanceof StoreError) return { code: error.code, details: error.details };
          throw error;
        }
        throw new Error('expected a StoreError, but the call succeeded');
      }

      it('refuses the survey, round and lever past the limit, per organisation, storing nothing', async () => {
        const { organisationId, survey } = await organisationWithRound();
        const other = await store.organisations.findOrCreateOrganisation('Andere School');
        await store.surveys.createSurvey(organisationId, contractSurvey);
        await store.surveys.createSurvey(organisationId, contractSurvey);
        const surveyRefusal = await refusalDetails(store.surveys.createSurvey(organisationId, contractSurvey));
        expect(surveyRefusal).toEqual({ code: 'surveyLimitReached', details: expect.objectContaining({ max: 3 }) });
        expect((await store.surveys.listSurveys(organisationId)).filter((s) => !s.builtIn)).toHaveLength(3);
        // Another organisation has its own allowance.
        await store.surveys.createSurvey(other.id, contractSurvey);

        const roundInput = roundInputSchema.parse({ surveyId: survey.id, name: 'Nog een', groups: ['leraren'] });
        await store.rounds.createRound(organisationId, roundInput);
        await store.rounds.createRound(organisationId, roundInput);
        expect(await refusal(store.rounds.createRound(organisationId, roundInput))).toBe('roundLimitReached');
        expect(await store.rounds.listRounds(organisationId)).toHaveLength(3);

        for (let i = 0; i < 3; i += 1) await store.levers.createLever(organisationId, ownLever);
        expect(await refusal(store.levers.createLever(organisationId, ownLever))).toBe('leverLimitReached');
        expect((await store.levers.listLevers(organisationId)).filter((l) => !l.builtIn)).toHaveLength(3);
        await store.levers.createLever(other.id, ownLever);

        const again = await reopened();
        if (!again) return;
        expect(await refusal(again.rounds.createRound(organisationId, roundInput))).toBe('roundLimitReached');
        expect(await refusal(again.surveys.createSurvey(organisationId, contractSurvey))).toBe('surveyLimitReached');
      });

      it('counts codes over all requests of a round and refuses a request that would pass the limit', async () => {
        const { organisationId, round } = await organisationWithRound();
        await store.rounds.createInvitations(organisationId, round.id, 'leraren', 10);
        await store.rounds.createInvitations(organisationId, round.id, 'oop', 10);
        const tooMany = await refusalDetails(store.rounds.createInvitations(organisationId, round.id, 'leraren', 6));
        expect(tooMany).toEqual({
          code: 'codeLimitReached',
          details: expect.objectContaining({ max: 25, existing: 20, left: 5 }),
        });
        const last = await store.rounds.createInvitations(organisationId, round.id, 'leraren', 5);
        expect(last).toHaveLength(5);
        expect(await refusal(store.rounds.createInvitations(organisationId, round.id, 'oop', 1))).toBe(
          'codeLimitReached',
        );
      });

      it('lets concurrent requests fill a limit exactly, never beyond it', async () => {
        const { organisationId, round } = await organisationWithRound();
        const codeRequests = await Promise.allSettled(
          Array.from({ length: 12 }, () => store.rounds.createInvitations(organisationId, round.id, 'leraren', 4)),
        );
        expect(codeRequests.filter((r) => r.status === 'fulfilled')).toHaveLength(6);
        for (const r of codeRequests) {
          if (r.status === 'rejected') expect((r.reason as StoreError).code).toBe('codeLimitReached');
        }
        const surveyRequests = await Promise.allSettled(
          Array.from({ length: 8 }, () => store.surveys.createSurvey(organisationId, contractSurvey)),
        );
        // One survey exists already (organisationWithRound).
        expect(surveyRequests.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
        expect((await store.surveys.listSurveys(organisationId)).filter((s) => !s.builtIn)).toHaveLength(3);
        const leverRequests = await Promise.allSettled(
          Array.from({ length: 8 }, () => store.levers.createLever(organisationId, ownLever)),
        );
        expect(leverRequests.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
        expect((await store.levers.listLevers(organisationId)).filter((l) => !l.builtIn)).toHaveLength(3);
      });

      it('refuses a third scoring session of a round and keeps the two it has', async () => {
        const { organisationId, round } = await organisationWithRound();
        const leverIds = (await store.levers.listLevers(organisationId)).slice(0, 2).map((l) => l.id);
        await store.scoring.openScoringSession(organisationId, round.id, leverIds, 1);
        await store.scoring.openScoringSession(organisationId, round.id, leverIds, 1);
        expect(await refusal(store.scoring.openScoringSession(organisationId, round.id, leverIds, 1))).toBe(
          'scoringSessionLimitReached',
        );
        expect(await store.scoring.listScoringSessions(organisationId, round.id)).toHaveLength(2);
      });

      it('refuses writes that would bring the organisation past its data size, counting what it stores', async () => {
        await store.close();
        await subject.cleanup?.();
        subject = await makeStore({ limits: { dataBytesPerOrganisation: 8_000 } });
        store = subject.store;
        const organisation = await store.organisations.findOrCreateOrganisation('Grote School');
        const other = await store.organisations.findOrCreateOrganisation('Andere School');
        const big: LeverInput = {
          ...ownLever,
          description: { nl: 'x'.repeat(1_500), en: 'y'.repeat(1_500) },
        };
        // Each big lever is a little over 3 kB: two fit in 8 kB, a third does not.
        await store.levers.createLever(organisation.id, big);
        const second = await store.levers.createLever(organisation.id, big);
        const tooLarge = await refusalDetails(store.levers.createLever(organisation.id, big));
        expect(tooLarge).toEqual({
          code: 'organisationDataTooLarge',
          details: expect.objectContaining({ max: 8_000 }),
        });
        expect((await store.levers.listLevers(organisation.id)).filter((l) => !l.builtIn)).toHaveLength(2);
        // Growing an existing lever past the size is refused too and leaves it as it was.
        expect(
          await refusal(
            store.levers.updateLever(organisation.id, second.id, { description: { nl: 'z'.repeat(5_000), en: 'z' } }),
          ),
        ).toBe('organisationDataTooLarge');
        expect((await store.levers.getLever(organisation.id, second.id))?.description.nl).toBe('x'.repeat(1_500));
        // Shrinking is always allowed, and makes room again.
        await store.levers.updateLever(organisation.id, second.id, { description: { nl: 'kort', en: 'short' } });
        await store.levers.createLever(organisation.id, big);
        // The other organisation's allowance is its own.
        await store.levers.createLever(other.id, big);
        const again = await reopened();
        if (!again) return;
        expect(await refusal(again.levers.createLever(organisation.id, big))).toBe('organisationDataTooLarge');
      });
    });

    describe('durability and closing', () => {
      it('keeps everything acknowledged across a reopen', async () => {
        const { organisationId, round } = await organisationWithRound();
        const stored = (await store.rounds.getRound(organisationId, round.id))!;
        const key = await store.organisations.createApiKey(organisationId);
        const codes = await store.rounds.createInvitations(organisationId, round.id, 'leraren', 2);
        await store.responses.submitResponse({ code: codes[0]!, answers: answersOf(2, 4) }, TODAY);
        const again = await reopened();
        if (!again) return;
        expect((await again.organisations.organisationForKey(key))?.id).toBe(organisationId);
        expect(await again.rounds.getRound(organisationId, round.id)).toEqual(stored);
        expect(await again.responses.responseCount(round.id)).toBe(1);
        expect((await again.rounds.lookupCode(codes[0]!))?.used).toBe(true);
        expect((await again.rounds.lookupCode(codes[1]!))?.used).toBe(false);
        expect(
          await refusal(again.responses.submitResponse({ code: codes[0]!, answers: answersOf(1, 1) }, TODAY)),
        ).toBe('codeUsed');
      });

      it('closes idempotently and refuses writes afterwards', async () => {
        const { organisationId } = await organisationWithRound();
        await Promise.all([store.close(), store.close()]);
        closed = true;
        await expect(store.surveys.createSurvey(organisationId, contractSurvey)).rejects.toThrow();
      });
    });
  });
}
