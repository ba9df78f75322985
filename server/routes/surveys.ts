import { Router } from 'express';
import { surveyListSchema, surveyReplySchema } from '../../core/api/surveys';
import { sendJson } from '../http/sendJson';
import { surveyInputSchema } from '../../core/survey';
import { callerOrganisation } from '../http/auth';
import { HttpError } from '../http/errors';
import { parseInput } from '../http/validate';
import type { SurveyStore } from '../store/contract';
import { idParamSchema } from './params';

/** /api/surveys: the built-in instruments plus the organisation's own. */
export function surveysRouter({ surveys: store }: { surveys: SurveyStore }): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    sendJson(res, surveyListSchema, await store.listSurveys(callerOrganisation(res).id));
  });

  router.get('/:id', async (req, res) => {
    const id = parseInput(idParamSchema, req.params.id);
    const survey = await store.getSurvey(callerOrganisation(res).id, id);
    if (!survey) throw new HttpError(404, 'surveyNotFound');
    sendJson(res, surveyReplySchema, survey);
  });

  router.post('/', async (req, res) => {
    const input = parseInput(surveyInputSchema, req.body);
    const survey = await store.createSurvey(callerOrganisation(res).id, input);
    sendJson(res.location(`/api/surveys/${survey.id}`), surveyReplySchema, survey, 201);
  });

  return router;
}
