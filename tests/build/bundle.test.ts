import { existsSync, mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshBundle, KEEP_REPLACED_BUNDLE_MS, pruneBundles, saveBundle } from '../../src/build/bundle.ts';

const HOUR = 3600 * 1000;

/** A file in `dir` last written `ageMs` before `now`. */
function fileAged(dir: string, file: string, ageMs: number, now: number): string {
  const full = path.join(dir, file);
  writeFileSync(full, '// old bundle\n');
  const seconds = (now - ageMs) / 1000;
  utimesSync(full, seconds, seconds);
  return full;
}

describe('pruneBundles', () => {
  it('deletes replaced bundles of the same name older than a day, and nothing else', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-bundles-'));
    const now = Date.now();
    const keep = fileAged(dir, 'src__experiments__worker-00000000000000aa.mjs', 3 * 24 * HOUR, now);
    const old = fileAged(dir, 'src__experiments__worker-0123456789abcdef.mjs', KEEP_REPLACED_BUNDLE_MS + HOUR, now);
    const recent = fileAged(dir, 'src__experiments__worker-fedcba9876543210.mjs', KEEP_REPLACED_BUNDLE_MS - HOUR, now);
    // Another entry whose name starts the same, a stamp, and a file that only looks like a bundle.
    const other = fileAged(dir, 'src__experiments__worker-extra-0123456789abcdef.mjs', 3 * 24 * HOUR, now);
    const stamp = fileAged(dir, 'src__experiments__worker.stamp.json', 3 * 24 * HOUR, now);
    const notHex = fileAged(dir, 'src__experiments__worker-0123456789abcdeg.mjs', 3 * 24 * HOUR, now);
    pruneBundles(dir, 'src__experiments__worker', keep, now);
    expect(existsSync(old)).toBe(false);
    for (const kept of [keep, recent, other, stamp, notHex]) expect(existsSync(kept), kept).toBe(true);
  });

  it('treats the name literally (dots and brackets are not patterns)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-bundles-'));
    const now = Date.now();
    const lookalike = fileAged(dir, 'exec__aXb-0123456789abcdef.mjs', 3 * 24 * HOUR, now);
    const own = fileAged(dir, 'exec__a.b-0123456789abcdef.mjs', 3 * 24 * HOUR, now);
    pruneBundles(dir, 'exec__a.b', path.join(dir, 'none.mjs'), now);
    expect(existsSync(own)).toBe(false);
    expect(existsSync(lookalike)).toBe(true);
  });
});

describe('saveBundle', () => {
  it('writes the bundle under its content hash and its stamp, and prunes a day-old predecessor', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-bundles-'));
    const old = fileAged(dir, 'entry-0123456789abcdef.mjs', KEEP_REPLACED_BUNDLE_MS + HOUR, Date.now());
    const stamp = path.join(dir, 'entry.stamp.json');
    const bundle = saveBundle(dir, 'entry', new TextEncoder().encode('export const x = 1;\n'), [], stamp);
    expect(path.basename(bundle)).toMatch(/^entry-[0-9a-f]{16}\.mjs$/);
    expect(existsSync(bundle)).toBe(true);
    expect(existsSync(stamp)).toBe(true);
    expect(existsSync(old)).toBe(false);
  });
});

describe('freshBundle', () => {
  it('marks the bundle it returns as just taken, so pruning spares a bundle in use', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'corridor-sim-bundles-'));
    const stamp = path.join(dir, 'entry.stamp.json');
    const bundle = saveBundle(dir, 'entry', new TextEncoder().encode('export const y = 2;\n'), [], stamp);
    const longAgo = (Date.now() - 3 * KEEP_REPLACED_BUNDLE_MS) / 1000;
    utimesSync(bundle, longAgo, longAgo);
    expect(freshBundle(stamp)).toBe(bundle);
    expect(Date.now() - statSync(bundle).mtimeMs).toBeLessThan(KEEP_REPLACED_BUNDLE_MS);
    pruneBundles(dir, 'entry', path.join(dir, 'entry-ffffffffffffffff.mjs'));
    expect(existsSync(bundle)).toBe(true);
  });
});
