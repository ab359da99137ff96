import { GatewayError } from '@keeptrusts/core';

// OpenAI-compatible servers agree on the success shapes and disagree on the error ones:
//   OpenAI, llama.cpp, Ollama /v1: {"error": {"message": "...", "type": "...", "code": ...}}
//   vLLM (older releases):         {"object": "error", "message": "...", "type": "BadRequestError", "code": 400}
//   LM Studio and proxies:         {"error": "..."}, or a plain-text page
// This file reads any of them and maps the HTTP status to the gateway's codes.

const MAX_MESSAGE = 500;

/** The message of an upstream error body in any of the shapes above, or the body itself, cut short. */
export function upstreamMessage(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  try {
    const message = messageOf(JSON.parse(trimmed));
    if (message !== undefined) return clip(message);
  } catch {
    // Not JSON: a proxy's page; quote it.
  }
  return clip(trimmed);
}

/** The message of a parsed error value, or undefined when the value does not say it failed. */
export function messageOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const error = record.error;
  if (typeof error === 'string' && error !== '') return error;
  if (typeof error === 'object' && error !== null) {
    const message = (error as Record<string, unknown>).message;
    return typeof message === 'string' ? message : JSON.stringify(error);
  }
  if (record.object === 'error' && typeof record.message === 'string') return record.message;
  return undefined;
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/** Where an error happened, for its message: the server's label and its address without credentials. */
export interface UpstreamPlace {
  /** `vLLM at http://gpu-1:8000/v1`. */
  readonly name: string;
  /** The target's `secret_key_ref` variable, named when the server refuses the gateway. */
  readonly secretKeyEnv: string | undefined;
}

/** Maps an upstream error status to what the client sees, keeping the upstream's message. */
export function statusError(
  status: number,
  path: string,
  message: string | undefined,
  place: UpstreamPlace,
): GatewayError {
  const cause = new Error(`HTTP ${status} from ${place.name}/${path}`);
  const said = message === undefined ? '' : `: ${message}`;
  if (status === 400 || status === 422) {
    return new GatewayError(
      'invalid_request_error',
      message ?? `${place.name} refused the request (HTTP ${status})`,
      {
        cause,
      },
    );
  }
  if (status === 404 && message !== undefined && /model/i.test(message)) {
    // The gateway already matched the request to this target; a server without the model is the
    // deployment's problem, so it is a 502 (and another target may serve the next request).
    return new GatewayError(
      'upstream_error',
      `${message} (the target's model is not served by ${place.name}; check the model name the server lists at GET /v1/models)`,
      { cause },
    );
  }
  if (status === 404) {
    return new GatewayError(
      'upstream_error',
      `${place.name} has no /${path} (HTTP 404${said}); check that base_url ends in the API's root, such as /v1`,
      { cause },
    );
  }
  if (status === 401 || status === 403) {
    const variable =
      place.secretKeyEnv === undefined ? 'secret_key_ref' : `secret_key_ref (${place.secretKeyEnv})`;
    return new GatewayError(
      'upstream_error',
      `${place.name} refused the gateway with HTTP ${status}${said}; check the target's ${variable}`,
      { cause },
    );
  }
  if (status === 429) {
    return new GatewayError('upstream_error', `${place.name} is busy (HTTP 429)${said}`, { cause });
  }
  if (status === 504 || status === 408) {
    return new GatewayError('upstream_timeout', message ?? `${place.name} timed out (HTTP ${status})`, {
      cause,
    });
  }
  if (status >= 300 && status < 400) {
    return new GatewayError(
      'upstream_error',
      `${place.name} answered with a redirect (HTTP ${status}), which the gateway does not follow; write the final URL as base_url`,
      { cause },
    );
  }
  return new GatewayError('upstream_error', message ?? `${place.name} failed with HTTP ${status}`, { cause });
}
