import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { GatewayError } from '@keeptrusts/core';
import type { ApiKeyConfig } from '@keeptrusts/core/config';

/** A new API key (shown once) and the line to put under `auth.keys`. */
export function createApiKey(): { key: string; hash: string } {
  const key = `kt-${randomBytes(32).toString('base64url')}`;
  return { key, hash: `sha256:${sha256(key)}` };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Checks bearer keys against the configured hashes. Keys are random 256-bit values, so one
 * SHA-256 is enough to store them; every stored hash is compared in constant time, whether or
 * not an earlier one matched, so timing tells nothing about which keys exist.
 */
export class KeyVerifier {
  private readonly keys: { id: string; digest: Buffer }[];

  constructor(keys: readonly ApiKeyConfig[]) {
    this.keys = keys.map((k) => ({ id: k.id, digest: Buffer.from(k.sha256, 'hex') }));
  }

  get enabled(): boolean {
    return this.keys.length > 0;
  }

  /** The key id for a valid `Authorization` header; throws `invalid_api_key` otherwise. */
  verify(authorization: string | undefined): string {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (match === null) {
      throw new GatewayError(
        'invalid_api_key',
        'missing API key: send "Authorization: Bearer <key>" (kt keys create makes one)',
      );
    }
    const digest = createHash('sha256').update(match[1]!, 'utf8').digest();
    let found: string | undefined;
    for (const key of this.keys) {
      if (timingSafeEqual(digest, key.digest) && found === undefined) found = key.id;
    }
    if (found === undefined) throw new GatewayError('invalid_api_key', 'invalid API key');
    return found;
  }
}
