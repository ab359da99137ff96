import { z } from 'zod';
import { parseListenAddress } from './listen-address.js';
import { salvageSchema } from './salvage.js';

// The configuration as operators write it: YAML keys keep their written names here, and
// `normaliseConfig` (normalise.ts, one normalise-* module per section) is the one place that
// maps them onto the camelCase model in `types.ts`.
// Every section is optional in one file because several files merge into one config.

const positiveInt = z.number().int().positive();

/** What an environment variable name may look like (`secret_key_ref.env`, provider defaults). */
export const secretEnvName: RegExp = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The `secret_key_ref` object: which environment variable holds the upstream bearer token. */
export const secretKeyRefSchema = z.strictObject({ env: z.string().regex(secretEnvName) });

/**
 * One entry of `providers.targets`: the fields every provider has, with the Provider Fields
 * table's defaults (and the provider's own, for `base_url` and `secret_key_ref`) applied later.
 * Other keys pass through to the provider's `configSchema`, which the normaliser runs once the
 * provider string names the provider; a key neither knows is reported there.
 */
export const writtenTargetSchema = z.looseObject({
  id: z.string().min(1),
  provider: z.string().min(1),
  model: z.string().min(1).optional(),
  base_url: z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL such as http://127.0.0.1:8080' })
    .optional(),
  secret_key_ref: secretKeyRefSchema.optional(),
  timeout_seconds: positiveInt.optional(),
  stream_timeout_seconds: positiveInt.optional(),
  max_context_tokens: positiveInt.optional(),
  description: z.string().optional(),
  weight: positiveInt.optional(),
  health_probe: z.boolean().optional(),
});
export type WrittenTarget = z.infer<typeof writtenTargetSchema>;

const endpointKind = z.enum(['chat', 'completion', 'embedding']);

/** A rule as written: its `type` picks the plugin whose schema validates the rest. */
export const writtenRuleSchema = z.looseObject({ type: z.string().min(1) });
export type WrittenRule = z.infer<typeof writtenRuleSchema>;

/** One entry of the list form of `policies`. */
export const writtenPolicySchema = z.strictObject({
  id: z.string().min(1),
  description: z.string().optional(),
  enabled: z.boolean().optional(),
  applies_to: z.array(endpointKind).min(1).optional(),
  targets: z.array(z.string().min(1)).min(1).optional(),
  rules: z.array(writtenRuleSchema).min(1),
});
export type WrittenPolicy = z.infer<typeof writtenPolicySchema>;

/**
 * One entry of `policies`, in either form: a policy, or the name of an audit sink or rule type
 * whose settings are under `policy.<name>`. Both forms taking both kinds of entry is what lets one
 * file hold the seed's list of policies and its audit chain.
 */
export const writtenPolicyEntrySchema = z.union([z.string().min(1), writtenPolicySchema], {
  error: 'expected a policy ({id, rules}) or the name of an audit sink or rule type, such as audit-logger',
});
export type WrittenPolicyEntry = z.infer<typeof writtenPolicyEntrySchema>;

const chainForm = z.strictObject({ chain: z.array(writtenPolicyEntrySchema).min(1) });

const targetRef = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)], {
  error: 'expected a target id or a list of target ids',
});

const metadataValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()).min(1)], {
  error: 'expected a string, or a list of strings any of which matches',
});

const matchRule = z.strictObject({
  match: z.strictObject({
    metadata: z.record(z.string(), metadataValue).optional(),
    endpoint: endpointKind.optional(),
    model: z.string().optional(),
  }),
  target: targetRef,
});
const defaultNested = z.strictObject({ default: z.strictObject({ target: targetRef }) });
const defaultFlag = z.strictObject({ default: z.literal(true), target: targetRef });

/** One routing rule: a metadata match, or the default in either of the seed's two forms. */
export const writtenRouteSchema = z.union([matchRule, defaultNested, defaultFlag], {
  error: 'expected a rule with `match` and `target`, or a default rule (`default: {target: ...}`)',
});
export type WrittenRoute = z.infer<typeof writtenRouteSchema>;

/** Per-key limits (#13): each is optional; an unwritten one does not limit. */
export const writtenLimitsSchema = z.strictObject({
  requests_per_minute: positiveInt.optional(),
  tokens_per_minute: positiveInt.optional(),
  concurrent_requests: positiveInt.optional(),
});
export type WrittenLimits = z.infer<typeof writtenLimitsSchema>;

/** One API key: its id and the SHA-256 of the key (`kt keys create` prints both). */
export const writtenKeySchema = z.strictObject({
  id: z.string().min(1),
  hash: z
    .string()
    .regex(/^sha256:[0-9a-f]{64}$/, 'expected "sha256:" and 64 hex digits, as `kt keys create` prints'),
  description: z.string().optional(),
  limits: writtenLimitsSchema.optional(),
});

/** One admin key, for the web console (#22): an id and its SHA-256, as `kt keys create` prints them. */
export const writtenAdminKeySchema = z.strictObject({
  id: z.string().min(1),
  hash: writtenKeySchema.shape.hash,
  description: z.string().optional(),
});

/** `server.limits`: where the per-key budgets live, and what a store outage does (#13). */
const writtenLimitStoreSchema = z.strictObject({
  store: z.enum(['memory', 'redis']).optional(),
  redis_url: z
    .url({ protocol: /^rediss?$/, error: 'expected a Redis URL such as redis://127.0.0.1:6379' })
    .optional(),
  key_prefix: z.string().min(1).optional(),
  on_store_error: z.enum(['fail_open', 'fail_closed']).optional(),
  store_timeout_ms: positiveInt.optional(),
});

const bodyLimit = z.union([
  positiveInt,
  z
    .string()
    .regex(/^\d+(\.\d+)?\s*(b|kb|kib|mb|mib)$/i, 'expected a size such as 1mb, 512kb or a number of bytes'),
]);

/** `server.listen`: HOST:PORT, the port in range, checked at load rather than when the gateway binds. */
const listenAddress = z.string().superRefine((value, ctx) => {
  const parsed = parseListenAddress(value);
  if ('error' in parsed) {
    ctx.addIssue({
      code: 'custom',
      message: parsed.error,
      ...(parsed.hint === undefined ? {} : { params: { hint: parsed.hint } }),
    });
  }
});

/** One configuration file as written. */
export const writtenConfigSchema = z.strictObject({
  pack: z
    .strictObject({
      name: z.string().min(1),
      version: z.union([z.string(), z.number()]).transform(String),
      enabled: z.boolean().optional(),
      description: z.string().optional(),
    })
    .optional(),
  providers: z.strictObject({ targets: z.array(writtenTargetSchema) }).optional(),
  policies: z
    .union([z.array(writtenPolicyEntrySchema), chainForm], {
      error: 'expected a list of policies ({id, rules}) or {chain: [...]}',
    })
    .optional(),
  policy: z.record(z.string(), z.unknown()).optional(),
  routing: z.strictObject({ rules: z.array(writtenRouteSchema) }).optional(),
  plugins: z.array(z.string().min(1)).optional(),
  auth: z
    .strictObject({
      keys: z.array(writtenKeySchema).optional(),
      allow_unauthenticated: z.boolean().optional(),
      default_limits: writtenLimitsSchema.optional(),
      admin_keys: z.array(writtenAdminKeySchema).optional(),
    })
    .optional(),
  server: z
    .strictObject({
      listen: listenAddress.optional(),
      /** Names this process among instances behind one balancer (#23); default KT_INSTANCE_ID, else host-pid. */
      instance_id: z
        .string()
        .regex(
          /^[A-Za-z0-9._:-]{1,128}$/,
          'expected 1 to 128 letters, digits, ".", "_", ":" or "-", such as gw-1',
        )
        .optional(),
      metrics_listen: listenAddress.optional(),
      limits: writtenLimitStoreSchema.optional(),
      body_limit: bodyLimit.optional(),
      request_timeout_seconds: positiveInt.optional(),
      headers_timeout_seconds: positiveInt.optional(),
      streaming: z.strictObject({ policy_mode: z.enum(['buffered', 'incremental']).optional() }).optional(),
      shutdown_grace_seconds: z.number().min(0).max(3600).optional(),
      console: z
        .strictObject({
          enabled: z.boolean().optional(),
          listen: listenAddress.optional(),
          show_content: z.boolean().optional(),
          session_minutes: positiveInt.max(24 * 60).optional(),
        })
        .optional(),
      allowed_hosts: z
        .array(
          z
            .string()
            .min(1)
            .regex(/^[A-Za-z0-9.:[\]-]+$/, 'expected a host name or address, such as gateway.internal'),
        )
        .optional(),
    })
    .optional(),
  telemetry: z
    .strictObject({
      otlp_endpoint: z
        .url({ protocol: /^https?$/, error: 'expected an http(s) URL such as http://127.0.0.1:4318' })
        .optional(),
      service_name: z.string().min(1).optional(),
      sample_ratio: z.number().min(0).max(1).optional(),
    })
    .optional(),
});
export type WrittenConfig = z.infer<typeof writtenConfigSchema>;

/** What the loader reads of a file with problems, to check the rest of it: see `salvageSchema`. */
export const salvagedConfigSchema: z.ZodType = salvageSchema(writtenConfigSchema);
