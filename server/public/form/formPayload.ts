import type { LocalizedText } from '../../../core/text';

/**
 * What GET /api/form/:code sends the respondent form. Texts come in both languages so the page can
 * switch language without asking again. Nothing here identifies the respondent.
 */
export interface FormPayload {
  round: {
    name: string;
    status: 'open' | 'closed';
    /** notYet: before the period's start; ended: closed by its end date; closed: closed by the adviser. */
    phase: 'notYet' | 'open' | 'ended' | 'closed';
    /** The days the round takes answers (YYYY-MM-DD, both included). */
    period?: { start: string; end: string };
    /** Groups with fewer responses than this are never reported; the intro tells respondents so. */
    anonymityThreshold: number;
  };
  group: { id: string; name: LocalizedText };
  survey: {
    title: LocalizedText;
    description?: LocalizedText;
    scale: { min: number; max: number; labels?: LocalizedText[] };
    sections: Array<{
      id: string;
      title: LocalizedText;
      intro?: LocalizedText;
      statements: Array<{ id: string; text: LocalizedText }>;
    }>;
  };
  /** True once a response was stored with this code: the page says so instead of showing the form. */
  used: boolean;
}
