import type { ScoringPagePayload } from '../../../core/levers/scoringSession';
import type { Language } from '../../../core/text';
import { storageAvailable } from '../form/formStorage';
import { languageFromBrowser } from '../form/formText';
import {
  announce,
  bindLanguageSwitch,
  loadLanguagePreference,
  pageParameter,
  showLanguage,
} from '../shared/pageChrome';
import { fetchScoring, postScores, type ApiResult } from './scoringApi';
import {
  clearDraft,
  draftFromScores,
  loadDraft,
  missingScores,
  saveDraft,
  scoredCount,
  scoresToSend,
  type Dimension,
  type Draft,
} from './scoringDraft';
import { scoringText, type ScoringText } from './scoringText';
import {
  renderForm,
  renderLoading,
  renderMessage,
  renderScoreError,
  renderThanks,
  scoreErrorId,
  scoreName,
  updateProgress,
  type FormContext,
  type SubmitProblem,
} from './scoringViews';

type MessageKind = 'unknown' | 'closed' | 'loadFailed';

type View =
  | { kind: 'loading' }
  | { kind: 'form' }
  | { kind: 'thanks' }
  | { kind: 'message'; message: MessageKind; detail?: string; retry?: () => void };

class ScoringPage {
  private language: Language;
  private view: View = { kind: 'loading' };
  private payload?: ScoringPagePayload;
  private draft: Draft = {};
  private readonly storageOk = storageAvailable();
  private sentBefore = false;
  private restored = false;
  /** Names of the radio groups flagged after "send" was pressed with open scores. */
  private missing = new Set<string>();
  private submitting = false;
  private problem?: SubmitProblem;

  constructor(
    private readonly token: string | undefined,
    private readonly root: HTMLElement,
    private readonly status: HTMLElement,
  ) {
    this.language = loadLanguagePreference() ?? languageFromBrowser(navigator.language);
  }

  private get t(): ScoringText {
    return scoringText(this.language);
  }

  private get leverIds(): string[] {
    return this.payload?.levers.map((l) => l.id) ?? [];
  }

  start(): void {
    this.setupLanguageSwitch();
    this.applyLanguage();
    if (!this.token) return this.show({ kind: 'message', message: 'unknown' }, false);
    void this.load(false);
  }

  private async load(focus: boolean): Promise<void> {
    this.show({ kind: 'loading' }, false);
    const result = await fetchScoring(this.token!, this.language);
    const retry = () => void this.load(true);
    if (result.kind === 'offline') return this.show({ kind: 'message', message: 'loadFailed', retry }, focus);
    if (result.kind === 'error') {
      if (result.status === 404 || result.code === 'badRequest')
        return this.show({ kind: 'message', message: 'unknown' }, focus);
      const detail = result.message ?? this.t.serverError(result.status);
      return this.show({ kind: 'message', message: 'loadFailed', detail, retry }, focus);
    }
    this.payload = result.data;
    this.sentBefore = result.data.scores.length > 0;
    if (result.data.session.status === 'closed') {
      clearDraft(this.token!);
      return this.show({ kind: 'message', message: 'closed' }, focus);
    }
    const saved = loadDraft(this.token!, this.leverIds);
    this.restored = saved !== undefined && Object.keys(saved).length > 0;
    this.draft = this.restored ? saved! : draftFromScores(result.data.scores, this.leverIds);
    this.show({ kind: 'form' }, focus);
    if (this.restored) this.announce(this.t.restored);
  }

  private get context(): FormContext {
    return {
      t: this.t,
      language: this.language,
      payload: this.payload!,
      draft: this.draft,
      storageOk: this.storageOk,
      sentBefore: this.sentBefore,
    };
  }

  /** Replaces the view; `focus` moves keyboard and screen reader focus to the new heading. */
  private show(view: View, focus = true): void {
    this.view = view;
    document.title = this.t.pageTitle;
    this.root.replaceChildren(...this.renderView());
    if (focus && view.kind !== 'loading')
      this.root.querySelector<HTMLElement>('[data-focus="view"]')?.focus({ preventScroll: true });
  }

  private renderView(): HTMLElement[] {
    const view = this.view;
    const base = { t: this.t, language: this.language };
    switch (view.kind) {
      case 'loading':
        return renderLoading(base);
      case 'thanks':
        return renderThanks(base, this.payload!, () => this.changeScores());
      case 'message':
        return renderMessage(base, this.messageContent(view), view.retry);
      case 'form':
        return renderForm(
          this.context,
          { restored: this.restored, submitting: this.submitting, problem: this.problem, missing: this.missing },
          {
            onScore: (leverId, dimension, value) => this.score(leverId, dimension, value),
            onRemark: (leverId, value) => this.remark(leverId, value),
            onSubmit: () => void this.submit(),
          },
        );
    }
  }

  private messageContent(view: Extract<View, { kind: 'message' }>) {
    const t = this.t;
    const roundName = this.payload?.round.name;
    switch (view.message) {
      case 'unknown':
        return { title: t.unknownTitle, body: [t.unknownBody], tone: 'error' as const };
      case 'closed':
        return {
          title: t.closedTitle,
          body: [t.closedBody(roundName ?? ''), ...(this.sentBefore ? [t.closedCounted] : [])],
          tone: 'info' as const,
          roundName,
        };
      case 'loadFailed':
        return { title: t.loadFailedTitle, body: [view.detail ?? t.loadOffline], tone: 'error' as const, roundName };
    }
  }

  private save(): void {
    if (this.token) saveDraft(this.token, this.draft);
  }

  private score(leverId: string, dimension: Dimension, value: number): void {
    (this.draft[leverId] ??= {})[dimension] = value;
    this.save();
    updateProgress(this.root, this.t, scoredCount(this.draft, this.leverIds), this.leverIds.length);
    const name = scoreName(leverId, dimension);
    if (this.missing.delete(name)) {
      document.getElementById(scoreErrorId(leverId, dimension))?.remove();
      this.updateMissingSummary();
    }
  }

  private remark(leverId: string, value: string): void {
    const lever = (this.draft[leverId] ??= {});
    if (value.length > 0) lever.remark = value;
    else delete lever.remark;
    this.save();
  }

  private updateMissingSummary(): void {
    const summary = this.root.querySelector<HTMLElement>('[data-role="missing"]');
    if (summary) summary.textContent = this.missing.size > 0 ? this.t.missing(this.missing.size) : '';
  }

  /** Flags every open score in place (a re-render would lose the scroll position) and goes to the first. */
  private flagMissing(open: Array<{ leverId: string; dimension: Dimension }>): void {
    this.missing = new Set(open.map(({ leverId, dimension }) => scoreName(leverId, dimension)));
    for (const { leverId, dimension } of open) {
      const legend = this.root
        .querySelector(`input[name="${scoreName(leverId, dimension)}"]`)
        ?.closest('fieldset')
        ?.querySelector('legend');
      if (legend && !document.getElementById(scoreErrorId(leverId, dimension)))
        legend.append(renderScoreError(leverId, dimension, this.t));
    }
    this.updateMissingSummary();
    const first = open[0]!;
    const input = this.root.querySelector<HTMLInputElement>(
      `input[name="${scoreName(first.leverId, first.dimension)}"]`,
    );
    input?.closest('fieldset')?.scrollIntoView({ block: 'start' });
    input?.focus({ preventScroll: true });
  }

  private async submit(): Promise<void> {
    if (this.submitting) return;
    const open = missingScores(this.draft, this.leverIds);
    if (open.length > 0) return this.flagMissing(open);
    this.submitting = true;
    this.problem = undefined;
    this.rerenderForm();
    this.announce(this.t.submitting);
    const result = await postScores(this.token!, scoresToSend(this.draft, this.leverIds), this.language);
    this.submitting = false;
    this.afterSubmit(result);
  }

  private afterSubmit(result: ApiResult<{ status: 'created' | 'replaced' }>): void {
    if (result.kind === 'ok') {
      clearDraft(this.token!);
      this.payload = { ...this.payload!, scores: scoresToSend(this.draft, this.leverIds) };
      this.sentBefore = true;
      this.restored = false;
      this.show({ kind: 'thanks' });
      window.scrollTo(0, 0);
      return;
    }
    if (result.kind === 'error' && (result.code === 'scoringClosed' || result.code === 'unknownScoringToken')) {
      clearDraft(this.token!);
      this.show({ kind: 'message', message: result.code === 'scoringClosed' ? 'closed' : 'unknown' });
      window.scrollTo(0, 0);
      return;
    }
    this.problem =
      result.kind === 'offline'
        ? { kind: 'offline' }
        : { kind: 'server', message: result.message ?? this.t.serverError(result.status) };
    this.rerenderForm();
    this.root.querySelector<HTMLElement>('[data-role="submit"]')?.focus();
  }

  /** Back from the thank-you page to the sent scores, to change them. */
  private changeScores(): void {
    this.draft = draftFromScores(this.payload!.scores, this.leverIds);
    this.missing = new Set();
    this.problem = undefined;
    this.show({ kind: 'form' });
    window.scrollTo(0, 0);
  }

  /** Re-renders the form where it was, keeping the scroll position and the focused element if it survives. */
  private rerenderForm(): void {
    const scroll = window.scrollY;
    this.show({ kind: 'form' }, false);
    window.scrollTo(0, scroll);
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
    document.title = this.t.pageTitle;
    showLanguage(this.language, this.t.languageGroup);
  }
}

const root = document.getElementById('view');
const status = document.getElementById('status');
if (root && status) new ScoringPage(pageParameter('s', 'token'), root, status).start();
