import type { Language } from '../../../core/text';
import {
  announce,
  bindLanguageSwitch,
  loadLanguagePreference,
  pageParameter,
  showLanguage,
} from '../shared/pageChrome';
import { fetchForm, postResponse, type ApiResult, type ResponseBody } from './formApi';
import type { FormPayload } from '../../../core/api/form';
import { ratingErrorId, ratingName, renderRatingError } from './formQuestions';
import { clearDraft, emptyDraft, loadDraft, saveDraft, storageAvailable, type Draft } from './formStorage';
import { firstIncompleteStep, missingRatings, sanitizeAnswers, type RatingKind } from './formSurvey';
import { formText, languageFromBrowser, type FormText } from './formText';
import {
  renderFinish,
  renderIntro,
  renderLoading,
  renderMessage,
  renderSection,
  renderThanks,
  updateProgress,
  type FormContext,
  type SubmitProblem,
} from './formViews';

type MessageKind = 'unknown' | 'used' | 'closed' | 'notYet' | 'ended' | 'loadFailed';

type View =
  | { kind: 'loading' }
  | { kind: 'form' }
  | { kind: 'thanks' }
  | { kind: 'message'; message: MessageKind; detail?: string; retry?: () => void };

class RespondentForm {
  private language: Language;
  private view: View = { kind: 'loading' };
  private payload?: FormPayload;
  private draft: Draft = emptyDraft();
  private readonly storageOk = storageAvailable();
  /** Ratings flagged after "next" was pressed with open questions; cleared when the step changes. */
  private missing = new Map<string, Set<RatingKind>>();
  private submitting = false;
  private submitProblem?: SubmitProblem;

  constructor(
    private readonly code: string | undefined,
    private readonly root: HTMLElement,
    private readonly status: HTMLElement,
  ) {
    this.language = loadLanguagePreference() ?? languageFromBrowser(navigator.language);
  }

  private get t(): FormText {
    return formText(this.language);
  }

  start(): void {
    this.setupLanguageSwitch();
    this.applyLanguage();
    window.addEventListener('popstate', (event) => this.onPopState(event));
    if (!this.code) return this.show({ kind: 'message', message: 'unknown' }, false);
    void this.load(false);
  }

  /**
   * On first load focus stays at the top of the page, where screen readers start anyway; after a
   * retry it moves to the new heading.
   */
  private async load(focus: boolean): Promise<void> {
    this.show({ kind: 'loading' });
    const result = await fetchForm(this.code!, this.language);
    const retry = () => void this.load(true);
    if (result.kind === 'offline') {
      return this.show({ kind: 'message', message: 'loadFailed', retry }, focus);
    }
    if (result.kind === 'error') {
      if (result.code === 'unknownCode' || result.status === 404 || result.code === 'badRequest') {
        return this.show({ kind: 'message', message: 'unknown' }, focus);
      }
      const detail = result.message ?? this.t.serverError(result.status);
      return this.show({ kind: 'message', message: 'loadFailed', detail, retry }, focus);
    }
    this.payload = result.data;
    const saved = loadDraft(this.code!);
    if (this.payload.used) {
      // A submission whose reply was lost looks like a used code: retry it, the server says 'repeated'.
      if (saved?.pending) {
        this.draft = saved;
        return void this.submit();
      }
      clearDraft(this.code!);
      return this.show({ kind: 'message', message: 'used' }, focus);
    }
    if (this.payload.round.phase === 'notYet') {
      return this.show({ kind: 'message', message: 'notYet' }, focus);
    }
    if (this.payload.round.status === 'closed') {
      clearDraft(this.code!);
      const byDate = this.payload.round.phase === 'ended' && this.payload.round.period;
      return this.show({ kind: 'message', message: byDate ? 'ended' : 'closed' }, focus);
    }
    this.draft = saved ?? emptyDraft();
    sanitizeAnswers(this.payload.survey, this.draft);
    this.draft.step = Math.min(this.draft.step, this.finishStep);
    history.replaceState({ step: this.draft.step }, '');
    this.show({ kind: 'form' }, focus);
    if (saved && Object.keys(saved.answers).length > 0) this.announce(this.t.restored);
  }

  private get finishStep(): number {
    return (this.payload?.survey.sections.length ?? 0) + 1;
  }

  private get context(): FormContext {
    return { t: this.t, language: this.language, payload: this.payload!, draft: this.draft, storageOk: this.storageOk };
  }

  private save(): void {
    if (this.code) saveDraft(this.code, this.draft);
  }

  /** Replaces the view; `focus` moves keyboard and screen reader focus to the new heading. */
  private show(view: View, focus = true): void {
    this.view = view;
    document.title = this.payload ? this.t.pageTitle(this.payload.survey.title[this.language]) : this.t.brand;
    this.root.replaceChildren(...this.renderView());
    if (focus && view.kind !== 'loading') {
      this.root.querySelector<HTMLElement>('[data-focus="view"]')?.focus({ preventScroll: true });
    }
  }

  private renderView(): HTMLElement[] {
    const view = this.view;
    const base = { t: this.t, language: this.language };
    switch (view.kind) {
      case 'loading':
        return renderLoading(base);
      case 'thanks':
        return renderThanks(base, this.payload);
      case 'message':
        return renderMessage(base, this.messageContent(view), view.retry);
      case 'form':
        return this.renderStep();
    }
  }

  private messageContent(view: Extract<View, { kind: 'message' }>) {
    const t = this.t;
    const surveyTitle = this.payload?.survey.title;
    switch (view.message) {
      case 'unknown':
        return { title: t.unknownTitle, body: t.unknownBody, tone: 'error' as const };
      case 'used':
        return { title: t.usedTitle, body: t.usedBody, tone: 'info' as const, surveyTitle };
      case 'closed':
        return {
          title: t.closedTitle,
          body: t.closedBody(this.payload?.round.name ?? ''),
          tone: 'info' as const,
          surveyTitle,
        };
      case 'notYet':
        return {
          title: t.notYetTitle,
          body: t.notYetBody(this.payload?.round.name ?? '', this.payload?.round.period?.start ?? ''),
          tone: 'info' as const,
          surveyTitle,
        };
      case 'ended':
        return {
          title: t.endedTitle,
          body: t.endedBody(this.payload?.round.name ?? '', this.payload?.round.period?.end ?? ''),
          tone: 'info' as const,
          surveyTitle,
        };
      case 'loadFailed':
        return { title: t.loadFailedTitle, body: view.detail ?? t.loadOffline, tone: 'error' as const, surveyTitle };
    }
  }

  private renderStep(): HTMLElement[] {
    const step = this.draft.step;
    if (step === 0) return renderIntro(this.context, () => this.goTo(1));
    if (step === this.finishStep) {
      return renderFinish(
        this.context,
        { submitting: this.submitting, problem: this.submitProblem },
        {
          onComment: (value) => {
            this.draft.comment = value;
            this.save();
          },
          onPrevious: () => this.goTo(step - 1),
          onSubmit: () => void this.submit(),
        },
      );
    }
    return renderSection(this.context, step, this.missing, {
      onRate: (statementId, kind, value) => this.rate(statementId, kind, value),
      onPrevious: () => this.goTo(step - 1),
      onNext: () => this.next(),
    });
  }

  private goTo(step: number, push = true): void {
    this.draft.step = step;
    this.missing = new Map();
    this.submitProblem = undefined;
    this.save();
    if (push) history.pushState({ step }, '');
    this.show({ kind: 'form' });
    window.scrollTo(0, 0);
    const sections = this.payload!.survey.sections;
    if (step >= 1 && step <= sections.length) {
      this.announce(`${this.t.stepOf(step, sections.length)}: ${sections[step - 1].title[this.language]}`);
    } else if (step === this.finishStep) {
      this.announce(`${this.t.lastStep}: ${this.t.finishTitle}`);
    }
  }

  private onPopState(event: PopStateEvent): void {
    const step = (event.state as { step?: unknown } | null)?.step;
    if (this.view.kind !== 'form' || this.submitting || typeof step !== 'number') return;
    if (step >= 0 && step <= this.finishStep) this.goTo(step, false);
  }

  private rate(statementId: string, kind: RatingKind, value: number | null): void {
    const answer = (this.draft.answers[statementId] ??= {});
    answer[kind] = value;
    this.save();
    updateProgress(this.root, this.context);
    const flagged = this.missing.get(statementId);
    if (flagged?.delete(kind)) {
      document.getElementById(ratingErrorId(statementId, kind))?.remove();
      this.updateMissingSummary();
    }
  }

  private updateMissingSummary(): void {
    const total = [...this.missing.values()].reduce((sum, kinds) => sum + kinds.size, 0);
    const summary = this.root.querySelector<HTMLElement>('[data-role="missing"]');
    if (summary) summary.textContent = total > 0 ? this.t.missing(total) : '';
  }

  private next(): void {
    const section = this.payload!.survey.sections[this.draft.step - 1];
    const open = missingRatings(section, this.draft);
    if (open.length === 0) return this.goTo(this.draft.step + 1);
    this.missing = new Map();
    for (const { statementId, kind } of open) {
      if (!this.missing.has(statementId)) this.missing.set(statementId, new Set());
      this.missing.get(statementId)!.add(kind);
    }
    // Mark the open groups in place (a re-render would lose the scroll position), then go to the first.
    for (const { statementId, kind } of open) {
      const legend = this.root
        .querySelector(`input[name="${ratingName(statementId, kind)}"]`)
        ?.closest('fieldset')
        ?.querySelector('legend');
      if (legend && !document.getElementById(ratingErrorId(statementId, kind))) {
        legend.append(renderRatingError(statementId, kind, this.t));
      }
    }
    this.updateMissingSummary();
    const first = open[0];
    const input = this.root.querySelector<HTMLInputElement>(
      `input[name="${ratingName(first.statementId, first.kind)}"]`,
    );
    input?.closest('.statement')?.scrollIntoView({ block: 'start' });
    input?.focus({ preventScroll: true });
  }

  private responseBody(): ResponseBody {
    const answers = this.payload!.survey.sections.flatMap((section) =>
      section.statements.map((s) => ({
        statementId: s.id,
        current: this.draft.answers[s.id]?.current ?? null,
        desired: this.draft.answers[s.id]?.desired ?? null,
      })),
    );
    const comment = this.draft.comment.trim();
    return { code: this.code!, answers, ...(comment ? { comment } : {}), submissionId: this.draft.submissionId };
  }

  private async submit(): Promise<void> {
    if (this.submitting) return;
    const incomplete = firstIncompleteStep(this.payload!.survey, this.draft);
    if (incomplete !== undefined) {
      this.goTo(incomplete);
      return this.next();
    }
    this.submitting = true;
    this.submitProblem = undefined;
    this.draft.pending = true;
    this.save();
    if (this.view.kind === 'form') {
      this.show({ kind: 'form' }, false);
      this.announce(this.t.submitting);
    }
    const result = await postResponse(this.responseBody(), this.language);
    this.submitting = false;
    this.afterSubmit(result);
  }

  private afterSubmit(result: ApiResult<{ status: 'created' | 'repeated' }>): void {
    if (result.kind === 'ok') {
      clearDraft(this.code!);
      this.draft = emptyDraft();
      history.replaceState({ done: true }, '');
      this.show({ kind: 'thanks' });
      window.scrollTo(0, 0);
      return;
    }
    const final: Partial<Record<string, MessageKind>> = {
      unknownCode: 'unknown',
      codeUsed: 'used',
      roundClosed: 'closed',
      roundEnded: 'ended',
    };
    const message = result.kind === 'error' && result.code ? final[result.code] : undefined;
    if (message) {
      clearDraft(this.code!);
      this.show({ kind: 'message', message });
      window.scrollTo(0, 0);
      return;
    }
    // Only a reply that never came or a server fault may hide a stored response.
    this.draft.pending = result.kind === 'offline' || result.status >= 500;
    this.save();
    this.submitProblem =
      result.kind === 'offline'
        ? { kind: 'offline' }
        : { kind: 'server', message: result.message ?? this.t.serverError(result.status) };
    if (this.view.kind !== 'form' || this.draft.step !== this.finishStep) {
      // The silent retry after a reload failed: show the form at its end so the respondent can retry.
      this.draft.step = this.finishStep;
      history.replaceState({ step: this.draft.step }, '');
    }
    this.show({ kind: 'form' }, false);
    this.root.querySelector<HTMLElement>('[data-role="submit"]')?.focus();
  }

  private announce(text: string): void {
    announce(this.status, text);
  }

  private setupLanguageSwitch(): void {
    bindLanguageSwitch(
      () => this.language,
      (language) => {
        this.language = language;
        this.applyLanguage();
        if (this.view.kind !== 'loading') this.show(this.view, false);
      },
    );
  }

  private applyLanguage(): void {
    showLanguage(this.language, this.t.languageGroup);
  }
}

const root = document.getElementById('view');
const status = document.getElementById('status');
if (root && status) new RespondentForm(pageParameter('r', 'code'), root, status).start();
