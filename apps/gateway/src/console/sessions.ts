import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AdminKeyConfig } from '@keeptrusts/core/config';

/** The cookie that carries a console session: HttpOnly, SameSite=Strict, scoped to the console. */
export const SESSION_COOKIE = 'kt_console';

/** A signed-in operator. */
export interface ConsoleSession {
  adminId: string;
  /** Sent back in `X-CSRF-Token` with every change; the page reads it from a meta tag. */
  csrf: string;
  expiresAt: number;
}

/**
 * Console sessions (#22): an admin key is exchanged once for a random session id, kept only in
 * this process (a restart signs everyone out). Admin keys are checked like API keys: SHA-256,
 * every stored hash compared in constant time.
 */
export class SessionStore {
  private readonly sessions = new Map<string, ConsoleSession>();
  private admins: { id: string; digest: Buffer }[] = [];
  private ttlMs = 0;

  /** Takes the admin keys and session length of the config now serving (a reload may change them). */
  configure(adminKeys: readonly AdminKeyConfig[], sessionMinutes: number): void {
    this.admins = adminKeys.map((k) => ({ id: k.id, digest: Buffer.from(k.sha256, 'hex') }));
    this.ttlMs = sessionMinutes * 60_000;
    // A key removed from the config ends its sessions.
    const ids = new Set(this.admins.map((a) => a.id));
    for (const [id, session] of this.sessions) if (!ids.has(session.adminId)) this.sessions.delete(id);
  }

  /** The admin key's id, or undefined when `key` is not an admin key (an API key never is). */
  adminFor(key: string): string | undefined {
    const digest = createHash('sha256').update(key, 'utf8').digest();
    let found: string | undefined;
    for (const admin of this.admins) {
      if (timingSafeEqual(digest, admin.digest) && found === undefined) found = admin.id;
    }
    return found;
  }

  /** Starts a session for `adminId`; returns its id (the cookie's value). */
  open(adminId: string): { id: string; session: ConsoleSession } {
    this.sweep();
    const id = randomBytes(32).toString('base64url');
    const session = {
      adminId,
      csrf: randomBytes(32).toString('base64url'),
      expiresAt: Date.now() + this.ttlMs,
    };
    this.sessions.set(id, session);
    return { id, session };
  }

  get(id: string | undefined): ConsoleSession | undefined {
    if (id === undefined) return undefined;
    const session = this.sessions.get(id);
    if (session === undefined) return undefined;
    if (session.expiresAt <= Date.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  close(id: string | undefined): void {
    if (id !== undefined) this.sessions.delete(id);
  }

  get maxAgeSeconds(): number {
    return Math.floor(this.ttlMs / 1000);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(id);
  }
}

/** Whether a sent CSRF token is the session's, compared in constant time. */
export function csrfMatches(session: ConsoleSession, sent: string | undefined): boolean {
  if (sent === undefined) return false;
  const a = Buffer.from(sent, 'utf8');
  const b = Buffer.from(session.csrf, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
