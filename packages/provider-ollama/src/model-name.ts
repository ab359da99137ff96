/**
 * Whether a requested model name names a configured one, as Ollama resolves names: case does not
 * matter and a name without a tag means `:latest`, so `llama3.3`, `Llama3.3` and `llama3.3:latest`
 * are one model while `llama3.3:70b` is another.
 */
export function sameOllamaModel(configured: string, requested: string): boolean {
  return withTag(configured) === withTag(requested);
}

function withTag(name: string): string {
  const lower = name.toLowerCase();
  return lower.includes(':') ? lower : `${lower}:latest`;
}
