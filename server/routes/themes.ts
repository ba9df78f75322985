import { Router } from 'express';
import { themeListSchema } from '../../core/api/themes';
import { sendJson } from '../http/sendJson';
import { SHRM_SURVEY_ID, shrmThemeSurveyId, themes } from '../../core/instruments';

/** GET /api/themes: the five SHRM themes, each with the built-in survey a round on it uses. */
export function themesRouter(): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    sendJson(
      res,
      themeListSchema,
      themes.map((theme) => ({
        id: theme.id,
        name: theme.name,
        mappingHint: theme.mappingHint,
        instrument: SHRM_SURVEY_ID,
        surveyId: shrmThemeSurveyId(theme.id),
      })),
    );
  });
  return router;
}
