/**
 * Writing a file atomically: the bytes go to a temporary file in the same folder, are flushed to
 * disk, and the temporary file is renamed over the target. A reader (or a run resumed after a
 * crash or `kill -9`) therefore sees either the old file or the complete new one, never half of
 * it. Rename is atomic only within one file system, hence the same folder.
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { BlockFile } from './block-file.ts';

/** Temporary files end with this suffix; `removeStaleTemporaries` cleans up after a crash. */
const TEMP_SUFFIX = '.partial';

let counter = 0;

/** Write `data` to `file` atomically (temporary file, fsync, rename, fsync of the folder). */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  replaceAtomically(file, (temp) => {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const fd = openSync(temp, 'w');
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  });
}

/** What `writeTextAtomic` wrote: the file's SHA-256 (hex) and its size in bytes. */
export interface WrittenDigest {
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * Write `pieces` (lines, say), in order and as UTF-8, to `file` atomically as `writeFileAtomic`
 * does, through a `BlockFile` (each piece encoded at once into a 64 KiB block), hashing the bytes
 * on the way. For files too large to hold as one string: a string cannot exceed 2^29 - 24
 * characters (about 512 MB) in V8, which a run's series.csv reaches at about 2,000 corridor
 * replications, and one string of tens of MB plus its UTF-8 copy is memory the run does not need.
 */
export function writeTextAtomic(file: string, pieces: Iterable<string>): WrittenDigest {
  return replaceAtomically(file, (temp) => {
    const hash = createHash('sha256');
    const out = new BlockFile(temp, hash);
    try {
      for (const piece of pieces) out.write(piece);
    } catch (error) {
      out.close();
      throw error;
    }
    out.close(true);
    return { sha256: hash.digest('hex'), bytes: out.size };
  });
}

/**
 * Run `write` on a temporary file beside `file` (it must leave the file complete, flushed and
 * closed), then rename it over `file` and flush the folder; if anything throws, the temporary
 * file is removed and `file` is left as it was.
 */
function replaceAtomically<T>(file: string, write: (temp: string) => T): T {
  const dir = path.dirname(file);
  // pid + counter: unique among concurrent writers without any randomness.
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${counter++}${TEMP_SUFFIX}`);
  let result: T;
  try {
    result = write(temp);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dir);
  return result;
}

/** Flush a folder's entries (the rename) to disk; not supported everywhere, so best effort. */
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for fsync; the rename itself is still atomic.
  }
}

/** Delete temporary files that a crashed `writeFileAtomic` left in `dir`. */
export function removeStaleTemporaries(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.') && name.endsWith(TEMP_SUFFIX)) rmSync(path.join(dir, name), { force: true });
  }
}
