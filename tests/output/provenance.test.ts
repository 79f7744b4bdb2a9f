import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitCommit, provenance } from '../../src/output/provenance.ts';

const HASH = 'a'.repeat(40);
const checkout = (): string => mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-git-'));

describe('provenance', () => {
  it('names the tool, its version and Node', () => {
    const p = provenance();
    expect(p.tool).toBe('corridor-sim');
    expect(p.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(p.node).toBe(process.version);
  });

  it('reads the commit from a loose ref, packed-refs or a detached HEAD, without git', () => {
    const loose = checkout();
    mkdirSync(path.join(loose, '.git', 'refs', 'heads'), { recursive: true });
    writeFileSync(path.join(loose, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(path.join(loose, '.git', 'refs', 'heads', 'main'), `${HASH}\n`);
    expect(gitCommit(loose)).toBe(HASH);

    const packed = checkout();
    mkdirSync(path.join(packed, '.git'));
    writeFileSync(path.join(packed, '.git', 'HEAD'), 'ref: refs/heads/dev\n');
    writeFileSync(path.join(packed, '.git', 'packed-refs'), `# pack-refs with: peeled\n${'b'.repeat(40)} refs/heads/main\n${HASH} refs/heads/dev\n`);
    expect(gitCommit(packed)).toBe(HASH);

    const detached = checkout();
    mkdirSync(path.join(detached, '.git'));
    writeFileSync(path.join(detached, '.git', 'HEAD'), `${HASH}\n`);
    expect(gitCommit(detached)).toBe(HASH);
  });

  it('gives null outside a checkout', () => {
    expect(gitCommit(checkout())).toBeNull();
  });
});
