import type { Language } from '../../../core/text';
import { domId, h } from './formDom';
import type { FormText } from './formText';
import type { Rating } from './formStorage';
import type { RatingKind, SurveyData } from './formSurvey';

/** Radio value for "don't know / n.a."; everything else is a point on the scale. */
export const DONT_KNOW = 'dk';

export interface StatementProps {
  statement: SurveyData['sections'][number]['statements'][number];
  number: number;
  scale: SurveyData['scale'];
  language: Language;
  t: FormText;
  answer: { current?: Rating; desired?: Rating };
  /** Ratings to flag as missing (after the respondent tried to go on). */
  missing: ReadonlySet<RatingKind>;
  onRate: (statementId: string, kind: RatingKind, value: number | null) => void;
}

export const ratingName = (statementId: string, kind: RatingKind): string => domId('rating', statementId, kind);
export const ratingErrorId = (statementId: string, kind: RatingKind): string => domId('error', statementId, kind);

/**
 * One statement, rated twice. Each rating is a native radio group in a fieldset whose legend also
 * carries the "choose an answer" error, so screen readers say it when entering the group.
 */
export function renderStatement(props: StatementProps): HTMLElement {
  const { statement, number, language, t } = props;
  const textId = domId('statement', statement.id);
  return h(
    'div',
    { class: 'statement', role: 'group', 'aria-labelledby': textId, 'data-statement': statement.id },
    h(
      'h3',
      { class: 'statement-text', id: textId },
      h('span', { class: 'statement-number' }, `${number}.`),
      ' ',
      statement.text[language],
    ),
    h(
      'div',
      { class: 'ratings' },
      renderRating(props, 'current', t.current),
      renderRating(props, 'desired', t.desired),
    ),
  );
}

function renderRating(props: StatementProps, kind: RatingKind, title: string): HTMLFieldSetElement {
  const { statement, scale, language, t, answer } = props;
  const name = ratingName(statement.id, kind);
  const selected = answer[kind];
  const points: number[] = [];
  for (let p = scale.min; p <= scale.max; p += 1) points.push(p);

  const option = (
    value: string,
    checked: boolean,
    className: string,
    ...content: Array<Node | string>
  ): HTMLLabelElement => {
    const input = h('input', { type: 'radio', name, value, id: domId(name, value), checked });
    input.addEventListener('change', () => {
      if (input.checked) props.onRate(statement.id, kind, value === DONT_KNOW ? null : Number(value));
    });
    return h('label', { class: className, for: input.id }, input, ...content);
  };

  const labels = scale.labels?.map((label) => label[language]);
  const scaleRow = h(
    'div',
    { class: points.length > 7 ? 'scale scale-wrap' : 'scale' },
    ...points.map((point, index) =>
      option(
        String(point),
        selected === point,
        'option',
        h('span', { class: 'option-value' }, String(point)),
        labels ? h('span', { class: 'option-label scale-label' }, labels[index]) : '',
      ),
    ),
  );
  scaleRow.style.setProperty('--points', String(Math.min(points.length, 7)));
  // Where tiles are too narrow for every label, the labels stay in the radios' names and the two
  // ends are shown under the row (CSS container query decides); the key above the section lists all.
  const ends = labels
    ? h(
        'div',
        { class: 'scale-ends', 'aria-hidden': 'true' },
        h('span', {}, `${scale.min} = ${labels[0]}`),
        h('span', {}, `${scale.max} = ${labels[labels.length - 1]}`),
      )
    : null;

  return h(
    'fieldset',
    { class: 'rating', 'data-kind': kind },
    h(
      'legend',
      {},
      h('span', { class: 'rating-title' }, title),
      props.missing.has(kind) ? renderRatingError(statement.id, kind, t) : null,
    ),
    h('div', { class: 'scale-block' }, scaleRow, ends),
    option(DONT_KNOW, selected === null, 'option option-dk', h('span', { class: 'option-label' }, t.dontKnow)),
  );
}

export function renderRatingError(statementId: string, kind: RatingKind, t: FormText): HTMLElement {
  return h('span', { class: 'field-error', id: ratingErrorId(statementId, kind) }, t.chooseAnswer);
}
