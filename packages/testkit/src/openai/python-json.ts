// Python's json.dumps with its default separators (`", "` and `": "`) and ensure_ascii=False, which is how
// vLLM writes tool-call arguments: `{"city": "Tokyo"}`, where llama.cpp writes `{"city":"Tokyo"}`.

/** Serialises a JSON value as Python's `json.dumps(value, ensure_ascii=False)` does. */
export function pythonJsonDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${pythonJsonDumps(v)}`).join(', ')}}`;
  }
  // Python prints floats with a fractional part (1.0); JSON numbers that are integers stay integers.
  return JSON.stringify(value) ?? 'null';
}
