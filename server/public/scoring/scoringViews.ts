import type { ScoringPageLever, ScoringPagePayload } from '../../../core/levers/scoringSession';
import type { Language } from '../../../core/text';
import { domId, h } from '../form/formDom';
import { MAX_REMARK_LENGTH, SCORE_POINTS, scoredCount, type Dimension, type Draft } from './scoringDraft';
import type { ScoringText } from './scoringText';

export interface ViewContext {
  t: ScoringText;
  language: Language;
}

export interface FormContext extends ViewContext {
  payload: ScoringPagePayload;
  draft: Draft;
  storageOk: boolean;
  /** The member sent scores before (this visit or an earlier one). */
  sentBefore: boolean;
}

export type SubmitProblem = { kind: 'offline' } | { kind: 'server'; message: string };

export interface FormHandlers {
  onScore: (leverId: string, dimension: Dimension, value: number) => void;
  onRemark: (leverId: string, value: string) => void;
  onSubmit: () => void;
}

const compact = (...nodes: Array<HTMLElement | null>): HTMLElement[] =>
  nodes.filter((n): n is HTMLElement => n !== null);

/** The heading a view moves focus to; programmatic focus only, so it is not in the tab order. */
const focusHeading = (text: string): HTMLHeadingElement => h('h1', { tabindex: -1, 'data-focus': 'view' }, text);

const button = (
  label: string,
  onClick: () => void,
  className: string,
  extra: Record<string, string> = {},
): HTMLButtonElement => {
  const b = h('button', { type: 'button', class: className, ...extra }, label);
  b.addEventListener('click', onClick);
  return b;
};

export const scoreName = (leverId: string, dimension: Dimension): string => domId('score', leverId, dimension);
export const scoreErrorId = (leverId: string, dimension: Dimension): string => domId('score-error', leverId, dimension);

export function renderLoading({ t }: ViewContext): HTMLElement[] {
  return [h('p', { class: 'loading' }, t.loading)];
}

export function renderForm(
  ctx: FormContext,
  state: { restored: boolean; submitting: boolean; problem?: SubmitProblem; missing: ReadonlySet<string> },
  handlers: FormHandlers,
): HTMLElement[] {
  const { t, payload, draft } = ctx;
  const leverIds = payload.levers.map((l) => l.id);
  const problem = state.problem
    ? state.problem.kind === 'offline'
      ? t.offline
      : t.serverProblem(state.problem.message)
    : '';
  const submit = button(state.problem ? t.retry : t.submit, handlers.onSubmit, 'primary', { 'data-role': 'submit' });
  submit.disabled = state.submitting;
  const missingCount = state.missing.size;
  return compact(
    focusHeading(t.title),
    h('dl', { class: 'meta' }, h('div', {}, h('dt', {}, t.round), h('dd', {}, payload.round.name))),
    h('p', {}, t.howTo),
    h('p', { class: 'notice' }, t.privacy),
    ctx.sentBefore && !state.restored ? h('p', { class: 'notice', 'data-role': 'earlier' }, t.earlierSent) : null,
    h('p', { class: ctx.storageOk ? 'hint' : 'warning' }, ctx.storageOk ? t.keptOnDevice : t.noStorage),
    renderProgress(ctx, scoredCount(draft, leverIds), leverIds.length),
    renderScaleKey(ctx),
    h(
      'div',
      { class: 'statements' },
      ...payload.levers.map((lever, index) => renderLever(ctx, lever, index + 1, state.missing, handlers)),
    ),
    h(
      'div',
      { class: 'error-summary', role: 'alert', 'data-role': 'missing' },
      missingCount > 0 ? t.missing(missingCount) : '',
    ),
    h('div', { class: 'error-summary', role: 'alert', 'data-role': 'submit-problem' }, problem),
    state.submitting ? h('p', { class: 'hint', 'aria-hidden': 'true' }, t.submitting) : null,
    h('div', { class: 'actions' }, submit),
  );
}

function renderProgress({ t }: FormContext, scored: number, total: number): HTMLElement {
  return h(
    'div',
    { class: 'progress' },
    h('progress', { max: total, value: scored, 'aria-label': t.progressName, 'data-progress': 'bar' }),
    h('p', { class: 'progress-count', 'data-progress': 'count' }, t.scoredOf(scored, total)),
  );
}

export function updateProgress(root: HTMLElement, t: ScoringText, scored: number, total: number): void {
  const bar = root.querySelector<HTMLProgressElement>('[data-progress="bar"]');
  const count = root.querySelector<HTMLElement>('[data-progress="count"]');
  if (bar) bar.value = scored;
  if (count) count.textContent = t.scoredOf(scored, total);
}

/** The meaning of every point once, so it is visible on a narrow phone where tiles show numbers only. */
function renderScaleKey({ t }: FormContext): HTMLElement {
  return h(
    'div',
    { class: 'scale-key' },
    h('p', { class: 'scale-key-title' }, t.scaleKeyTitle),
    h(
      'ul',
      {},
      ...SCORE_POINTS.map((point, i) =>
        h('li', {}, h('span', { class: 'option-value' }, String(point)), ' ', t.scaleKey[i]!),
      ),
    ),
  );
}

function renderLever(
  ctx: FormContext,
  lever: ScoringPageLever,
  number: number,
  missing: ReadonlySet<string>,
  handlers: FormHandlers,
): HTMLElement {
  const { t, language } = ctx;
  const titleId = domId('lever', lever.id);
  return h(
    'div',
    { class: 'statement lever', role: 'group', 'aria-labelledby': titleId, 'data-lever': lever.id },
    h(
      'h2',
      { class: 'lever-title', id: titleId },
      h('span', { class: 'statement-number' }, `${number}.`),
      ' ',
      lever.title[language],
    ),
    h('p', { class: 'lever-description' }, lever.description[language]),
    h(
      'dl',
      { class: 'lever-tags' },
      h('div', {}, h('dt', {}, `${t.cluster}:`), h('dd', {}, lever.cluster.name[language])),
      h('div', {}, h('dt', {}, `${t.amo}:`), h('dd', {}, lever.amo.map((a) => a.name[language]).join(', '))),
    ),
    h(
      'div',
      { class: 'ratings' },
      renderScale(ctx, lever.id, 'impact', t.impact, t.impactHint, missing, handlers),
      renderScale(ctx, lever.id, 'feasibility', t.feasibility, t.feasibilityHint, missing, handlers),
    ),
    renderRemark(ctx, lever.id, handlers),
  );
}

/** One score as a native radio group in a fieldset; the legend carries the error, so it is read on entry. */
function renderScale(
  ctx: FormContext,
  leverId: string,
  dimension: Dimension,
  title: string,
  hint: string,
  missing: ReadonlySet<string>,
  handlers: FormHandlers,
): HTMLFieldSetElement {
  const { t, draft } = ctx;
  const name = scoreName(leverId, dimension);
  const selected = draft[leverId]?.[dimension];
  const options = SCORE_POINTS.map((point, i) => {
    const input = h('input', {
      type: 'radio',
      name,
      value: point,
      id: domId(name, String(point)),
      checked: selected === point,
    });
    input.addEventListener('change', () => {
      if (input.checked) handlers.onScore(leverId, dimension, point);
    });
    return h(
      'label',
      { class: 'option', for: input.id },
      input,
      h('span', { class: 'option-value' }, String(point)),
      h('span', { class: 'option-label scale-label' }, t.scaleKey[i]!),
    );
  });
  return h(
    'fieldset',
    { class: 'rating', 'data-kind': dimension },
    h(
      'legend',
      {},
      h('span', { class: 'rating-title' }, title),
      h('span', { class: 'rating-hint' }, hint),
      missing.has(name) ? renderScoreError(leverId, dimension, t) : null,
    ),
    h(
      'div',
      { class: 'scale-block' },
      h('div', { class: 'scale' }, ...options),
      h(
        'div',
        { class: 'scale-ends', 'aria-hidden': 'true' },
        h('span', {}, `1 = ${t.scaleKey[0]}`),
        h('span', {}, `5 = ${t.scaleKey[4]}`),
      ),
    ),
  );
}

export function renderScoreError(leverId: string, dimension: Dimension, t: ScoringText): HTMLElement {
  return h('span', { class: 'field-error', id: scoreErrorId(leverId, dimension) }, t.chooseScore);
}

/** Folded away by default: with many levers, a text box under each would make the page very long. */
function renderRemark({ t, draft }: FormContext, leverId: string, handlers: FormHandlers): HTMLElement {
  const id = domId('remark', leverId);
  const hintId = domId('remark-hint', leverId);
  const value = draft[leverId]?.remark ?? '';
  const textarea = h('textarea', { id, name: id, rows: 3, maxlength: MAX_REMARK_LENGTH, 'aria-describedby': hintId });
  textarea.value = value;
  textarea.addEventListener('input', () => handlers.onRemark(leverId, textarea.value));
  return h(
    'details',
    { class: 'remark', open: value.length > 0 },
    h('summary', {}, h('span', { class: 'remark-toggle' }, t.remarkToggle)),
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, t.remarkLabel),
      h('p', { id: hintId, class: 'hint' }, t.remarkHint),
      textarea,
    ),
  );
}

export function renderThanks({ t }: ViewContext, payload: ScoringPagePayload, onChange: () => void): HTMLElement[] {
  return [
    h('p', { class: 'survey-name' }, payload.round.name),
    h(
      'div',
      { class: 'done' },
      focusHeading(t.thanksTitle),
      h('p', {}, t.thanksBody),
      h('p', { class: 'hint' }, t.thanksReplace),
      h('div', { class: 'actions' }, button(t.change, onChange, 'secondary', { 'data-role': 'change' })),
    ),
  ];
}

/** A full-page message: unknown link, closed session, or a load failure with a retry. */
export function renderMessage(
  { t }: ViewContext,
  message: { title: string; body: string[]; tone: 'info' | 'error'; roundName?: string },
  retry?: () => void,
): HTMLElement[] {
  return compact(
    message.roundName ? h('p', { class: 'survey-name' }, message.roundName) : null,
    h(
      'div',
      { class: `message message-${message.tone}` },
      focusHeading(message.title),
      ...message.body.map((text) => h('p', {}, text)),
      retry ? h('div', { class: 'actions' }, button(t.retry, retry, 'primary')) : null,
    ),
  );
}
