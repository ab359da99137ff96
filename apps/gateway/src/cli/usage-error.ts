/** A mistake in how kt was called; reported with exit code 2. */
export class UsageError extends Error {}
