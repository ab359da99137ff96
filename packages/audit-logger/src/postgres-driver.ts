// `pg` is an optional peer dependency: only `sink: postgres` loads it, so an install that keeps
// file logs needs neither the package nor the time to import it.
import type pg from 'pg';
import { AuditLogError } from './errors.js';

/** Loads `pg` when a PostgreSQL sink is created, or says how to install it. */
export async function loadPg(): Promise<typeof pg> {
  try {
    return (await import('pg')).default;
  } catch (error) {
    throw missingPgError(error) ?? error;
  }
}

/** The error to show instead of `error` when it says that `pg` itself is not installed. */
export function missingPgError(error: unknown): AuditLogError | undefined {
  const missing =
    error instanceof Error &&
    (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' &&
    error.message.includes("'pg'");
  if (!missing) return undefined;
  return new AuditLogError(
    'config',
    'sink: postgres needs the pg package, which is not installed: add it next to @keeptrusts/audit-logger ' +
      '(npm install pg, or pnpm add pg)',
    { cause: error },
  );
}
