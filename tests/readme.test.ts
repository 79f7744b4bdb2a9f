import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

// Examples that no test runs drift: run the README's tutorial exactly as printed.
describe('README tutorial', () => {
  it('runs and reports the M/G/1 wait that Pollaczek-Khinchine predicts (1.0 h)', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toBeDefined();
    const file = path.join(root, '.readme-tutorial.tmp.ts');
    writeFileSync(file, code ?? '');
    try {
      const out = execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), file], { encoding: 'utf8' });
      // rho = 0.8, E[S^2] = 0.4^2 (1 + 0.5^2) = 0.2, Wq = lambda E[S^2] / (2 (1 - rho)) = 1.0 h.
      const wait = Number(/mean wait ([\d.]+) h/.exec(out)?.[1]);
      expect(wait).toBeGreaterThan(0.85);
      expect(wait).toBeLessThan(1.15);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
