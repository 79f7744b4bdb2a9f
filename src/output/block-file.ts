/**
 * A text file written while a simulation runs (a journey log, an event trace), in bounded memory.
 *
 * Why not a Node write stream? A replication runs in one synchronous call, so a stream could not
 * drain until it returned and would hold everything written so far (a simulated year's journey
 * log is about 0.8 GB). Text is gathered into blocks of about 64 KiB instead, and each full block
 * is written at once with `writeSync`.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

/** Characters buffered before a block is written (UTF-16 code units, about bytes for ids). */
const BLOCK_CHARS = 1 << 16;

/** A file written in blocks of about 64 KiB. Call `close()` when done. */
export class BlockFile {
  private readonly fd: number;
  private buffer = '';

  /** @param file path of the file to create (overwritten); opened at once, so a bad path throws here. */
  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }

  /** Append `text`; a full block goes to the file. */
  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= BLOCK_CHARS) this.flush();
  }

  /** Write what is buffered and close the file. */
  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}
