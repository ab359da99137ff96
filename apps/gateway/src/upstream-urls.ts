import type { OpenAIErrorBody } from '@keeptrusts/core';
import type { LiveTarget } from './targets.js';

/**
 * Takes the upstream addresses out of error messages before they reach clients: a provider names
 * the URL it failed on (`could not reach Ollama at http://10.0.0.5:11434`), which the operator
 * needs in the log but a client must not learn. Each address becomes the target's id.
 */
export function createUrlHider(
  targets: readonly LiveTarget[],
): (body: OpenAIErrorBody, target: string | null) => OpenAIErrorBody {
  const byUrl = new Map<string, string[]>();
  for (const target of targets) {
    const shown = shownUrl(target.config.baseUrl);
    if (shown !== undefined) byUrl.set(shown, [...(byUrl.get(shown) ?? []), target.config.id]);
  }
  // Longest first, so a URL with a path prefix is replaced before the bare host it starts with.
  const urls = [...byUrl.keys()].sort((a, b) => b.length - a.length);
  return (body, target) => {
    let message = body.error.message;
    for (const url of urls) {
      if (!message.includes(url)) continue;
      const ids = byUrl.get(url)!;
      const id = target !== null && ids.includes(target) ? target : ids[0]!;
      message = message.replaceAll(url, `target "${id}"`);
    }
    return message === body.error.message ? body : { error: { ...body.error, message } };
  };
}

/** A base URL as providers print it: no credentials, query or trailing slash. */
function shownUrl(baseUrl: string | undefined): string | undefined {
  if (baseUrl === undefined) return undefined;
  try {
    const url = new URL(baseUrl);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}
