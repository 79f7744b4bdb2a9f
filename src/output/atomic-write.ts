/**
 * Writing a file atomically: the bytes go to a temporary file in the same folder, are flushed to
 * disk, and the temporary file is renamed over the target. A reader (or a run resumed after a
 * crash or `kill -9`) therefore sees either the old file or the complete new one, never half of
 * it. Rename is atomic only within one file system, hence the same folder.
 */
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Temporary files end with this suffix; `removeStaleTemporaries` cleans up after a crash. */
const TEMP_SUFFIX = '.partial';

let counter = 0;

/** Write `data` to `file` atomically (temporary file, fsync, rename, fsync of the folder). */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file);
  // pid + counter: unique among concurrent writers without any randomness.
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${counter++}${TEMP_SUFFIX}`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'w');
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dir);
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
