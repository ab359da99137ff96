import type { Salvaged } from './salvage.js';
import type { GatewayConfig } from './types.js';
import type { WrittenConfig } from './written.js';

/** The telemetry settings before any file: traces off. */
export function defaultTelemetry(): GatewayConfig['telemetry'] {
  return { otlpEndpoint: undefined, serviceName: 'keeptrusts-gateway', sampleRatio: 1 };
}

/** Merges a file's `telemetry` into `telemetry`, each written key overriding an earlier file's (#13). */
export function addTelemetry(telemetry: GatewayConfig['telemetry'], written: Salvaged<WrittenConfig>): void {
  const t = written.telemetry;
  if (t?.otlp_endpoint !== undefined) telemetry.otlpEndpoint = t.otlp_endpoint;
  if (t?.service_name !== undefined) telemetry.serviceName = t.service_name;
  if (t?.sample_ratio !== undefined) telemetry.sampleRatio = t.sample_ratio;
}
