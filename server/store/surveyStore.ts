import type { Survey, SurveyInput } from '../../core/survey';
import { newId } from './codes';
import type { SurveyStore, SurveyVersion } from './contract';
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

  async createSurvey(organisationId: string, input: SurveyInput, version?: SurveyVersion): Promise<Survey> {
    this.ctx.assertOpen();
    const id = newId('survey');
    const survey: Survey = {
      ...structuredClone(input),
      id,
      organisationId,
      builtIn: false,
      createdAt: this.ctx.timestamp(),
      version: version?.version ?? 1,
      versionOf: version?.versionOf ?? id,
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

  async updateSurvey(organisationId: string, surveyId: string, input: SurveyInput): Promise<Survey | undefined> {
    this.ctx.assertOpen();
    const existing = this.visibleSurvey(organisationId, surveyId);
    if (!existing || existing.builtIn) return undefined;
    return this.ctx.meta.update((draft) => {
      const index = draft.surveys.findIndex((s) => s.id === surveyId && s.organisationId === organisationId);
      const stored = draft.surveys[index]!;
      const updated: Survey = {
        ...structuredClone(input),
        id: stored.id,
        organisationId,
        builtIn: false,
        createdAt: stored.createdAt,
        version: stored.version ?? 1,
        versionOf: stored.versionOf ?? stored.id,
        updatedAt: this.ctx.timestamp(),
      };
      draft.surveys[index] = updated;
      return updated;
    });
  }
}
