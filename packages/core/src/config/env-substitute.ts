/** A `${VAR}` that has no value and no default. */
export interface UnsetVariable {
  path: (string | number)[];
  name: string;
}

const reference = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;
const wholeReference = /^\$\{[A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?\}$/;
const scalarLike = /^(-?\d+(\.\d+)?|true|false)$/;

/**
 * Replaces `${VAR}` and `${VAR:-default}` in every string value (not keys); `$${` writes a
 * literal `${`. A value that is one reference and yields a number or boolean becomes one, so
 * `timeout_seconds: ${TIMEOUT:-30}` stays a number.
 */
export function substituteEnv(
  value: unknown,
  env: (name: string) => string | undefined,
  unset: UnsetVariable[] = [],
  path: (string | number)[] = [],
): unknown {
  if (typeof value === 'string') {
    if (!value.includes('${')) return value;
    const result = value.replace(
      reference,
      (match, name: string | undefined, fallback: string | undefined) => {
        if (name === undefined) return '${';
        const found = env(name);
        if (found !== undefined && found !== '') return found;
        if (fallback !== undefined) return fallback;
        unset.push({ path, name });
        return match;
      },
    );
    if (wholeReference.test(value) && scalarLike.test(result)) {
      return result === 'true' ? true : result === 'false' ? false : Number(result);
    }
    return result;
  }
  if (Array.isArray(value))
    return value.map((item, index) => substituteEnv(item, env, unset, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, substituteEnv(item, env, unset, [...path, key])]),
    );
  }
  return value;
}
