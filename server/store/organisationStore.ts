import type { Organisation } from '../../core/organisation';
import { hashApiKey, newApiKey, newId } from './codes';
import type { ApiKeyInfo, OrganisationStore } from './contract';
import type { ApiKeyRecord, MetaData } from './metaDocument';
import type { StoreContext } from './storeContext';

/** Characters of the key hash that name a key in `key list` and `key revoke`. */
const KEY_ID_LENGTH = 12;

function keyInfo(data: Readonly<MetaData>, record: ApiKeyRecord): ApiKeyInfo {
  const organisation = data.organisations.find((o) => o.id === record.organisationId);
  return {
    id: record.hash.slice(0, KEY_ID_LENGTH),
    organisationId: record.organisationId,
    organisationName: organisation?.name ?? record.organisationId,
    ...(record.label ? { label: record.label } : {}),
    createdAt: record.createdAt,
    ...(record.revokedAt ? { revokedAt: record.revokedAt } : {}),
  };
}

/** Organisations and hashed API keys in koers.json, with an in-memory index from key hash to organisation. */
export class FileOrganisationStore implements OrganisationStore {
  private readonly organisationsByKey = new Map<string, string>();

  constructor(private readonly ctx: StoreContext) {
    for (const key of ctx.meta.data.apiKeys)
      if (!key.revokedAt) this.organisationsByKey.set(key.hash, key.organisationId);
  }

  async findOrCreateOrganisation(name: string): Promise<Organisation> {
    this.ctx.assertOpen();
    const wanted = name.trim();
    if (wanted === '') throw new Error('An organisation needs a name');
    const key = wanted.toLocaleLowerCase('nl');
    const known = this.ctx.meta.data.organisations.find((o) => o.name.toLocaleLowerCase('nl') === key);
    if (known) return known;
    // Looked up again inside the queue, so two concurrent calls with one name create one organisation.
    return this.ctx.meta.update((draft) => {
      const existing = draft.organisations.find((o) => o.name.toLocaleLowerCase('nl') === key);
      if (existing) return existing;
      const organisation: Organisation = { id: newId('org'), name: wanted, createdAt: this.ctx.timestamp() };
      draft.organisations.push(organisation);
      return organisation;
    });
  }

  async createApiKey(organisationId: string, options: { label?: string } = {}): Promise<string> {
    this.ctx.assertOpen();
    const key = newApiKey();
    const hash = hashApiKey(key);
    const label = options.label?.trim();
    await this.ctx.meta.update(
      (draft) => {
        if (!draft.organisations.some((o) => o.id === organisationId))
          throw new Error(`Unknown organisation ${organisationId}`);
        draft.apiKeys.push({ hash, organisationId, createdAt: this.ctx.timestamp(), ...(label ? { label } : {}) });
      },
      () => this.organisationsByKey.set(hash, organisationId),
    );
    return key;
  }

  async organisationForKey(key: string): Promise<Organisation | undefined> {
    const organisationId = this.organisationsByKey.get(hashApiKey(key));
    return organisationId === undefined
      ? undefined
      : this.ctx.meta.data.organisations.find((o) => o.id === organisationId);
  }

  async listApiKeys(): Promise<ApiKeyInfo[]> {
    const data = this.ctx.meta.data;
    return data.apiKeys.map((record) => keyInfo(data, record));
  }

  async revokeApiKey(keyId: string): Promise<ApiKeyInfo | undefined> {
    this.ctx.assertOpen();
    const wanted = keyId.trim().toLowerCase();
    if (wanted.length < 4) return undefined;
    return this.ctx.meta
      .update(
        (draft) => {
          const matches = draft.apiKeys.filter((k) => k.hash.startsWith(wanted));
          if (matches.length !== 1) return undefined;
          const record = matches[0]!;
          record.revokedAt ??= this.ctx.timestamp();
          return { info: keyInfo(draft, record), hash: record.hash };
        },
        (result) => {
          if (result) this.organisationsByKey.delete(result.hash);
        },
      )
      .then((result) => result?.info);
  }
}
