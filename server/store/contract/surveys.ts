import type { Survey, SurveyInput } from '../../../core/survey';

/** Where a new survey sits among the versions of one own survey. */
export interface SurveyVersion {
  version: number;
  /** The id of the first version, shared by all versions. */
  versionOf: string;
}

/** Built-in instruments plus each organisation's own surveys. */
export interface SurveyStore {
  listSurveys(organisationId: string): Promise<Survey[]>;
  /** A built-in survey or one of this organisation's; undefined for other organisations' surveys. */
  getSurvey(organisationId: string, surveyId: string): Promise<Survey | undefined>;
  /** Adds an own survey: version 1 of its own, or a new version of an earlier one (`version`). */
  createSurvey(organisationId: string, input: SurveyInput, version?: SurveyVersion): Promise<Survey>;
  /** Replaces an own survey's content in place (the caller checks that no round uses it); undefined for built-ins and others' surveys. */
  updateSurvey(organisationId: string, surveyId: string, input: SurveyInput): Promise<Survey | undefined>;
}
