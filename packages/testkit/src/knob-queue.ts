// The queue behind every simulator knob: one-shot entries for the next N matching requests and one
// standing entry, each limited to a path or to the knob's default set of paths.
import type { KnobOptions } from './simulator-state.js';

interface Knob<T> {
  remaining: number;
  readonly path: string | undefined;
  readonly value: T;
}

/** One-shot knobs queue first-in first-out and win over a standing one; a new standing knob replaces the old. */
export class KnobQueue<T> {
  readonly #defaultPaths: readonly string[];
  #queue: Knob<T>[] = [];
  #standing: Knob<T> | undefined;

  constructor(defaultPaths: readonly string[]) {
    this.#defaultPaths = defaultPaths;
  }

  add(value: T, options: KnobOptions | undefined, defaultTimes: number): void {
    const times = options?.times ?? defaultTimes;
    if (!(times > 0)) return;
    const knob = { remaining: times, path: options?.path, value };
    if (times === Number.POSITIVE_INFINITY) this.#standing = knob;
    else this.#queue.push(knob);
  }

  take(path: string): T | undefined {
    const matches = (knob: Knob<T>): boolean =>
      knob.path === undefined ? this.#defaultPaths.includes(path) : knob.path === path;
    const knob =
      this.#queue.find(matches) ?? (this.#standing && matches(this.#standing) ? this.#standing : undefined);
    if (knob === undefined) return undefined;
    knob.remaining--;
    if (knob.remaining <= 0) this.#queue = this.#queue.filter((k) => k !== knob);
    return knob.value;
  }

  clear(): void {
    this.#queue = [];
    this.#standing = undefined;
  }
}
