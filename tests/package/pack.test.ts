/**
 * The package as a user gets it: build, `npm pack`, install the tarball into an empty project,
 * then use it there with plain `node` (no tsx): a model written against
 * `import { Simulation, Resource, BatchTransport } from 'corridor-sim'`, the declarations under
 * tsc, `npx corridor-sim --version`, and an experiment file run by the installed CLI.
 *
 * No network: the temporary project gets a lockfile made from this repository's (the runtime
 * dependencies, with their registry URLs and integrity), so `npm ci --offline` takes every
 * tarball from the npm cache that `npm ci` filled here. Takes 40-70 s on 2 cores, mostly the
 * build's type check, so it runs with CORRIDOR_SIM_SLOW_TESTS=1 (npm test must stay under five
 * minutes); `npm run build` and tests/readme-library.test.ts cover the library in every run.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
/** A long check (a full build, pack and offline install: 40-70 s on 2 cores): CORRIDOR_SIM_SLOW_TESTS=1 runs it. */
const SLOW = process.env.CORRIDOR_SIM_SLOW_TESTS === '1';
const work = SLOW ? mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-pack-')) : '';
const project = path.join(work, 'project');

interface LockEntry {
  version?: string;
  resolved?: string;
  dev?: boolean;
  link?: boolean;
  [key: string]: unknown;
}

interface PackageJson {
  version: string;
  license?: string;
  dependencies?: Record<string, string>;
  bin?: Record<string, string>;
  engines?: Record<string, string>;
}

function run(command: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
}

/**
 * package.json and package-lock.json of a project that depends only on the tarball. The lock
 * lists this repository's runtime dependencies as they are installed here; each gets its
 * registry URL (this repository's lock omits them), without which npm would ask the registry.
 */
function writeProject(tarball: string): void {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson;
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const spec = `file:${path.relative(project, tarball)}`;
  const packages: Record<string, LockEntry> = {
    '': { name: 'project', version: '1.0.0', dependencies: { 'corridor-sim': spec } },
    'node_modules/corridor-sim': { version: pkg.version, resolved: spec, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines },
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === '' || !key.startsWith('node_modules/') || entry.dev === true || entry.link === true) continue;
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const file = `${name.split('/').pop() ?? name}-${entry.version ?? ''}.tgz`;
    packages[key] = { ...entry, resolved: entry.resolved ?? `https://registry.npmjs.org/${name}/-/${file}` };
  }
  writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'project', version: '1.0.0', private: true, type: 'module', dependencies: { 'corridor-sim': spec } }, null, 2)}\n`);
  writeFileSync(path.join(project, 'package-lock.json'), `${JSON.stringify({ name: 'project', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
}

// An M/M/1 queue (lambda 0.5, mu 1 per hour) whose customers then ride a 10-seat shuttle that
// leaves when full. Plain JavaScript, as a user without TypeScript would write it.
const MODEL = `
import { Simulation, Resource, BatchTransport, RandomStreams, exponential, Tally } from 'corridor-sim';

const sim = new Simulation();
const streams = new RandomStreams(7);
const server = new Resource(sim, 1, 'server');
const shuttle = new BatchTransport(sim, { name: 'shuttle', capacity: 10, policy: { kind: 'whenFull' }, travelTime: 2, random: streams });
const arrivals = exponential(0.5);
const service = exponential(1);
const waits = new Tally();
let delivered = 0;

function* customer() {
  const arrived = sim.now;
  const request = server.request();
  yield request;
  waits.add(sim.now - arrived);
  yield sim.timeout(service.sample(streams.stream('service')));
  server.release(request);
  yield shuttle.board(arrived);
  delivered += 1;
}

sim.process((function* () {
  for (let i = 0; i < 100000; i++) {
    yield sim.timeout(arrivals.sample(streams.stream('arrivals')));
    sim.process(customer(), 'customer');
  }
})(), 'source');
sim.run();
console.log(JSON.stringify({ wait: waits.mean, served: waits.count, delivered, departures: shuttle.departures }));
`;

// The declarations as a TypeScript user meets them.
const TYPED = `
import { Simulation, Resource, BatchTransport, defineExperiment, type ProcessGenerator, type BatchRecord } from 'corridor-sim';
const sim: Simulation = new Simulation();
const berth: Resource = new Resource(sim, 2, 'berth');
function* ship(): ProcessGenerator { const r = berth.request(); yield r; berth.release(r); }
sim.process(ship(), 'ship');
const record: BatchRecord<number> | undefined = undefined;
export { BatchTransport, defineExperiment, record };
`;

// An experiment file as a user of the installed package writes it, run by the installed CLI.
const EXPERIMENT = `
import { defineExperiment } from 'corridor-sim';
export default defineExperiment({
  name: 'packed',
  model: 'small-corridor.yaml',
  scenarios: [{ id: 'base' }, { id: 'two-cranes', set: { 'nodes.aktau.handling.servers': 2 } }],
  replications: 2,
  warmup: { days: 5 },
  horizon: { days: 20 },
  seed: 1,
});
`;

describe.runIf(SLOW)('the packed package', () => {
  beforeAll(() => {
    run(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/build.ts'], root);
    // prepack would build again; the build just ran, so skip the scripts.
    run('npm', ['pack', '--ignore-scripts', '--pack-destination', work], root);
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (tarball === undefined) throw new Error(`npm pack wrote no tarball into ${work}`);
    cpSync(path.join(root, 'tests', 'corridor', 'fixtures', 'small-corridor.yaml'), path.join(project, 'small-corridor.yaml'));
    writeProject(path.join(work, tarball));
    run('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], project);
  }, 240_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('runs a model written against the package with plain node', () => {
    writeFileSync(path.join(project, 'model.js'), MODEL);
    const result = JSON.parse(run(process.execPath, ['model.js'], project)) as { wait: number; served: number; delivered: number; departures: number };
    // M/M/1, rho = 0.5: Wq = rho / (mu - lambda) = 1 h.
    expect(result.served).toBe(100_000);
    expect(result.wait).toBeGreaterThan(0.9);
    expect(result.wait).toBeLessThan(1.1);
    expect(result.delivered).toBe(100_000);
    expect(result.departures).toBe(10_000);
  });

  it('ships declarations that type-check a TypeScript user file', () => {
    writeFileSync(path.join(project, 'typed.ts'), TYPED);
    const config = { compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['typed.ts'] };
    writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify(config));
    run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], project);
  });

  it('starts the built CLI with npx', () => {
    expect(run('npx', ['--no-install', 'corridor-sim', '--version'], project).trim()).toBe(
      (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson).version,
    );
  });

  it('runs an experiment file that imports the package', () => {
    writeFileSync(path.join(project, 'packed.ts'), EXPERIMENT);
    run('npx', ['--no-install', 'corridor-sim', 'run', 'packed.ts', '--run-id', 'r1', '--workers', '1', '--no-progress'], project);
    const summary = readdirSync(path.join(project, 'results', 'packed', 'r1'));
    expect(summary).toContain('manifest.json');
  });
});
