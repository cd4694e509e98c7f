/**
 * The deployment files (issue 15, findings 8 and 11): every kustomize overlay is rendered by
 * `kubectl kustomize` (KUBECTL from infra/scripts/ensure-services.sh --with-kubectl), every object is
 * validated against the Kubernetes schemas (scripts/validate-k8s.mjs, kubernetes-models), and the
 * properties that make it production-worthy are asserted on what would be applied. The compose file
 * is held to the same rules: the built image's own commands, secrets only from the env file, the
 * owner's credentials in the migrations step alone.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { IMAGE_COMMANDS, ROOT } from './deploy-files';

const KUBECTL = process.env['KUBECTL'] || 'kubectl';
const OVERLAYS_DIR = path.join(ROOT, 'infra/k8s/overlays');
/**
 * What a draining worker may need on SIGTERM: running jobs finish first (a 10 MB pupil import ≈ 100 s,
 * a matching run bounded by its maxWork), and docs/operations.md ("Stopping a worker") asks ≥ 180 s.
 */
const WORKER_DRAIN_SECONDS = 180;
/** Variables that carry credentials or keys: only ever from a Secret (Kubernetes) or the env file (compose). */
const SECRET_VARS =
  /^(DATABASE_URL|DATABASE_OWNER_URL|DATABASE_SUPERUSER_URL|REDIS_URL|SMTP_URL|ACCESS_TOKEN_KEYS|LINK_KEYS|.*PASSWORD.*|.*SECRET.*)$/;

/* eslint-disable @typescript-eslint/no-explicit-any -- rendered YAML is untyped; the schema check above types it */
type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: any;
  data?: Record<string, string>;
};
type Container = {
  name: string;
  image: string;
  command?: string[];
  env?: any[];
  envFrom?: any[];
  ports?: any[];
  startupProbe?: any;
  livenessProbe?: any;
  readinessProbe?: any;
  lifecycle?: any;
  resources?: any;
  securityContext?: any;
  volumeMounts?: any[];
};

function render(overlay: string): { text: string; objects: K8sObject[] } {
  const text = execFileSync(KUBECTL, ['kustomize', path.join(OVERLAYS_DIR, overlay)], { encoding: 'utf8' });
  return {
    text,
    objects: parseAllDocuments(text)
      .map((d) => d.toJS() as K8sObject)
      .filter(Boolean),
  };
}

function validate(yamlText: string): Array<{ kind: string; name: string; errors: string[] }> {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/validate-k8s.mjs'), '--json'], {
    cwd: ROOT,
    input: yamlText,
    encoding: 'utf8',
  });
  return JSON.parse(run.stdout) as Array<{ kind: string; name: string; errors: string[] }>;
}

const matches = (selector: Record<string, string> | undefined, labels: Record<string, string> = {}) =>
  !!selector && Object.entries(selector).every(([k, v]) => labels[k] === v);

const overlays = readdirSync(OVERLAYS_DIR).sort();

it('has the two overlays, and the validator refuses what the schemas refuse', () => {
  expect(overlays).toEqual(['development', 'production']);
  const broken =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec: { replicas: two }\n---\napiVersion: example.org/v1\nkind: Unknown\nmetadata: { name: y }\n';
  const results = validate(broken);
  expect(results.map((r) => r.errors.length > 0)).toEqual([true, true]);
  expect(results[0]?.errors.join()).toMatch(/replicas must be integer/);
});

describe.each(overlays)('overlay %s', (overlay) => {
  const { text, objects } = render(overlay);
  const find = (kind: string, name: string) => {
    const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
    if (!found) throw new Error(`${overlay}: no ${kind} ${name}`);
    return found;
  };
  const workloads = objects.filter((o) => ['Deployment', 'Job'].includes(o.kind));
  const podSpec = (o: K8sObject) => o.spec.template.spec;
  const containerOf = (o: K8sObject): Container => podSpec(o).containers[0];
  const api = find('Deployment', 'tandem-api');
  const worker = find('Deployment', 'tandem-worker');
  const migrate = find('Job', 'tandem-migrate');

  it('renders objects that all validate against the Kubernetes schemas', () => {
    const results = validate(text);
    expect(results).toHaveLength(objects.length);
    expect(results.filter((r) => r.errors.length)).toEqual([]);
  });

  it('runs the image’s own commands, pinned to a release (never latest)', () => {
    expect(containerOf(api).command).toEqual(IMAGE_COMMANDS.api);
    expect(containerOf(worker).command).toEqual(IMAGE_COMMANDS.worker);
    expect(containerOf(migrate).command).toEqual(IMAGE_COMMANDS.migrate);
    for (const o of workloads) {
      for (const c of podSpec(o).containers as Container[]) {
        const [, , tag, digest] = /^([^@]+?)(?::([\w][\w.-]{0,127}))?(@sha256:[a-f0-9]{64})?$/.exec(c.image) ?? [];
        expect({ image: c.image, pinned: !!(tag || digest), latest: tag === 'latest' }).toEqual({
          image: c.image,
          pinned: true,
          latest: false,
        });
      }
    }
  });

  it('API: at least 2 replicas, startup, liveness (process) and readiness probes, preStop, resources, topology spread, PDB and HPA', () => {
    expect(api.spec.replicas).toBeGreaterThanOrEqual(2);
    const c = containerOf(api);
    expect(c.startupProbe?.httpGet?.path).toBe('/health/live');
    expect(c.livenessProbe?.httpGet?.path).toBe('/health/live');
    expect(c.readinessProbe?.httpGet?.path).toBe('/health/ready');
    expect(c.startupProbe.periodSeconds * c.startupProbe.failureThreshold).toBeGreaterThanOrEqual(120); // waits for the schema
    const preStop = c.lifecycle?.preStop?.exec?.command as string[] | undefined;
    expect(preStop?.[0]).toBe('sleep');
    expect(Number(preStop?.[1])).toBeLessThan(podSpec(api).terminationGracePeriodSeconds);
    expect(c.resources?.requests?.cpu).toBeDefined();
    expect(c.resources?.requests?.memory).toBeDefined();
    expect(c.resources?.limits?.memory).toBeDefined();
    const spread = podSpec(api).topologySpreadConstraints as any[];
    expect(spread.map((s) => s.topologyKey)).toEqual(expect.arrayContaining(['kubernetes.io/hostname', 'topology.kubernetes.io/zone']));
    for (const s of spread) expect(matches(s.labelSelector.matchLabels, api.spec.template.metadata.labels)).toBe(true);

    const pdb = find('PodDisruptionBudget', 'tandem-api');
    expect(matches(pdb.spec.selector.matchLabels, api.spec.template.metadata.labels)).toBe(true);
    expect(pdb.spec.minAvailable).toBeLessThan(api.spec.replicas); // a node can still be drained
    const hpa = find('HorizontalPodAutoscaler', 'tandem-api');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'tandem-api' });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    expect(hpa.spec.minReplicas).toBeLessThanOrEqual(api.spec.replicas);
  });

  it('worker: probes on its own health port, a PDB, and a grace period longer than its longest checkpoint', () => {
    const c = containerOf(worker);
    const port = (c.ports ?? []).find((p) => p.name === 'health');
    expect(port?.containerPort).toBe(3100);
    expect((c.env ?? []).find((e) => e.name === 'WORKER_HTTP_PORT')?.value).toBe(String(port?.containerPort));
    for (const probe of [c.startupProbe, c.livenessProbe, c.readinessProbe]) expect(probe?.httpGet?.port).toBe('health');
    expect(c.livenessProbe.httpGet.path).toBe('/health/live');
    expect(c.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(podSpec(worker).terminationGracePeriodSeconds).toBeGreaterThanOrEqual(WORKER_DRAIN_SECONDS);
    const pdb = find('PodDisruptionBudget', 'tandem-worker');
    expect(matches(pdb.spec.selector.matchLabels, worker.spec.template.metadata.labels)).toBe(true);
  });

  it('every pod: non-root, read-only root filesystem with a /tmp volume, no privilege, ALL capabilities dropped, no service account token', () => {
    for (const o of workloads) {
      const spec = podSpec(o);
      expect({
        name: o.metadata.name,
        runAsNonRoot: spec.securityContext?.runAsNonRoot,
        automount: spec.automountServiceAccountToken,
      }).toEqual({ name: o.metadata.name, runAsNonRoot: true, automount: false });
      expect(spec.securityContext.runAsUser).toBeGreaterThan(0);
      const sa = find('ServiceAccount', spec.serviceAccountName);
      expect((sa as any).automountServiceAccountToken).toBe(false);
      for (const c of spec.containers as Container[]) {
        expect({ container: c.name, ...c.securityContext }).toMatchObject({
          container: c.name,
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        });
        const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === '/tmp');
        expect(spec.volumes.find((v: any) => v.name === tmp?.name)?.emptyDir).toBeDefined();
      }
    }
  });

  it('owner (BYPASSRLS) credentials exist only in the migrations Job; secrets are references, never values', () => {
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    const refs = (o: K8sObject) =>
      (podSpec(o).containers as Container[]).flatMap((c) => [
        ...(c.env ?? []).map((e) => ({
          name: e.name as string,
          secret: e.valueFrom?.secretKeyRef?.name as string | undefined,
          value: e.value as string | undefined,
        })),
        ...(c.envFrom ?? []).map((e) => ({ name: '*', secret: e.secretRef?.name as string | undefined, value: undefined })),
      ]);
    for (const o of workloads) {
      for (const r of refs(o)) {
        if (SECRET_VARS.test(r.name))
          expect({ workload: o.metadata.name, variable: r.name, fromSecret: !!r.secret, value: r.value }).toEqual({
            workload: o.metadata.name,
            variable: r.name,
            fromSecret: true,
            value: undefined,
          });
      }
    }
    const owner = workloads.filter((o) => refs(o).some((r) => r.name === 'DATABASE_OWNER_URL' || r.secret === 'tandem-migrate'));
    expect(owner.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Job/tandem-migrate']);
    expect(refs(migrate).map((r) => r.name)).toEqual(['DATABASE_OWNER_URL']); // and nothing else of the app's
    for (const o of [api, worker])
      expect(
        refs(o)
          .filter((r) => r.secret)
          .map((r) => r.secret),
      ).toEqual(expect.arrayContaining(['tandem-app']));
    for (const o of objects.filter((x) => x.kind === 'ConfigMap')) {
      for (const [k, v] of Object.entries(o.data ?? {})) {
        expect({ key: k, secretName: SECRET_VARS.test(k), password: /:\/\/[^/\s:@]*:[^@\s]+@/.test(v) }).toEqual({
          key: k,
          secretName: false,
          password: false,
        });
      }
    }
    expect(text).not.toMatch(/JWT_SECRET|DATABASE_OWNER_URL:|stringData|tandem_owner/);
  });

  it('network policies deny by default and allow each pod only its own traffic', () => {
    const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
    const denyAll = policies.find((p) => Object.keys(p.spec.podSelector).length === 0 && !p.spec.ingress && !p.spec.egress);
    expect(denyAll?.spec.policyTypes).toEqual(expect.arrayContaining(['Ingress', 'Egress']));
    for (const o of workloads) {
      const labels = o.spec.template.metadata.labels;
      const own = policies.filter(
        (p) =>
          p !== denyAll &&
          matches(p.spec.podSelector.matchLabels, labels) &&
          p.spec.podSelector.matchLabels?.['app.kubernetes.io/component'],
      );
      expect({ workload: o.metadata.name, policies: own.length }).toEqual({ workload: o.metadata.name, policies: 1 });
    }
    // The public port from the ingress controller only; /metrics (its own port, not in the Service) from monitoring only.
    const apiPolicy = policies.find((p) => p.metadata.name === 'tandem-api');
    const apiPorts = Object.fromEntries((containerOf(api).ports ?? []).map((p) => [p.name, p.containerPort]));
    const from = (i: any) => i.from.map((f: any) => f.namespaceSelector.matchLabels['kubernetes.io/metadata.name']).join();
    expect(apiPolicy?.spec.ingress.map((i: any) => [from(i), i.ports.map((p: any) => p.port)])).toEqual([
      ['ingress-nginx', [apiPorts['http']]],
      ['monitoring', [apiPorts['metrics']]],
    ]);
    expect((containerOf(api).env ?? []).find((e) => e.name === 'METRICS_PORT')?.value).toBe(String(apiPorts['metrics']));
    expect(find('Service', 'tandem-api').spec.ports.map((p: any) => p.targetPort)).toEqual(['http']);
    const migratePolicy = policies.find((p) => p.metadata.name === 'tandem-migrate');
    expect(migratePolicy?.spec.egress.flatMap((e: any) => e.ports.map((p: any) => p.port))).toEqual([5432]);
  });

  it('an Ingress with TLS for every host, to the API’s Service; the app’s addresses are those hosts over https', () => {
    const ingress = find('Ingress', 'tandem');
    const hosts = ingress.spec.rules.map((r: any) => r.host);
    expect(ingress.spec.tls.flatMap((t: any) => t.hosts)).toEqual(expect.arrayContaining(hosts));
    expect(ingress.spec.tls.every((t: any) => t.secretName)).toBe(true);
    const backend = ingress.spec.rules[0].http.paths[0].backend.service;
    const service = find('Service', backend.name);
    expect(service.spec.ports.map((p: any) => p.name)).toContain(backend.port.name);
    expect(matches(service.spec.selector, api.spec.template.metadata.labels)).toBe(true);
    const config = find('ConfigMap', 'tandem-config').data ?? {};
    for (const key of ['PUBLIC_APP_URL', 'PUBLIC_API_URL']) expect(hosts).toContain(new URL(config[key] ?? '').host);
    for (const key of ['PUBLIC_APP_URL', 'PUBLIC_API_URL']) expect(config[key]).toMatch(/^https:\/\//);
  });
});

describe('infra/docker-compose.yml', () => {
  const text = readFileSync(path.join(ROOT, 'infra/docker-compose.yml'), 'utf8');
  const compose = parse(text, { merge: true }) as { services: Record<string, any> };
  const example = readFileSync(path.join(ROOT, 'infra/.env.example'), 'utf8');

  it('runs the built image’s own commands: no dev server, no TypeScript loader', () => {
    const { api, worker, migrate } = compose.services;
    expect(api.command).toEqual(IMAGE_COMMANDS.api);
    expect(Number.parseInt(worker.stop_grace_period, 10)).toBeGreaterThanOrEqual(WORKER_DRAIN_SECONDS);
    expect(worker.command).toEqual(IMAGE_COMMANDS.worker);
    expect(migrate.command).toEqual([...IMAGE_COMMANDS.migrate, '--bootstrap']);
    for (const s of [api, worker, migrate]) {
      expect(s.build).toEqual({ context: '..', dockerfile: 'infra/docker/Dockerfile' });
      expect(s.image).not.toMatch(/:latest\b/);
      expect({ read_only: s.read_only, user: s.user, cap_drop: s.cap_drop }).toEqual({
        read_only: true,
        user: '1000:1000',
        cap_drop: ['ALL'],
      });
    }
    for (const [name, s] of Object.entries(compose.services)) {
      expect({ service: name, dev: /vite|register\.js|ts-node|\.tsx?\b|npm run/.test(JSON.stringify(s.command ?? '')) }).toEqual({
        service: name,
        dev: false,
      });
    }
  });

  it('takes every secret from the env file (not committed), the owner’s and superuser’s in the migrations step only', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [key, value] of Object.entries((service.environment ?? {}) as Record<string, string>)) {
        const secret = SECRET_VARS.test(key) || /:\/\/[^/\s:@]*:[^@\s]+@/.test(value);
        if (secret)
          expect({ service: name, key, fromEnvFile: /\$\{[A-Z_]+:\?/.test(value) }).toEqual({ service: name, key, fromEnvFile: true });
        if (/OWNER|SUPERUSER/.test(key)) expect({ key, service: name }).toEqual({ key, service: 'migrate' });
      }
    }
    // The old single JWT secret is gone everywhere (the key rings replaced it): nothing may still set it.
    const stale = spawnSync('git', ['grep', '-l', 'JWT_SECRET', '--', '.', ':!test/integration/deploy-manifests.int-spec.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(stale.stdout.split('\n').filter(Boolean)).toEqual([]);
    expect(text).toMatch(/ACCESS_TOKEN_KEYS: \$\{ACCESS_TOKEN_KEYS:\?/);
    expect(text).toMatch(/LINK_KEYS: \$\{LINK_KEYS:\?/);
    // Every variable the file needs is in the example, whose secrets are placeholders production refuses.
    const used = new Set([...text.matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1] as string));
    const listed = new Set([...example.matchAll(/^#?\s*([A-Z_]+)=/gm)].map((m) => m[1] as string));
    expect([...used].filter((v) => !listed.has(v))).toEqual([]);
    for (const line of example.split('\n').filter((l) => /^[A-Z_]*(PASSWORD|KEYS)=/.test(l))) expect(line).toMatch(/CHANGE_ME$/);
    const ignored = spawnSync('git', ['check-ignore', '-q', 'infra/.env'], { cwd: ROOT });
    expect(ignored.status).toBe(0);
  });
});
