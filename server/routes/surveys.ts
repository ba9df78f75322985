import { Router, type Request, type Response } from 'express';
import { builtInSurveys } from '../../core/instruments';
import { listStatements, surveyInputSchema, type SurveyInput } from '../../core/survey';
import { surveyListSchema, surveyReplySchema } from '../../core/api/surveys';
import { sendJson } from '../http/sendJson';
import { callerOrganisation } from '../http/auth';
import { HttpError } from '../http/errors';
import { parseInput } from '../http/validate';
import type { LeverStore, RoundStore, SurveyStore } from '../store/contract';
import { idParamSchema } from './params';

/** Ids of the built-in instruments' statements: what an own statement may say it resembles. */
const builtInStatementIds = new Set(builtInSurveys().flatMap((survey) => listStatements(survey).map((s) => s.id)));

interface SurveysDeps {
  surveys: SurveyStore;
  rounds: RoundStore;
  levers: LeverStore;
}

/**
 * /api/surveys: the built-in instruments plus the organisation's own. An own survey no round uses
 * yet can be changed in place (PUT replaces it, PATCH replaces the top-level fields it sends); once a
 * round uses it, it is frozen and a change becomes a new version (201, with its own id).
 */
export function surveysRouter({ surveys: store, rounds, levers }: SurveysDeps): Router {
  const router = Router();
  const inUse = async (organisationId: string, surveyId: string) =>
    (await rounds.listRounds(organisationId)).some((round) => round.surveyId === surveyId);

  /** Lever links must name existing levers, and "resembles" a built-in statement. */
  const checkLinks = async (organisationId: string, input: SurveyInput) => {
    const leverIds = new Set((await levers.listLevers(organisationId)).map((lever) => lever.id));
    input.sections.forEach((section, s) => {
      section.statements.forEach((statement, i) => {
        const field = `sections.${s}.statements.${i}`;
        const unknownLever = statement.levers?.find((leverId) => !leverIds.has(leverId));
        if (unknownLever) {
          throw new HttpError(400, 'unknownLinkedLever', { field: `${field}.levers`, leverId: unknownLever });
        }
        if (statement.resembles && !builtInStatementIds.has(statement.resembles)) {
          throw new HttpError(400, 'unknownBuiltInStatement', {
            field: `${field}.resembles`,
            statementId: statement.resembles,
          });
        }
      });
    });
  };

  router.get('/', async (_req, res) => {
    sendJson(res, surveyListSchema, await store.listSurveys(callerOrganisation(res).id));
  });

  router.get('/:id', async (req, res) => {
    const organisationId = callerOrganisation(res).id;
    const id = parseInput(idParamSchema, req.params.id);
    const survey = await store.getSurvey(organisationId, id);
    if (!survey) throw new HttpError(404, 'surveyNotFound');
    sendJson(res, surveyReplySchema, {
      ...survey,
      inUse: survey.builtIn ? true : await inUse(organisationId, survey.id),
    });
  });

  router.post('/', async (req, res) => {
    const organisationId = callerOrganisation(res).id;
    const input = parseInput(surveyInputSchema, req.body);
    await checkLinks(organisationId, input);
    const survey = await store.createSurvey(organisationId, input);
    sendJson(res.location(`/api/surveys/${survey.id}`), surveyReplySchema, survey, 201);
  });

  const change = (merge: boolean) => async (req: Request, res: Response) => {
    const organisationId = callerOrganisation(res).id;
    const id = parseInput(idParamSchema, req.params.id);
    const existing = await store.getSurvey(organisationId, id);
    if (!existing) throw new HttpError(404, 'surveyNotFound');
    if (existing.builtIn) throw new HttpError(403, 'builtInSurveyReadOnly', { surveyId: id });
    const body: unknown = req.body;
    const candidate =
      merge && body && typeof body === 'object' && !Array.isArray(body)
        ? {
            title: existing.title,
            ...(existing.description ? { description: existing.description } : {}),
            scale: existing.scale,
            sections: existing.sections,
            groups: existing.groups,
            ...body,
          }
        : body;
    const input = parseInput(surveyInputSchema, candidate);
    await checkLinks(organisationId, input);
    if (!(await inUse(organisationId, id))) {
      const updated = await store.updateSurvey(organisationId, id, input);
      if (!updated) throw new HttpError(404, 'surveyNotFound');
      sendJson(res, surveyReplySchema, { ...updated, inUse: false });
      return;
    }
    const versionOf = existing.versionOf ?? existing.id;
    const family = (await store.listSurveys(organisationId)).filter((s) => (s.versionOf ?? s.id) === versionOf);
    const latest = Math.max(...family.map((s) => s.version ?? 1));
    const created = await store.createSurvey(organisationId, input, { version: latest + 1, versionOf });
    sendJson(
      res.location(`/api/surveys/${created.id}`),
      surveyReplySchema,
      { ...created, inUse: false, previousVersionId: existing.id },
      201,
    );
  };
  router.put('/:id', change(false));
  router.patch('/:id', change(true));

  return router;
}
