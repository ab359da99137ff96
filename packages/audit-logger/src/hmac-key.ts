import { AuditLogError } from './errors.js';

/** An HMAC key as callers hand it over: raw bytes, or a string whose UTF-8 bytes are the key. */
export type HmacKeyInput = Uint8Array | string;

/** The shortest key `resolveHmacKey` accepts from the environment (HMAC-SHA256 wants ≥ 32 bytes). */
export const MIN_HMAC_KEY_LENGTH = 32;

/** Normalises a key to bytes; undefined stays undefined (plain SHA-256). */
export function toHmacKey(key: HmacKeyInput | undefined): Uint8Array | undefined {
  if (key === undefined) return undefined;
  return typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
}

/**
 * Reads the HMAC key named by `hmac_key_env`. The variable's value, as UTF-8 bytes, is the key.
 * Throws a `config` error when the variable is unset or shorter than 32 characters; undefined
 * when no variable is named.
 */
export function resolveHmacKey(
  envName: string | undefined,
  env: (name: string) => string | undefined = (name) => process.env[name],
): Uint8Array | undefined {
  if (envName === undefined) return undefined;
  const value = env(envName);
  if (value === undefined || value === '') {
    throw new AuditLogError(
      'config',
      `hmac_key_env names ${envName}, but ${envName} is not set; set it to a secret of at least ` +
        `${MIN_HMAC_KEY_LENGTH} characters (e.g. \`openssl rand -hex 32\`) or remove hmac_key_env`,
    );
  }
  if (value.length < MIN_HMAC_KEY_LENGTH) {
    throw new AuditLogError(
      'config',
      `${envName} holds ${value.length} characters; an audit HMAC key needs at least ${MIN_HMAC_KEY_LENGTH} ` +
        '(e.g. `openssl rand -hex 32`)',
    );
  }
  return Buffer.from(value, 'utf8');
}
