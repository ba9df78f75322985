import type { Survey, SurveyInput } from '../../../core/survey';

/** Built-in instruments plus each organisation's own surveys. */
export interface SurveyStore {
  listSurveys(organisationId: string): Promise<Survey[]>;
  /** A built-in survey or one of this organisation's; undefined for other organisations' surveys. */
  getSurvey(organisationId: string, surveyId: string): Promise<Survey | undefined>;
  createSurvey(organisationId: string, input: SurveyInput): Promise<Survey>;
}
