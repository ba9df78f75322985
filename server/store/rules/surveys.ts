/**
 * Which surveys an organisation sees and what an own survey's stored form is, decided the same way by
 * every store (file and PostgreSQL).
 */
import type { Survey, SurveyInput } from '../../../core/survey';
import { newId } from '../codes';
import type { SurveyVersion } from '../contract';

/** The survey when the organisation may use it (a built-in or its own), else undefined. */
export function visibleTo(organisationId: string, survey: Survey | undefined): Survey | undefined {
  return survey && (survey.builtIn || survey.organisationId === organisationId) ? survey : undefined;
}

/** A new own survey: version 1 of its own, or the next version of an earlier one. */
export function newSurvey(
  organisationId: string,
  input: SurveyInput,
  createdAt: string,
  version?: SurveyVersion,
): Survey {
  const id = newId('survey');
  return {
    ...structuredClone(input),
    id,
    organisationId,
    builtIn: false,
    createdAt,
    version: version?.version ?? 1,
    versionOf: version?.versionOf ?? id,
  };
}

/** The stored own survey with new content; its id, creation and place among the versions stay. */
export function updatedSurvey(stored: Survey, input: SurveyInput, updatedAt: string): Survey {
  return {
    ...structuredClone(input),
    id: stored.id,
    organisationId: stored.organisationId,
    builtIn: false,
    createdAt: stored.createdAt,
    version: stored.version ?? 1,
    versionOf: stored.versionOf ?? stored.id,
    updatedAt,
  };
}
