import { pino } from 'pino';

/** How long a log line may wait in the buffer before it is written. */
const FLUSH_MS = 250;

/**
 * The destination of `kt gateway run`'s log (#13): stderr, written asynchronously in blocks of up
 * to 4 KiB, so a request's line costs a copy into a buffer, not a system call on its path. A timer
 * (which keeps no process alive) writes what waits at least every 250 ms, and pino writes the rest
 * when the process exits.
 */
export function logDestination(fd = 2): { stream: pino.DestinationStream; stop(): void } {
  const stream = pino.destination({ dest: fd, sync: false, minLength: 4096 });
  const timer = setInterval(() => stream.flush(), FLUSH_MS);
  timer.unref();
  return {
    stream,
    stop() {
      clearInterval(timer);
      stream.flushSync();
    },
  };
}
