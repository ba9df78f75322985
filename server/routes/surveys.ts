import { Router } from 'express';
import { surveyInputSchema } from '../../core/survey';
import { callerOrganisation } from '../http/auth';
import { HttpError } from '../http/errors';
import { parseInput } from '../http/validate';
import type { KoersStore } from '../store/types';
import { idParamSchema } from './params';

/** /api/surveys: the built-in instruments plus the organisation's own. */
export function surveysRouter(store: KoersStore): Router {
  const router = Router();

  router.get('/', (_req, res) => {
    res.json(store.listSurveys(callerOrganisation(res).id));
  });

  router.get('/:id', (req, res) => {
    const id = parseInput(idParamSchema, req.params.id);
    const survey = store.getSurvey(callerOrganisation(res).id, id);
    if (!survey) throw new HttpError(404, 'surveyNotFound');
    res.json(survey);
  });

  router.post('/', async (req, res) => {
    const input = parseInput(surveyInputSchema, req.body);
    const survey = await store.createSurvey(callerOrganisation(res).id, input);
    res.status(201).location(`/api/surveys/${survey.id}`).json(survey);
  });

  return router;
}
