/**
 * Reading a large text file in pieces of whole lines: a run's series.csv (tens of MB for the
 * full study) would otherwise be one string, and a string cannot exceed 2^29 - 24 characters
 * (about 512 MB) in V8.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** Bytes read at a time, by default. */
const CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;
const QUOTE = 0x22;

/**
 * The UTF-8 text of `file` in strings of whole lines, each about `chunkBytes` long or less (a
 * longer line comes whole, in a longer string); the last may lack its line end. Lines are cut
 * at a newline byte, which UTF-8 never uses inside a character, and never inside a
 * double-quoted CSV field. The file is opened when the iteration starts and closed when it ends,
 * also when the caller stops early.
 */
export function* readLineChunks(file: string, chunkBytes: number = CHUNK_BYTES): Generator<string> {
  const fd = openSync(file, 'r');
  try {
    let buffer = Buffer.allocUnsafe(chunkBytes);
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        // No line end in the whole buffer: a line longer than a chunk.
        const larger = Buffer.allocUnsafe(2 * buffer.length);
        buffer.copy(larger, 0, 0, filled);
        buffer = larger;
      }
      const read = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (read === 0) break;
      filled += read;
      const cut = lastLineEnd(buffer.subarray(0, filled)) + 1;
      if (cut > 0) {
        yield buffer.toString('utf8', 0, cut);
        buffer.copy(buffer, 0, cut, filled);
        filled -= cut;
      }
    }
    if (filled > 0) yield buffer.toString('utf8', 0, filled);
  } finally {
    closeSync(fd);
  }
}

// Index of the last newline outside double quotes, or -1. The bytes start at a line start, so
// quotes can be counted from there; without any (our files, almost always) it is the last newline.
function lastLineEnd(bytes: Buffer): number {
  if (bytes.indexOf(QUOTE) < 0) return bytes.lastIndexOf(NEWLINE);
  let last = -1;
  let quoted = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) quoted = !quoted;
    else if (b === NEWLINE && !quoted) last = i;
  }
  return last;
}
