/**
 * A text file written while a simulation runs (a journey log, an event trace), or from a
 * generator of lines (a run's largest output files, see atomic-write.ts), in bounded memory.
 *
 * Why not a Node write stream? A replication runs in one synchronous call, so a stream could not
 * drain until it returned and would hold everything written so far (a simulated year's journey
 * log is about 0.8 GB). Text is encoded at once into a block of 64 KiB instead, and each full
 * block is written with `writeSync`.
 *
 * Why encode each piece at once rather than gather a block of text first? Text gathered by `+=`
 * stays alive across several young-generation collections until its block is written, so V8
 * promotes it to the old generation, where it piles up as garbage until a full collection: over
 * a ten-year journey log that was tens of megabytes of peak memory. Encoded at once, each row's
 * string dies young.
 */
import type { Hash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/** Bytes per block. */
const BLOCK_BYTES = 1 << 16;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units). */
const MAX_BYTES_PER_UNIT = 3;

/** Appends text to a file through one reused block buffer. */
export class BlockFile {
  private readonly fd: number;
  private readonly block = Buffer.allocUnsafe(BLOCK_BYTES);
  private used = 0;
  /** Bytes written to the file so far (what is still in the block not counted). */
  private flushed = 0;

  /**
   * @param file path of the file to create (overwritten); opened at once, so a bad path throws here.
   * @param hash updated with every byte written, in order (an output file's digest for its manifest).
   */
  constructor(
    file: string,
    private readonly hash: Hash | null = null,
  ) {
    this.fd = openSync(file, 'w');
  }

  /** Bytes written, once the file is closed. */
  get size(): number {
    return this.flushed + this.used;
  }

  /** Append `text`; a full block goes to the file. */
  write(text: string): void {
    if (this.used + text.length * MAX_BYTES_PER_UNIT > BLOCK_BYTES) {
      this.flush();
      // Longer than a block: straight to the file.
      if (text.length * MAX_BYTES_PER_UNIT > BLOCK_BYTES) {
        this.writeBytes(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += this.block.write(text, this.used, 'utf8');
  }

  /** Write what is buffered and close the file, flushed to disk first with `sync` (atomic writes). */
  close(sync = false): void {
    try {
      this.flush();
      if (sync) fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
    }
  }

  private flush(): void {
    this.writeBytes(this.block.subarray(0, this.used));
    this.used = 0;
  }

  private writeBytes(bytes: Uint8Array): void {
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written);
    this.hash?.update(bytes);
    this.flushed += bytes.length;
  }
}
