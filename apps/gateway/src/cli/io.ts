/** Where a command writes; tests pass buffers, the bin passes the process streams. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: (name: string) => string | undefined;
  cwd: string;
}

/** An io that writes to the process's stdout and stderr. */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: (name) => process.env[name],
    cwd: process.cwd(),
  };
}
