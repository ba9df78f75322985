import type { Scale } from '../survey';

/**
 * "To what extent is this so?" — fits statements about the current and the desired situation alike,
 * unlike an agree/disagree scale, which reads oddly for a desired state.
 */
export function extentScale(): Scale {
  return {
    min: 1,
    max: 5,
    labels: [
      { nl: 'Helemaal niet', en: 'Not at all' },
      { nl: 'Nauwelijks', en: 'Hardly' },
      { nl: 'Deels', en: 'Partly' },
      { nl: 'Grotendeels', en: 'Largely' },
      { nl: 'Volledig', en: 'Fully' },
    ],
  };
}
