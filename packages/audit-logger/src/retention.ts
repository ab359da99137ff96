import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChainStart } from './chain.js';
import { ChainVerifier, GENESIS_HASH, utcDate } from './chain.js';
import type { AuditCheckpoint, RemovedSegment } from './checkpoint.js';
import { readCheckpoint, sealCheckpoint, writeCheckpoint } from './checkpoint.js';
import { AuditLogError } from './errors.js';
import type { HmacKeyInput } from './hmac-key.js';
import { toHmacKey } from './hmac-key.js';
import { syncDirectory } from './sealed-file.js';
import { listSegments, readLines, segmentDate } from './segments.js';

const DAY_MS = 86_400_000;

/** Options for `applyRetention`. */
export interface RetentionOptions {
  /** Segments dated more than this many days before today (UTC) are removed. */
  retentionDays: number;
  /** Default `() => new Date()`. */
  now?: () => Date;
  /** The log's HMAC key, if it has one: the removed part is verified and the checkpoint sealed with it. */
  hmacKey?: HmacKeyInput;
}

/** What one retention run did. */
export interface RetentionResult {
  /** Segment files deleted (including ones an interrupted earlier run had already checkpointed). */
  removed: string[];
  /** The checkpoint now in force, if any. */
  checkpoint: AuditCheckpoint | undefined;
}

/**
 * Removes whole segments older than `retentionDays` and records in `checkpoint.json` where the
 * remaining chain starts, so the rest still verifies. The segments to remove are verified first:
 * a break there throws `retention_refused` and nothing is deleted, so retention never destroys
 * evidence of tampering. The newest segment is never removed (the writer appends to it).
 */
export async function applyRetention(dir: string, options: RetentionOptions): Promise<RetentionResult> {
  const { retentionDays } = options;
  if (!Number.isSafeInteger(retentionDays) || retentionDays < 1) {
    throw new AuditLogError(
      'config',
      `retention_days must be a whole number of days ≥ 1, got ${retentionDays}`,
    );
  }
  const hmacKey = toHmacKey(options.hmacKey);
  const nowMs = (options.now ?? (() => new Date()))().getTime();
  const cutoff = utcDate(nowMs - retentionDays * DAY_MS);
  const previous = await readCheckpoint(dir, hmacKey);
  const alreadyRemoved = new Set(previous?.removed.map((r) => r.segment));
  const segments = await listSegments(dir);
  const leftovers = segments.filter((s) => alreadyRemoved.has(s));
  const active = segments.filter((s) => !alreadyRemoved.has(s));
  const expired = active.slice(0, -1).filter((s) => (segmentDate(s) ?? '') < cutoff);

  let checkpoint = previous;
  if (expired.length > 0) {
    const start: ChainStart =
      previous === undefined
        ? { from: 'genesis', seq: 0, hash: GENESIS_HASH }
        : { from: 'checkpoint', seq: previous.seq, hash: previous.hash };
    const verifier = new ChainVerifier(start, hmacKey);
    const summaries: RemovedSegment[] = [];
    let lastTs = previous?.ts ?? null;
    let anchored = previous?.head_anchored === true;
    for (const segment of expired) {
      const summary: RemovedSegment = { segment, records: 0, first_seq: null, last_seq: null };
      for await (const line of readLines(join(dir, segment))) {
        const check = line.terminated
          ? verifier.check(line.bytes.toString('utf8'), line.bytes)
          : ({ ok: false, message: 'the last line has no newline (torn)' } as const);
        if (!check.ok) {
          throw new AuditLogError(
            'retention_refused',
            `retention keeps ${segment}: line ${line.line} does not verify (${check.message}); ` +
              'run `kt audit verify` and preserve the evidence before removing it by hand',
          );
        }
        summary.records += 1;
        summary.first_seq ??= check.record.seq;
        summary.last_seq = check.record.seq;
        lastTs = check.record.ts;
        anchored = check.record.head_anchored === true;
      }
      summaries.push(summary);
    }
    checkpoint = sealCheckpoint(
      {
        version: 1,
        seq: verifier.head.seq,
        hash: verifier.head.hash,
        ts: lastTs,
        removed: [...(previous?.removed ?? []), ...summaries],
        // Keeps "this log has a head.json" once the records saying so are gone.
        ...(anchored ? { head_anchored: true as const } : {}),
        updated_at: new Date(nowMs).toISOString(),
      },
      hmacKey,
    );
    // The checkpoint is durable before any segment goes; a crash in between leaves segments that
    // the checkpoint lists, which verify skips and the next run deletes.
    await writeCheckpoint(dir, checkpoint);
  }

  const doomed = [...leftovers, ...expired];
  if (doomed.length === 0) return { removed: [], checkpoint };
  const names = await readdir(dir);
  for (const segment of doomed) {
    await unlink(join(dir, segment)).catch(ignoreMissing);
    for (const name of names) {
      if (name.startsWith(`${segment}.torn-`)) await unlink(join(dir, name)).catch(ignoreMissing);
    }
  }
  await syncDirectory(dir);
  return { removed: doomed, checkpoint };
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}

/** Options for `startRetentionSchedule`. */
export interface RetentionScheduleOptions extends RetentionOptions {
  dir: string;
  /** Time between runs; default one hour. The first run starts at once. */
  intervalMs?: number;
  onResult?: (result: RetentionResult) => void;
  /** Called when a run fails (it is retried at the next interval). */
  onError?: (error: Error) => void;
}

/**
 * Runs `applyRetention` now and every `intervalMs` on an unref'd timer. Returns a stop function
 * that cancels the timer and resolves once a run in progress has finished.
 */
export function startRetentionSchedule(options: RetentionScheduleOptions): () => Promise<void> {
  const { dir, intervalMs = 3_600_000, onResult, onError, ...retention } = options;
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = (): void => {
    if (running !== undefined || stopped) return;
    running = applyRetention(dir, retention)
      .then(
        (result) => onResult?.(result),
        (error: unknown) => onError?.(error instanceof Error ? error : new Error(String(error))),
      )
      .catch(() => undefined)
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  run();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
