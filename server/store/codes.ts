import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import type { StoredResponse } from '../../core/response';

/** No 0/O, 1/I/L: codes get typed over from paper letters. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 31^10 ≈ 8·10^14 codes: guessing one is hopeless behind the per-IP and per-code rate limits. */
export const CODE_LENGTH = 10;

/** Lower-case letters and digits only, so ids are safe file names even on case-insensitive disks. */
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ID_LENGTH = 16;

const API_KEY_PREFIX = 'koers_';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export function newInvitationCode(): string {
  return randomString(CODE_ALPHABET, CODE_LENGTH);
}

/** People retype codes: accept lower case, spaces and dashes. */
export function normaliseCode(code: string): string {
  return code
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '');
}

/**
 * Codes are kept only as HMACs with a secret pepper: a copy of the data folder without the secret
 * cannot be matched against a list of printed codes, and the plain code never reaches the disk.
 */
export function hashCode(code: string, pepper: string): string {
  return keyedHash(pepper, normaliseCode(code));
}

/** 18 random bytes: 24 URL-safe characters, far beyond guessing behind the public rate limits. */
const SCORING_TOKEN_BYTES = 18;

export function newScoringToken(): string {
  return randomToken(SCORING_TOKEN_BYTES);
}

/**
 * Scoring tokens are kept only as HMACs with the store's pepper, like invitation codes. The prefix
 * keeps the two kinds apart, and tokens are hashed exactly as written: they are clicked, never typed.
 */
export function hashScoringToken(token: string, pepper: string): string {
  return keyedHash(pepper, `scoring:${token}`);
}

/** `koers_` + 32 base64url characters (24 random bytes). */
export function newApiKey(): string {
  return API_KEY_PREFIX + randomToken(24);
}

/** Keys carry 192 random bits, so a plain (unsalted) sha256 is enough to make a stolen hash useless. */
export function hashApiKey(key: string): string {
  return sha256(key);
}

export function newId(prefix: string): string {
  return `${prefix}-${randomString(ID_ALPHABET, ID_LENGTH)}`;
}

export function newSecret(): string {
  return randomToken(32);
}

/** `bytes` random bytes as URL-safe text (4 characters per 3 bytes): keys, secrets, scoring tokens. */
export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** HMAC-SHA256 with the store's secret pepper, hex: how codes and tokens are kept. */
export function keyedHash(pepper: string, text: string): string {
  return createHmac('sha256', pepper).update(text).digest('hex');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Answers in a fixed text form, independent of the order the client sent them in. */
export function canonicalAnswers(answers: StoredResponse['answers']): string {
  const ids = Object.keys(answers).sort();
  return JSON.stringify(ids.map((id) => [id, ...answers[id]!]));
}

/**
 * What the used-codes log keeps to recognise a retry. It includes the client's random submissionId,
 * which never reaches the disk otherwise, so the hash cannot be recomputed from a response line and
 * does not link the code to its response.
 */
export function retryFingerprint(
  submissionId: string,
  answers: StoredResponse['answers'],
  comment: string | undefined,
): string {
  return sha256(JSON.stringify([submissionId, canonicalAnswers(answers), comment ?? null]));
}

/**
 * For clients without a submissionId. This one could be recomputed from a response line, so it is
 * only ever kept in memory.
 */
export function contentFingerprint(answers: StoredResponse['answers'], comment: string | undefined): string {
  return sha256(JSON.stringify([canonicalAnswers(answers), comment ?? null]));
}
