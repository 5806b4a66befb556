import { readSync } from 'node:fs';

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;

export interface LineReaderOptions {
  /** First byte to read. */
  start: number;
  /** Byte to stop before (the file size, or the start of the next range). */
  end: number;
  /** Line number of the line at `start` (1-based). */
  firstLine: number;
  /** Bytes read per system call. */
  chunkBytes: number;
  /** Lines longer than this are reported as overlong and skipped, never held in memory. */
  maxLineBytes: number;
  /** Told the number of bytes after every read (progress). */
  onRead?: (bytes: number) => void;
}

/**
 * Reads lines from a byte range of an open file in fixed-size chunks, so memory stays at one chunk (plus
 * the longest line) whatever the file size. A line split across chunks is carried over; `\r\n` and `\n`
 * both end a line. After `next()` returns true the current line is `buffer[lineStart, lineEnd)`.
 */
export class LineReader {
  buffer: Buffer;
  lineStart = 0;
  lineEnd = 0;
  /** 1-based number of the current line. */
  lineNumber: number;
  /** Byte offset in the file of the current line's first byte. */
  lineOffset = 0;
  /** The current line ended with a newline (false only for a last line without one). */
  terminated = true;
  /** The current line was longer than maxLineBytes; its content was skipped (the line is empty here). */
  overlong = false;
  private pos = 0;
  private limit = 0;
  /** File offset of buffer[0]. */
  private base: number;
  /** Next file offset to read. */
  private next_: number;

  constructor(
    private readonly fd: number,
    private readonly options: LineReaderOptions,
  ) {
    this.buffer = Buffer.allocUnsafe(Math.max(16, options.chunkBytes));
    this.base = options.start;
    this.next_ = options.start;
    this.lineNumber = options.firstLine - 1;
  }

  /** File offset just after the current line (its newline included). */
  get offsetAfterLine(): number {
    return this.base + this.pos;
  }

  /** Moves to the next line; false when the range is exhausted. */
  next(): boolean {
    let skipping = false;
    for (;;) {
      const found = this.pos < this.limit ? this.buffer.indexOf(NEWLINE, this.pos) : -1;
      if (found !== -1 && found < this.limit) {
        this.emit(this.pos, found, true, skipping);
        this.pos = found + 1;
        return true;
      }
      if (this.next_ >= this.options.end) {
        if (this.pos >= this.limit && !skipping) return false;
        this.emit(this.pos, this.limit, false, skipping);
        this.pos = this.limit;
        return true;
      }
      if (this.limit - this.pos >= this.options.maxLineBytes) {
        // Drop what we hold of an overlong line and read on to its end.
        if (!skipping) this.lineOffset = this.base + this.pos;
        skipping = true;
        this.base += this.limit;
        this.pos = 0;
        this.limit = 0;
      }
      if (!this.fill()) {
        // The file ended before the range did (it shrank while being read): treat what we hold as the end.
        this.next_ = this.options.end;
      }
    }
  }

  private emit(start: number, end: number, terminated: boolean, skipped: boolean): void {
    this.lineNumber += 1;
    this.terminated = terminated;
    this.overlong = skipped;
    if (skipped) {
      this.lineStart = this.lineEnd = start;
      return;
    }
    this.lineOffset = this.base + start;
    this.lineStart = start;
    this.lineEnd = end > start && this.buffer[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
  }

  /** Keeps the unread tail, reads the next chunk after it; false when nothing could be read. */
  private fill(): boolean {
    const tail = this.limit - this.pos;
    if (this.pos > 0) {
      this.buffer.copyWithin(0, this.pos, this.limit);
      this.base += this.pos;
      this.pos = 0;
      this.limit = tail;
    }
    if (this.limit === this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.min(this.buffer.length * 2, this.options.maxLineBytes + 16));
      this.buffer.copy(grown, 0, 0, this.limit);
      this.buffer = grown;
    }
    const want = Math.min(this.buffer.length - this.limit, this.options.end - this.next_);
    const got = readSync(this.fd, this.buffer, this.limit, want, this.next_);
    this.next_ += got;
    this.limit += got;
    this.options.onRead?.(got);
    return got > 0;
  }
}
