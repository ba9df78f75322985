import type { Language } from '../../core/text';
import { KoersApiError } from '../api/client';
import { uiText, type UiTextKey } from '../i18n';
import { PaneError } from './session';

const apiErrorText: Record<Exclude<KoersApiError['kind'], 'noResults' | 'server'>, UiTextKey> = {
  invalidUrl: 'errorInvalidUrl',
  unreachable: 'errorUnreachable',
  notKoers: 'errorNotKoers',
  unauthorized: 'errorUnauthorized',
  notFound: 'errorNotFound',
  invalidResponse: 'errorInvalidResponse',
};

/** One sentence a person can act on, for anything the flow can throw. */
export function describeError(error: unknown, language: Language): string {
  if (error instanceof PaneError) return uiText(language, error.key, error.params);
  if (error instanceof KoersApiError) {
    // Scoring sessions have their own 404 and 409; any other server message is passed through.
    if (error.details.code === 'scoringSessionNotFound') return uiText(language, 'errorNoScoringSession');
    if (error.details.code === 'scoringClosed') return uiText(language, 'errorScoringClosed');
    if (error.kind === 'noResults') {
      return error.details.reason === 'allSuppressed'
        ? uiText(language, 'errorAllSuppressed', { threshold: error.details.threshold ?? 5 })
        : uiText(language, 'errorNoResponses');
    }
    if (error.kind === 'server')
      return uiText(language, 'errorServer', { message: error.details.serverMessage ?? error.message });
    return uiText(language, apiErrorText[error.kind]);
  }
  // Whatever else reaches here came from Excel (OfficeExtension.Error carries code and message).
  const message = error instanceof Error ? error.message : String(error);
  return uiText(language, 'errorExcel', { message });
}
