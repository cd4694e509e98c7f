/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, e.g. from `npm run bench:api -- --profile tmp/prof`):
 * the top functions by self time and by inclusive time (each sample counted once per function on its
 * stack), and self time per package (node_modules/<name>, our own code by lib, node internals).
 *
 *   node -r ./scripts/register.js scripts/bench/cpu-profile-summary.ts tmp/prof/CPU.….cpuprofile [top]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** node_modules/<package>, libs/<lib>, apps/<app>, or what V8 calls it ("(garbage collector)", node:…). */
function packageOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
  }
  const ours = /\/(libs|apps|scripts)\/([^/]+)\//.exec(url);
  if (ours) return `${ours[1]}/${ours[2]}`;
  return url.startsWith('node:') ? 'node internals' : url;
}

function main(): void {
  const [file, topArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: cpu-profile-summary.ts <file.cpuprofile> [top]');
  const top = Number(topArg ?? 25);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode): string => {
    const f = n.callFrame;
    const where = f.url
      ? `${f.url.replace(/^file:\/\//, '').replace(/^.*?\/(node_modules|libs|apps|scripts)\//, '$1/')}:${f.lineNumber + 1}`
      : '';
    return `${f.functionName || '(anonymous)'} ${where}`.trim();
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const packages = new Map<string, number>();
  let total = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    // Start-up (loading and compiling modules, before the server listens) is not what a request costs.
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      if (byId.get(cur)?.callFrame.url === 'node:internal/main/run_main_module') return;
    }
    total += dt;
    if (node.callFrame.functionName === '(idle)') {
      idle += dt;
      return;
    }
    self.set(key(node), (self.get(key(node)) ?? 0) + dt);
    const pkg = packageOf(node.callFrame.url, node.callFrame.functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (!n) break;
      const k = key(n);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    }
  });
  const busy = total - idle;
  const pct = (us: number): string => `${((us / busy) * 100).toFixed(1)} %`;
  const list = (title: string, m: Map<string, number>, n: number): void => {
    console.log(`\n${title}`);
    for (const [k, v] of [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`  ${pct(v).padStart(7)}  ${k}`);
  };
  console.log(
    `${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (${((busy / total) * 100).toFixed(0)} %); percentages are of busy time`,
  );
  list('self time by package', packages, top);
  list('self time by function', self, top);
  list('inclusive time by function', inclusive, top);
  const ours = new Map(
    [...inclusive].filter(([k]) => /(libs|apps)\/|@nestjs|graphql\/execution|typeorm\/(query-builder|entity-manager)|dataloader/.test(k)),
  );
  list('inclusive time of our code, Nest, graphql-js execution, TypeORM query building, DataLoader', ours, top);
}

main();
