import type { UiTextKey } from '../i18n';
import { PaneError } from './session';

/**
 * A part of the pane its first screen does not need (chart.js, the QR codes of the invitation
 * cards), fetched from the server as a separate script the first time it is used: webpack turns the
 * `import()` in `load` into a chunk. When that fetch fails (no connection, or the pane was opened
 * before a new version was deployed and the old chunk is gone) the caller gets a PaneError with
 * `failure`, which the pane shows in words like any other error. A failure is not remembered: the
 * next use fetches again (webpack's runtime forgets a chunk that failed).
 */
export function lazyPart<T>(load: () => Promise<T>, failure: UiTextKey): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw isChunkLoadFailure(error) ? new PaneError(failure) : error;
    });
    return loading;
  };
}

/** webpack's runtime rejects with a ChunkLoadError when the chunk's script did not load. */
function isChunkLoadFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ChunkLoadError';
}
