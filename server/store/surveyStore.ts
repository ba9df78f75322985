import type { Survey, SurveyInput } from '../../core/survey';
import { newId } from './codes';
import type { SurveyStore } from './contract';
import { checkCount, checkDataBytes, jsonBytes } from './limits';
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
    const survey = this.ctx.surveyById(surveyId);
    return survey && (survey.builtIn || survey.organisationId === organisationId) ? survey : undefined;
  }

  async createSurvey(organisationId: string, input: SurveyInput): Promise<Survey> {
    this.ctx.assertOpen();
    const survey: Survey = {
      ...structuredClone(input),
      id: newId('survey'),
      organisationId,
      builtIn: false,
      createdAt: this.ctx.timestamp(),
    };
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
}
