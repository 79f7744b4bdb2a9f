/**
 * Where a result came from: the tool's version, the git commit of the checkout (read from the
 * `.git` folder directly, so no git executable is needed), and the Node version. Written into
 * every manifest, with the lockfile's digest and whether the working tree was dirty (the one
 * call that spawns git).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../build/bundle.ts';

/** The tool that wrote a file. */
export interface Provenance {
  /** `corridor-sim`. */
  readonly tool: string;
  /** package.json version, e.g. `0.1.0`. */
  readonly version: string;
  /** 40-hex commit of the checkout, or null outside a git checkout. */
  readonly gitCommit: string | null;
  /** `process.version`, e.g. `v20.20.2`. */
  readonly node: string;
  /** `<platform>-<arch>`, e.g. `linux-x64`. */
  readonly platform: string;
}

/** The provenance of this process. */
export function provenance(): Provenance {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { name?: string; version?: string };
  return {
    tool: pkg.name ?? 'corridor-sim',
    version: pkg.version ?? 'unknown',
    gitCommit: gitCommit(projectRoot),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** The commit HEAD points at in the checkout at `root`, or null if it cannot be read. */
export function gitCommit(root: string): string | null {
  try {
    let gitDir = path.join(root, '.git');
    if (!existsSync(gitDir)) return null;
    // A worktree or submodule has a `.git` file: "gitdir: <path>".
    if (statSync(gitDir).isFile()) {
      const target = /^gitdir:\s*(.+)$/m.exec(readFileSync(gitDir, 'utf8'))?.[1]?.trim();
      if (target === undefined) return null;
      gitDir = path.resolve(root, target);
    }
    const head = readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    const ref = /^ref:\s*(.+)$/.exec(head)?.[1];
    if (ref === undefined) return isCommit(head) ? head : null;
    return resolveRef(gitDir, ref) ?? resolveRef(commonDir(gitDir), ref);
  } catch {
    return null;
  }
}

function isCommit(text: string): boolean {
  return /^[0-9a-f]{40}$/.test(text);
}

/** A worktree's shared folder (its refs live there). */
function commonDir(gitDir: string): string {
  const file = path.join(gitDir, 'commondir');
  return existsSync(file) ? path.resolve(gitDir, readFileSync(file, 'utf8').trim()) : gitDir;
}

/** A ref from its loose file or from packed-refs. */
function resolveRef(gitDir: string, ref: string): string | null {
  const loose = path.join(gitDir, ref);
  if (existsSync(loose)) {
    const value = readFileSync(loose, 'utf8').trim();
    return isCommit(value) ? value : null;
  }
  const packed = path.join(gitDir, 'packed-refs');
  if (!existsSync(packed)) return null;
  for (const line of readFileSync(packed, 'utf8').split('\n')) {
    const [hash, name] = line.trim().split(' ');
    if (name === ref && hash !== undefined && isCommit(hash)) return hash;
  }
  return null;
}

/**
 * SHA-256 (hex) of the checkout's package-lock.json, or null without one: one digest that pins
 * every dependency version, so two manifests tell at a glance whether the libraries were the same.
 */
export function lockfileSha256(root: string = projectRoot): string | null {
  try {
    return createHash('sha256').update(readFileSync(path.join(root, 'package-lock.json'))).digest('hex');
  } catch {
    return null;
  }
}

/**
 * Whether the checkout at `root` had uncommitted changes (`git status --porcelain` printed
 * anything): a commit alone does not say what ran if files were edited. Null when git is missing
 * or `root` is not a checkout. Spawns git once (a manifest is written once per run).
 */
export function workingTreeDirty(root: string = projectRoot): boolean | null {
  if (!existsSync(path.join(root, '.git'))) return null;
  try {
    const result = spawnSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] });
    if (result.error !== undefined || result.status !== 0) return null;
    return result.stdout.trim() !== '';
  } catch {
    return null;
  }
}
