import { createHash } from 'node:crypto';

/** Whether a generated text belongs to the held-out 20 % (first byte of its SHA-256), never fitted. */
export function isGeneratedHeldOut(text: string): boolean {
  return (createHash('sha256').update(text).digest()[0] as number) < 52;
}
