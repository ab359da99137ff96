/**
 * Every error code the gateway sends over the wire, with its HTTP status and OpenAI error type.
 * docs/ERRORS.md explains how to fix each one.
 */
export const errorCodes = {
  invalid_request_error: { status: 400, type: 'invalid_request_error' },
  invalid_api_key: { status: 401, type: 'authentication_error' },
  content_filter: { status: 400, type: 'invalid_request_error' },
  model_not_found: { status: 404, type: 'not_found_error' },
  not_found: { status: 404, type: 'not_found_error' },
  method_not_allowed: { status: 405, type: 'invalid_request_error' },
  request_timeout: { status: 408, type: 'invalid_request_error' },
  request_too_large: { status: 413, type: 'invalid_request_error' },
  unsupported_media_type: { status: 415, type: 'invalid_request_error' },
  host_not_allowed: { status: 403, type: 'permission_error' },
  headers_too_large: { status: 431, type: 'invalid_request_error' },
  // OpenAI's type says which budget ran out: `requests` here, `tokens` for a token budget.
  rate_limit_exceeded: { status: 429, type: 'requests' },
  limits_unavailable: { status: 503, type: 'api_error' },
  no_healthy_target: { status: 503, type: 'api_error' },
  audit_unavailable: { status: 503, type: 'api_error' },
  upstream_error: { status: 502, type: 'api_error' },
  upstream_timeout: { status: 504, type: 'api_error' },
  internal_error: { status: 500, type: 'api_error' },
} as const satisfies Record<string, { status: number; type: string }>;

/** A code the gateway may put in an OpenAI error body. */
export type ErrorCode = keyof typeof errorCodes;

/** The OpenAI error body: `{"error": {"message", "type", "param", "code"}}`. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** An error meant for the client: its code fixes the status and type, and it renders its own body. */
export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  readonly code: ErrorCode;
  readonly param: string | null;
  readonly status: number;
  /** The upstream could not be reached at all: nothing was sent, so another target may be tried. */
  readonly unreachable: boolean;

  constructor(
    code: ErrorCode,
    message: string,
    options: { param?: string; cause?: unknown; unreachable?: boolean } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.param = options.param ?? null;
    this.status = errorCodes[code].status;
    this.unreachable = options.unreachable ?? false;
  }

  /** The body OpenAI clients expect. */
  toOpenAI(): OpenAIErrorBody {
    return {
      error: { message: this.message, type: errorCodes[this.code].type, param: this.param, code: this.code },
    };
  }
}

/** Wraps whatever a plugin threw, naming the plugin, the rule type and the hook. */
export class PluginError extends Error {
  override readonly name = 'PluginError';
  readonly plugin: string;
  readonly hook: string;

  constructor(plugin: string, hook: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`[${plugin}] ${hook} threw: ${detail}`, { cause });
    this.plugin = plugin;
    this.hook = hook;
  }
}

/** A problem found in the operator's configuration, located in its file. */
export interface ConfigIssue {
  /** The file the problem is in, as given on the command line; absent for problems of the whole set. */
  file?: string;
  line?: number;
  column?: number;
  /** Dotted path as written: `providers.targets[2].timeout_seconds`. */
  path: string;
  message: string;
  /** A fix to suggest, e.g. `did you mean "base_url"?`. */
  hint?: string;
}

/** Renders an issue as one line: `file:line:col path: message (hint)`. */
export function formatConfigIssue(issue: ConfigIssue): string {
  const where =
    issue.file === undefined
      ? ''
      : `${issue.file}${issue.line === undefined ? '' : `:${issue.line}:${issue.column ?? 1}`} `;
  const path = issue.path === '' ? '' : `${issue.path}: `;
  const hint = issue.hint === undefined ? '' : ` (${issue.hint})`;
  return `${where}${path}${issue.message}${hint}`;
}
