import { surveySchema, type Survey, type SurveyInput } from '../survey';
import { LEARNING_CLIMATE_SURVEY_ID, learningClimateSurvey } from './learning-climate';
import { SHRM_SURVEY_ID, shrmSurvey } from './shrm';
import { themes, type ThemeId } from './themes';

export { themes, themeIdSchema, findTheme, type Theme, type ThemeId } from './themes';
export { shrmSurvey, SHRM_SURVEY_ID } from './shrm';
export { learningClimateSurvey, LEARNING_CLIMATE_SURVEY_ID } from './learning-climate';
export { standardGroups, learningClimateGroups } from './groups';
export { extentScale } from './scale';

/** Fixed, so a built-in survey looks the same on every start and in every store. */
export const BUILT_IN_CREATED_AT = '2025-01-01T00:00:00.000Z';

/** The instruments every organisation can use, as stored surveys. */
export function builtInSurveys(): Survey[] {
  return [
    asBuiltIn(SHRM_SURVEY_ID, shrmSurvey()),
    asBuiltIn(LEARNING_CLIMATE_SURVEY_ID, learningClimateSurvey()),
    ...themes.map((theme) => ({ ...asBuiltIn(shrmThemeSurveyId(theme.id), shrmSurvey(theme.id)), theme: theme.id })),
  ];
}

/**
 * The SHRM instrument for one theme is a built-in survey of its own (same statement ids, so rounds on
 * different themes stay comparable); POST /api/rounds with `theme` picks it.
 */
export function shrmThemeSurveyId(theme: ThemeId): string {
  return `${SHRM_SURVEY_ID}-${theme}`;
}

// parse (not safeParse): a mistake in the instrument data must stop the server at start, not reach respondents.
function asBuiltIn(id: string, content: SurveyInput): Survey {
  return surveySchema.parse({ ...content, id, organisationId: null, builtIn: true, createdAt: BUILT_IN_CREATED_AT });
}
