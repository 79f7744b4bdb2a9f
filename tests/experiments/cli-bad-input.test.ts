/**
 * Bad input never runs and never leaves a results folder: a missing, broken or invalid experiment
 * file, a scenario whose model does not load, a metric pattern with a typo, and bad options all
 * exit with code 2 and a message naming the problem. Also: `npx tsx <experiment>` runs a file.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, root, tempRoot, TINY, tsx } from './cli-helpers.ts';

const api = pathToFileURL(path.join(root, 'src', 'experiments', 'index.ts')).href;

/** An experiment file in a temporary folder, importing the API by absolute URL. */
function experimentFile(dir: string, name: string, body: string): string {
  const file = path.join(dir, `${name}.ts`);
  writeFileSync(file, `import { defineExperiment } from '${api}';\n${body}\n`);
  return file;
}

const tiny = (extra: string): string =>
  `export default defineExperiment({ name: 'x', model: 'tests/corridor/fixtures/small-corridor.yaml', replications: 2, warmup: { days: 1 }, horizon: { days: 5 }, seed: 1, ${extra} });`;

describe.concurrent('bad input', () => {
  it('exits 2 with a clear message and leaves no results folder', async () => {
    const dir = tempRoot();
    // Outside the project, .ts files are ES modules only with a package.json saying so.
    writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
    const out = path.join(dir, 'results');
    const cases: { args: string[]; message: string | RegExp }[] = [
      { args: ['run', 'experiments/no-such-file.ts'], message: 'experiment file experiments/no-such-file.ts not found' },
      { args: ['run', 'tests/experiments/fixtures/bad-definition.ts'], message: /replications: got 0, expected an integer >= 1/ },
      { args: ['run', 'tests/experiments/fixtures/bad-definition.ts'], message: 'scenarios[1]: got unknown key "sett", expected one of: id, model, overlays, set, remove (did you mean "set"?)' },
      { args: ['run', experimentFile(dir, 'syntax', 'export default defineExperiment({ name: ')], message: /experiment file .*syntax\.ts does not load/ },
      { args: ['run', experimentFile(dir, 'nothing', 'export const answer = 42;')], message: 'exports no experiment; add `export default defineExperiment({ ... })`' },
      {
        args: ['run', experimentFile(dir, 'model', tiny("scenarios: [{ id: 'base' }, { id: 'typo', set: { 'legs.caspian.fleet.vesels': 3 } }]"))],
        message: /scenario "typo": model does not load .*legs\.caspian\.fleet\.vesels: got unknown key "vesels".*did you mean "vessels"/s,
      },
      { args: ['run', experimentFile(dir, 'metrics', tiny("scenarios: [{ id: 'base' }], metrics: ['route.*.transit_mean_h', 'stages.**']"))], message: 'metrics: "stages.**" matches no metric' },
      { args: ['run', TINY, '--workers', '0'], message: 'option --workers: got "0", expected an integer >= 1' },
      { args: ['run', TINY, '--resume', path.join(dir, 'nowhere')], message: 'is not a run folder (no run.json)' },
      { args: ['run', TINY, '--frobnicate'], message: "unknown option '--frobnicate'" },
    ];
    const results = await Promise.all(cases.map((c) => cli([...c.args, ...(c.args[0] === 'run' || c.args[0] === 'merge' ? ['--out', out] : [])])));
    results.forEach((result, i) => {
      const c = cases[i];
      expect(result.code, `${c?.args.join(' ')}\n${result.stderr}`).toBe(2);
      if (typeof c?.message === 'string') expect(result.stderr).toContain(c.message);
      else expect(result.stderr).toMatch(c?.message ?? /./);
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
    expect(existsSync(out)).toBe(false);
  });
});

describe.concurrent('npx tsx <experiment file>', () => {
  it('runs the experiment with the same options as corridor-sim run', async () => {
    const out = tempRoot();
    const result = await tsx([TINY, '--replications', '2', '--workers', '1', '--out', out, '--run-id', 'direct', '--no-progress']);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(path.join(out, 'tiny', 'direct', 'comparison.csv'))).toBe(true);
  });

  it('exits 2 with the message, not a stack trace, for a bad definition', async () => {
    const result = await tsx(['tests/experiments/fixtures/bad-definition.ts']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('corridor-sim: experiment "bad" does not validate (2 errors)');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
