import type { Survey, SurveyInput } from '../../core/survey';
import type { SurveyStore, SurveyVersion } from './contract';
import { checkCount, checkDataBytes, jsonBytes } from './limits';
import { newSurvey, updatedSurvey, visibleTo } from './rules/surveys';
import type { StoreContext } from './storeContext';

/** Built-in instruments (in code) plus organisations' own surveys (in koers.json). */
export class FileSurveyStore implements SurveyStore {
  constructor(private readonly ctx: StoreContext) {}

  async listSurveys(organisationId: string): Promise<Survey[]> {
    return [...this.ctx.builtIns, ...this.ctx.meta.data.surveys.filter((s) => s.organisationId === organisationId)];
  }

  async getSurvey(organisationId: string, surveyId: string): Promise<Survey | undefined> {
    return this.visibleSurvey(organisationId, surveyId);
  }

  /** The synchronous lookup the other file stores use. */
  visibleSurvey(organisationId: string, surveyId: string): Survey | undefined {
    return visibleTo(organisationId, this.ctx.surveyById(surveyId));
  }

  async createSurvey(organisationId: string, input: SurveyInput, version?: SurveyVersion): Promise<Survey> {
    this.ctx.assertOpen();
    const survey = newSurvey(organisationId, input, this.ctx.timestamp(), version);
    const bytes = jsonBytes(survey);
    return this.ctx.meta.update(
      (draft) => {
        // Decided on committed state inside the write queue: concurrent posts cannot pass a limit together.
        const own = draft.surveys.filter((s) => s.organisationId === organisationId).length;
        checkCount(this.ctx.limits, 'surveysPerOrganisation', own);
        checkDataBytes(this.ctx.limits, this.ctx.organisationBytes(organisationId), bytes);
        draft.surveys.push(survey);
        return survey;
      },
      () => this.ctx.addDataBytes(organisationId, bytes),
    );
  }

  async updateSurvey(organisationId: string, surveyId: string, input: SurveyInput): Promise<Survey | undefined> {
    this.ctx.assertOpen();
    const existing = this.visibleSurvey(organisationId, surveyId);
    if (!existing || existing.builtIn) return undefined;
    return this.ctx.meta.update((draft) => {
      const index = draft.surveys.findIndex((s) => s.id === surveyId && s.organisationId === organisationId);
      const updated = updatedSurvey(draft.surveys[index]!, input, this.ctx.timestamp());
      draft.surveys[index] = updated;
      return updated;
    });
  }
}
