/** The subset of Web Storage used here, so tests can pass a Map-backed stand-in. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SavedConnection {
  serverUrl: string;
  apiKey: string;
}

/**
 * Remembers server and key on this computer only (localStorage), never in the workbook: document
 * settings travel inside the file to everyone it is sent to. Where Office provides a partition key
 * (Excel on the web), storage is keyed with it, as Office requires for add-ins sharing an origin.
 * Storage can be unavailable (disabled, private mode): then nothing is remembered.
 */
export class CredentialStore {
  private readonly key: string;

  constructor(
    private readonly storage: KeyValueStorage | undefined,
    partitionKey?: string,
  ) {
    this.key = partitionKey ? `${partitionKey}:koers.connection` : 'koers.connection';
  }

  load(): SavedConnection | undefined {
    try {
      const raw = this.storage?.getItem(this.key);
      if (!raw) return undefined;
      const value = JSON.parse(raw) as Partial<SavedConnection>;
      if (typeof value.serverUrl === 'string' && typeof value.apiKey === 'string') {
        return { serverUrl: value.serverUrl, apiKey: value.apiKey };
      }
    } catch {
      // unreadable or unavailable: behave as if nothing was saved
    }
    return undefined;
  }

  save(connection: SavedConnection): void {
    try {
      this.storage?.setItem(this.key, JSON.stringify(connection));
    } catch {
      // quota or disabled storage: the person types the key again next time
    }
  }

  clear(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // nothing to clear
    }
  }
}
