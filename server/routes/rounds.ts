import { Router } from 'express';
import { SHRM_SURVEY_ID, shrmThemeSurveyId } from '../../core/instruments';
import { themeIdSchema } from '../../core/instruments/themes';
import { roundPhase } from '../../core/period';
import { roundInputSchema, roundUpdateSchema, type Round } from '../../core/round';
import { roundListItemSchema, roundListSchema, roundReplySchema } from '../../core/api/rounds';
import { sendJson } from '../http/sendJson';
import { anonymitySettingsProblem } from '../../core/roundAnonymity';
import { exactCount } from '../../core/coarseCount';
import { callerOrganisation } from '../http/auth';
import { HttpError } from '../http/errors';
import { parseInput } from '../http/validate';
import type { ResponseStore, RoundStore, SurveyStore } from '../store/contract';
import { checkBaseline } from './comparison';
import { loadRound, loadedRound } from './roundParam';
import { appToday, closeIfEnded } from './roundPhase';

/** /api/rounds: list, open, change and close rounds. Results, responses and invitations have routers of their own. */
export function roundsRouter({
  rounds,
  surveys,
  responses,
}: {
  rounds: RoundStore;
  surveys: SurveyStore;
  responses: ResponseStore;
}): Router {
  const router = Router();
  const withPhase = (round: Round, today: string) => ({ ...round, phase: roundPhase(round, today) });

  router.get('/', async (req, res) => {
    const organisationId = callerOrganisation(res).id;
    const today = appToday(req);
    const list = await rounds.listRounds(organisationId);
    const body = [];
    // One after the other: closing an ended round is a write, and the list keeps its order.
    for (const listed of list) {
      const round = await closeIfEnded(rounds, listed, today);
      body.push({
        ...withPhase(round, today),
        surveyTitle: (await surveys.getSurvey(organisationId, round.surveyId))?.title,
        ...(await participation(responses, round)),
      });
    }
    sendJson(res, roundListSchema, body);
  });

  router.get('/:id', loadRound(rounds), async (req, res) => {
    const round = loadedRound(res);
    sendJson(res, roundListItemSchema, {
      ...withPhase(round, appToday(req)),
      ...(await participation(responses, round)),
    });
  });

  router.post('/', async (req, res) => {
    const organisationId = callerOrganisation(res).id;
    const body: unknown = req.body;
    const isObject = body !== null && typeof body === 'object' && !Array.isArray(body);
    // `theme` alone means the built-in SHRM instrument for that theme.
    const withSurvey =
      isObject && !('surveyId' in body) && 'theme' in body ? { ...body, surveyId: SHRM_SURVEY_ID } : body;
    if (isObject && !('surveyId' in (withSurvey as object))) throw new HttpError(400, 'surveyOrThemeRequired');
    const input = parseInput(roundInputSchema, withSurvey);
    let surveyId = input.surveyId;
    let theme = input.theme;
    if (theme) {
      if (surveyId !== SHRM_SURVEY_ID && surveyId !== shrmThemeSurveyId(theme)) {
        throw new HttpError(400, 'themeNeedsShrm', { surveyId });
      }
      surveyId = shrmThemeSurveyId(theme);
    }
    const survey = await surveys.getSurvey(organisationId, surveyId);
    if (!survey) throw new HttpError(400, 'unknownSurvey', { surveyId });
    if (!theme && survey.theme) theme = themeIdSchema.parse(survey.theme);
    const today = appToday(req);
    if (input.period && input.period.end < today) {
      throw new HttpError(400, 'endInPast', { end: input.period.end, today });
    }
    const groups = [...new Set(input.groups)];
    const surveyGroups = new Set(survey.groups.map((g) => g.id));
    const named = input.groupNames ?? {};
    const strange = groups.find((g) => !surveyGroups.has(g) && !Object.hasOwn(named, g));
    if (strange) throw new HttpError(400, 'unknownGroup', { group: strange });
    const unused = Object.keys(named).find((g) => !groups.includes(g));
    if (unused) throw new HttpError(400, 'unknownGroup', { group: unused });
    const problem = anonymitySettingsProblem({ ...input, groups });
    if (problem) throw new HttpError(400, problem.code, problem.params);
    await checkBaseline({ rounds, surveys }, organisationId, { ...input, surveyId });
    const round = await rounds.createRound(organisationId, { ...input, surveyId, groups, ...(theme ? { theme } : {}) });
    sendJson(res.location(`/api/rounds/${round.id}`), roundReplySchema, withPhase(round, today), 201);
  });

  /** Only the end date of an open round can change: earlier answers were given under its other settings. */
  router.patch('/:id', loadRound(rounds), async (req, res) => {
    const round = loadedRound(res);
    const today = appToday(req);
    const { period } = parseInput(roundUpdateSchema, req.body);
    if (round.status !== 'open') throw new HttpError(409, 'roundClosedForChange');
    const start = round.period?.start ?? round.createdAt.slice(0, 10);
    if (period.end < start) throw new HttpError(400, 'endBeforeStart', { end: period.end, start });
    if (period.end < today) throw new HttpError(400, 'endInPast', { end: period.end, today });
    const updated = await rounds.setRoundEnd(round.organisationId, round.id, period.end);
    sendJson(res, roundReplySchema, withPhase(updated ?? round, today));
  });

  router.post('/:id/close', loadRound(rounds), async (req, res) => {
    const round = await rounds.closeRound(callerOrganisation(res).id, loadedRound(res).id);
    if (!round) throw new HttpError(404, 'roundNotFound');
    sendJson(res, roundReplySchema, withPhase(round, appToday(req)));
  });

  return router;
}

/**
 * What a round shows of its participation: the total and each group's count, as coarse as the
 * anonymity rules need (groups below the threshold "fewer than 5", a total that would expose them as a
 * range), whether or not its results are released.
 */
async function participation(responses: ResponseStore, round: Round) {
  const results = await responses.results(round);
  return {
    responses: results.responses.total,
    participation: results.groups.map((g) => ({
      id: g.id,
      kind: g.kind,
      status: g.status,
      responses: g.status === 'shown' ? exactCount(g.responses) : g.responses,
    })),
    released: results.release.state,
  };
}
