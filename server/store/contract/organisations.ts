import type { Organisation } from '../../../core/organisation';

/** An API key as listed: never the key itself, only an id to name it by. */
export interface ApiKeyInfo {
  /** Short, stable, not secret: the first characters of the key's hash. */
  id: string;
  organisationId: string;
  organisationName: string;
  label?: string;
  createdAt: string;
  revokedAt?: string;
}

/** Organisations and their API keys. */
export interface OrganisationStore {
  /** Finds an organisation by name (case-insensitive, trimmed) or creates it; one per name, also concurrently. */
  findOrCreateOrganisation(name: string): Promise<Organisation>;
  /** Returns the new plain key once; only its hash is kept. Throws for an unknown organisation. */
  createApiKey(organisationId: string, options?: { label?: string }): Promise<string>;
  /** The organisation a (non-revoked) key belongs to. */
  organisationForKey(key: string): Promise<Organisation | undefined>;
  /** Every key, revoked ones too, oldest first. */
  listApiKeys(): Promise<ApiKeyInfo[]>;
  /** Revokes a key by its id (or an unambiguous prefix of it); undefined when no key matches. */
  revokeApiKey(keyId: string): Promise<ApiKeyInfo | undefined>;
}
