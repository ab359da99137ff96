import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { runKt } from '../src/test-support/run-kt.js';
import { checkNginxConf, deployedNginxConf } from './nginx.js';

// The files in deploy/ (#23), checked with what runs here: the real nginx for its configuration,
// the gateway's own loader for the configuration the manifests mount, and structural checks for
// the Kubernetes manifests and the Dockerfile (no cluster and no Docker daemon in CI).

const deploy = join(import.meta.dirname, '../../../deploy');
const root = join(deploy, '..');

type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
};

async function manifests(): Promise<Manifest[]> {
  const dir = join(deploy, 'kubernetes');
  const docs: Manifest[] = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort()) {
    for (const doc of parseAllDocuments(await readFile(join(dir, file), 'utf8'))) {
      expect(doc.errors, file).toEqual([]);
      docs.push(doc.toJS() as Manifest);
    }
  }
  return docs;
}

const only = (docs: Manifest[], kind: string) => {
  const found = docs.filter((d) => d.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0]!;
};

interface Container {
  name: string;
  args?: string[];
  ports: { name: string; containerPort: number }[];
  env: { name: string; valueFrom?: { fieldRef?: { fieldPath: string } } }[];
  readinessProbe: { httpGet: { path: string; port: string | number } };
  livenessProbe: { httpGet: { path: string; port: string | number } };
  lifecycle: { preStop: { exec: { command: string[] } } };
  resources: { requests: { cpu: string } };
  securityContext: { allowPrivilegeEscalation: boolean; readOnlyRootFilesystem: boolean };
  volumeMounts: { name: string; mountPath: string }[];
}

describe('deploy/nginx/nginx.conf', () => {
  it('passes nginx -t', async () => {
    const prefix = await mkdtemp(join(tmpdir(), 'kt-nginx-t-'));
    expect(await checkNginxConf(deployedNginxConf, prefix)).toContain('test is successful');
  });

  it('streams SSE unbuffered, keeps upstream connections alive, and never sends a POST twice', async () => {
    const conf = await readFile(deployedNginxConf, 'utf8');
    for (const line of [
      'proxy_buffering off;',
      'proxy_http_version 1.1;',
      'proxy_set_header Connection "";',
      'proxy_read_timeout 3600s;',
      'keepalive 64;',
      'proxy_next_upstream error timeout;',
    ]) {
      expect(conf).toContain(line);
    }
    expect(conf).not.toMatch(/proxy_next_upstream[^;]*non_idempotent/);
    // nginx must close idle upstream connections before the gateway's keep-alive timeout (5 s).
    const idle = /keepalive_timeout (\d+)s;/.exec(conf);
    expect(Number(idle?.[1])).toBeLessThan(5);
    expect(conf).toMatch(/server \S+ max_fails=\d+ fail_timeout=\d+s;/);
  });
});

describe('deploy/kubernetes', () => {
  it('parses, and every object names its API, kind and name', async () => {
    const docs = await manifests();
    expect(docs.map((d) => d.kind).sort()).toEqual([
      'ConfigMap',
      'Deployment',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'Service',
    ]);
    for (const doc of docs) {
      expect(doc.apiVersion, doc.kind).toMatch(/^(v1|apps\/v1|autoscaling\/v2|policy\/v1)$/);
      expect(doc.metadata.name, doc.kind).toBe('keeptrusts-gateway');
    }
  });

  it('runs pods that are ready on /readyz, drain after a preStop pause, and name their audit chain', async () => {
    const docs = await manifests();
    const deployment = only(docs, 'Deployment');
    const spec = deployment.spec as {
      selector: { matchLabels: Record<string, string> };
      template: {
        metadata: { labels: Record<string, string> };
        spec: {
          terminationGracePeriodSeconds: number;
          securityContext: { runAsNonRoot: boolean; runAsUser: number };
          containers: Container[];
          volumes: { name: string }[];
        };
      };
    };
    expect(spec.template.metadata.labels).toMatchObject(spec.selector.matchLabels);
    const pod = spec.template.spec;
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.runAsUser).not.toBe(0);
    const [gateway] = pod.containers;
    const port = gateway!.ports.find((p) => p.name === 'http')!;
    expect(port.containerPort).toBe(41002);
    expect(gateway!.args).toContain('0.0.0.0:41002');
    expect(gateway!.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(gateway!.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(gateway!.env.find((e) => e.name === 'KT_INSTANCE_ID')?.valueFrom?.fieldRef?.fieldPath).toBe(
      'metadata.name',
    );
    expect(gateway!.resources.requests.cpu).toBeDefined();
    expect(gateway!.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
    });
    // The grace period covers the preStop pause, the configured drain and the idle connections.
    const [, pause] = gateway!.lifecycle.preStop.exec.command;
    const config = only(docs, 'ConfigMap').data!['policy-config.yaml']!;
    const drain = Number(/shutdown_grace_seconds: (\d+)/.exec(config)?.[1]);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(Number(pause) + drain + 5);
    // The spool is writable (the root file system is not) and mounted where the config puts it.
    const spoolDir = /spool_dir: (\S+)/.exec(config)?.[1];
    expect(gateway!.volumeMounts.map((m) => m.mountPath)).toContain(spoolDir);
    for (const mount of gateway!.volumeMounts) expect(pod.volumes.map((v) => v.name)).toContain(mount.name);
  });

  it('points the Service, the autoscaler and the disruption budget at those pods', async () => {
    const docs = await manifests();
    const labels = (only(docs, 'Deployment').spec as { template: { metadata: { labels: object } } }).template
      .metadata.labels;
    const service = only(docs, 'Service').spec as { selector: object; ports: { targetPort: string }[] };
    expect(labels).toMatchObject(service.selector);
    expect(service.ports[0]?.targetPort).toBe('http');
    const hpa = only(docs, 'HorizontalPodAutoscaler').spec as {
      scaleTargetRef: { kind: string; name: string };
      minReplicas: number;
      metrics: { resource: { name: string } }[];
    };
    expect(hpa.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'keeptrusts-gateway' });
    expect(hpa.metrics.map((m) => m.resource.name)).toEqual(['cpu']);
    expect(hpa.minReplicas).toBeGreaterThanOrEqual(2);
    const pdb = only(docs, 'PodDisruptionBudget').spec as { selector: { matchLabels: object } };
    expect(labels).toMatchObject(pdb.selector.matchLabels);
  });

  it('mounts a configuration that kt config validate accepts', async () => {
    const docs = await manifests();
    const dir = await mkdtemp(join(tmpdir(), 'kt-deploy-'));
    await writeFile(join(dir, 'policy-config.yaml'), only(docs, 'ConfigMap').data!['policy-config.yaml']!);
    const { code, stdout, stderr } = await runKt(['config', 'validate', 'policy-config.yaml'], {
      cwd: dir,
      env: {
        KT_AUDIT_DATABASE_URL: 'postgres://gateway@db.internal:5432/audit',
        REDIS_URL: 'redis://redis:6379',
      },
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('policy-config.yaml');
  });
});

describe('deploy/Dockerfile', () => {
  // Instructions with their arguments, continuation lines joined, comments dropped.
  async function instructions(): Promise<{ op: string; args: string }[]> {
    const text = (await readFile(join(deploy, 'Dockerfile'), 'utf8')).replace(/\\\n/g, ' ');
    return text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((l) => {
        const [op, ...rest] = l.split(/\s+/);
        return { op: op!.toUpperCase(), args: rest.join(' ') };
      });
  }

  it('builds in one stage and runs the production install as a user other than root in another', async () => {
    const all = await instructions();
    const froms = all.flatMap((ins, i) => (ins.op === 'FROM' ? [i] : []));
    expect(froms.length).toBeGreaterThanOrEqual(2);
    const build = all.slice(froms[0]!, froms[1]!);
    const runtime = all.slice(froms.at(-1)!);
    expect(build[0]!.args).toMatch(/ AS build$/);
    const buildRun = build
      .filter((i) => i.op === 'RUN')
      .map((i) => i.args)
      .join(' ');
    expect(buildRun).toContain('install --frozen-lockfile');
    // Only the gateway's production dependencies reach the final image.
    expect(buildRun).toMatch(/--filter=@keeptrusts\/gateway deploy --prod/);
    expect(runtime.some((i) => i.op === 'COPY' && i.args.includes('--from=build'))).toBe(true);
    expect(
      runtime
        .filter((i) => i.op === 'RUN')
        .map((i) => i.args)
        .join(' '),
    ).not.toMatch(/install/);
    const users = runtime.filter((i) => i.op === 'USER').map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    expect(runtime.find((i) => i.op === 'EXPOSE')?.args).toBe('41002');
    expect(runtime.find((i) => i.op === 'ENTRYPOINT')?.args).toContain('bin/kt.js');
  });

  it('uses the Node major and the pnpm version the repository pins', async () => {
    const all = await instructions();
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { packageManager: string };
    const pnpmVersion = pkg.packageManager.replace('pnpm@', '');
    expect(all.find((i) => i.op === 'ENV' && i.args.includes('PNPM_VERSION'))?.args).toContain(
      `PNPM_VERSION=${pnpmVersion}`,
    );
    for (const from of all.filter((i) => i.op === 'FROM')) expect(from.args).toMatch(/^node:2[2-9]-/);
    const ignore = await readFile(join(deploy, 'Dockerfile.dockerignore'), 'utf8');
    expect(ignore).toContain('**/node_modules');
  });
});
