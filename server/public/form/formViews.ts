import type { Language } from '../../../core/text';
import { h, type Child } from './formDom';
import type { FormPayload } from '../../../core/api/form';
import type { Draft } from './formStorage';
import type { FormText } from './formText';
import { renderStatement } from './formQuestions';
import { MAX_COMMENT_LENGTH, answeredCount, numberedStatements, statementCount, type RatingKind } from './formSurvey';

export interface ViewContext {
  t: FormText;
  language: Language;
}

export interface FormContext extends ViewContext {
  payload: FormPayload;
  draft: Draft;
  storageOk: boolean;
}

/** Views list their parts with `cond ? node : null`; this leaves out the nulls. */
const compact = (...nodes: Array<HTMLElement | null>): HTMLElement[] =>
  nodes.filter((n): n is HTMLElement => n !== null);

/** The heading a view moves focus to; programmatic focus only, so it is not in the tab order. */
const focusHeading = <K extends 'h1' | 'h2'>(tag: K, text: string): HTMLElementTagNameMap[K] =>
  h(tag, { tabindex: -1, 'data-focus': 'view' }, text);

const button = (
  label: string,
  onClick: () => void,
  className: string,
  extra: Record<string, string | boolean> = {},
): HTMLButtonElement => {
  const b = h('button', { type: 'button', class: className, ...extra }, label);
  b.addEventListener('click', onClick);
  return b;
};

export function renderLoading({ t }: ViewContext): HTMLElement[] {
  return [h('p', { class: 'loading' }, t.loading)];
}

export function renderIntro(ctx: FormContext, onStart: () => void): HTMLElement[] {
  const { t, language, payload, draft } = ctx;
  const { survey, round, group } = payload;
  const hasAnswers = Object.keys(draft.answers).length > 0 || draft.comment.length > 0;
  return compact(
    focusHeading('h1', survey.title[language]),
    h(
      'dl',
      { class: 'meta' },
      h('div', {}, h('dt', {}, t.round), h('dd', {}, round.name)),
      h('div', {}, h('dt', {}, t.group), h('dd', {}, group.name[language])),
      round.period
        ? h('div', {}, h('dt', {}, t.period), h('dd', {}, t.periodRange(round.period.start, round.period.end)))
        : null,
    ),
    round.period ? h('p', { class: 'notice', 'data-role': 'open-until' }, t.openUntil(round.period.end)) : null,
    h('p', { class: 'notice' }, t.anonymity(round.anonymityThreshold)),
    // A survey's own description usually explains the two ratings already; ours is the fallback.
    h('p', { class: 'description' }, survey.description ? survey.description[language] : t.howTo),
    h('p', {}, t.size(survey.sections.length, statementCount(survey))),
    h('p', { class: ctx.storageOk ? 'hint' : 'warning' }, ctx.storageOk ? t.keptOnDevice : t.noStorage),
    h('div', { class: 'actions' }, button(hasAnswers ? t.resume : t.start, onStart, 'primary')),
  );
}

/** "Part 2 of 5", a bar and "12 of 40 statements answered"; the count is updated in place. */
function renderProgress(ctx: FormContext, stepLabel: string): HTMLElement {
  const { t, payload, draft } = ctx;
  const total = statementCount(payload.survey);
  const answered = answeredCount(payload.survey, draft);
  return h(
    'div',
    { class: 'progress' },
    h('p', { class: 'progress-step' }, stepLabel),
    h('progress', { max: total, value: answered, 'aria-label': t.progressName, 'data-progress': 'bar' }),
    h('p', { class: 'progress-count', 'data-progress': 'count' }, t.answeredOf(answered, total)),
  );
}

export function updateProgress(root: HTMLElement, ctx: FormContext): void {
  const total = statementCount(ctx.payload.survey);
  const answered = answeredCount(ctx.payload.survey, ctx.draft);
  const bar = root.querySelector<HTMLProgressElement>('[data-progress="bar"]');
  const count = root.querySelector<HTMLElement>('[data-progress="count"]');
  if (bar) bar.value = answered;
  if (count) count.textContent = ctx.t.answeredOf(answered, total);
}

export interface SectionHandlers {
  onRate: (statementId: string, kind: RatingKind, value: number | null) => void;
  onPrevious: () => void;
  onNext: () => void;
}

export function renderSection(
  ctx: FormContext,
  step: number,
  missing: ReadonlyMap<string, ReadonlySet<RatingKind>>,
  handlers: SectionHandlers,
): HTMLElement[] {
  const { t, language, payload, draft } = ctx;
  const { survey } = payload;
  const section = survey.sections[step - 1];
  const numbers = numberedStatements(survey);
  const none: ReadonlySet<RatingKind> = new Set();
  const missingTotal = [...missing.values()].reduce((sum, kinds) => sum + kinds.size, 0);
  return compact(
    h('h1', { class: 'survey-name' }, survey.title[language]),
    renderProgress(ctx, t.stepOf(step, survey.sections.length)),
    focusHeading('h2', section.title[language]),
    section.intro ? h('p', { class: 'section-intro' }, section.intro[language]) : null,
    renderScaleKey(ctx),
    h(
      'div',
      { class: 'statements' },
      ...section.statements.map((statement) =>
        renderStatement({
          statement,
          number: numbers.get(statement.id) ?? 0,
          scale: survey.scale,
          language,
          t,
          answer: draft.answers[statement.id] ?? {},
          missing: missing.get(statement.id) ?? none,
          onRate: handlers.onRate,
        }),
      ),
    ),
    h(
      'div',
      { class: 'error-summary', role: 'alert', 'data-role': 'missing' },
      missingTotal > 0 ? t.missing(missingTotal) : '',
    ),
    h(
      'div',
      { class: 'nav' },
      button(t.previous, handlers.onPrevious, 'secondary'),
      button(step === survey.sections.length ? t.toFinish : t.next, handlers.onNext, 'primary'),
    ),
  );
}

/** The whole scale once per section, so every point's meaning is visible even on a narrow phone. */
function renderScaleKey({ t, language, payload }: FormContext): HTMLElement {
  const { min, max, labels } = payload.survey.scale;
  if (!labels) return h('p', { class: 'hint' }, t.scaleRange(min, max));
  return h(
    'div',
    { class: 'scale-key' },
    h('p', { class: 'scale-key-title' }, t.scaleKey),
    h(
      'ul',
      {},
      ...labels.map((label, index) =>
        h('li', {}, h('span', { class: 'option-value' }, String(min + index)), ' ', label[language]),
      ),
    ),
  );
}

export type SubmitProblem = { kind: 'offline' } | { kind: 'server'; message: string };

export interface FinishHandlers {
  onComment: (value: string) => void;
  onPrevious: () => void;
  onSubmit: () => void;
}

export function renderFinish(
  ctx: FormContext,
  state: { submitting: boolean; problem?: SubmitProblem },
  handlers: FinishHandlers,
): HTMLElement[] {
  const { t, language, payload, draft } = ctx;
  const { survey } = payload;
  const comment = h('textarea', {
    id: 'comment',
    name: 'comment',
    rows: 6,
    maxlength: MAX_COMMENT_LENGTH,
    'aria-describedby': 'comment-hint comment-count',
  });
  comment.value = draft.comment;
  const counter = h(
    'p',
    { id: 'comment-count', class: 'counter' },
    t.charCount(draft.comment.length, MAX_COMMENT_LENGTH),
  );
  // Announcing every keystroke would drown a screen reader; only crossing these marks is spoken.
  const live = h('p', { class: 'visually-hidden', 'aria-live': 'polite', 'data-role': 'comment-live' });
  let lastMark = markFor(MAX_COMMENT_LENGTH - draft.comment.length);
  comment.addEventListener('input', () => {
    handlers.onComment(comment.value);
    const left = MAX_COMMENT_LENGTH - comment.value.length;
    counter.textContent = t.charCount(comment.value.length, MAX_COMMENT_LENGTH);
    counter.classList.toggle('counter-full', left === 0);
    const mark = markFor(left);
    if (mark !== lastMark && mark !== undefined) live.textContent = t.charsLeft(left);
    lastMark = mark;
  });

  const problem: Child = state.problem
    ? state.problem.kind === 'offline'
      ? t.offline
      : t.serverProblem(state.problem.message)
    : '';
  const submit = button(state.problem ? t.retry : t.submit, handlers.onSubmit, 'primary', { 'data-role': 'submit' });
  const previous = button(t.previous, handlers.onPrevious, 'secondary');
  if (state.submitting) {
    submit.disabled = true;
    previous.disabled = true;
  }
  return compact(
    h('h1', { class: 'survey-name' }, survey.title[language]),
    renderProgress(ctx, t.lastStep),
    focusHeading('h2', t.finishTitle),
    h('p', {}, t.allAnswered(statementCount(survey))),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'comment' }, t.commentLabel),
      h('p', { id: 'comment-hint', class: 'hint' }, t.commentHint),
      comment,
      counter,
      live,
    ),
    h(
      'div',
      {
        class: state.problem ? 'error-summary problem' : 'error-summary',
        role: 'alert',
        'data-role': 'submit-problem',
      },
      problem,
    ),
    state.submitting ? h('p', { class: 'hint', 'aria-hidden': 'true' }, t.submitting) : null,
    h('div', { class: 'nav' }, previous, submit),
  );
}

function markFor(left: number): number | undefined {
  return [0, 50, 100, 200].find((mark) => left <= mark);
}

export function renderThanks({ t, language }: ViewContext, payload: FormPayload | undefined): HTMLElement[] {
  return compact(
    payload ? h('p', { class: 'survey-name' }, payload.survey.title[language]) : null,
    h(
      'div',
      { class: 'done' },
      focusHeading('h1', t.thanksTitle),
      h('p', {}, t.thanksBody),
      h('p', { class: 'hint' }, t.thanksAnonymous),
    ),
  );
}

/** A full-page message: unknown code, used code, closed round, or a load failure with a retry. */
export function renderMessage(
  { t, language }: ViewContext,
  message: { title: string; body: string; tone: 'info' | 'error'; surveyTitle?: FormPayload['survey']['title'] },
  retry?: () => void,
): HTMLElement[] {
  return compact(
    message.surveyTitle ? h('p', { class: 'survey-name' }, message.surveyTitle[language]) : null,
    h(
      'div',
      { class: `message message-${message.tone}` },
      focusHeading('h1', message.title),
      h('p', {}, message.body),
      retry ? h('div', { class: 'actions' }, button(t.retry, retry, 'primary')) : null,
    ),
  );
}
