import { closeSync, existsSync, fstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/**
 * An append-only log file rotated by size: `botv2.log` → `botv2.log.1` → … → `botv2.log.<keep>`, the oldest
 * dropped. Writes are synchronous, so a line is on disk before the next event is handled (a fill logged as
 * acknowledged is never lost to a crash). Every line passes through `scrub` first.
 */
export class RotatingLogFile {
  private fd: number;
  private size: number;

  constructor(
    private readonly path: string,
    private readonly maxBytes: number,
    private readonly keep: number,
    private readonly scrub: (line: string) => string = (line) => line,
  ) {
    this.fd = openSync(path, 'a');
    this.size = fstatSync(this.fd).size;
  }

  write(chunk: string): void {
    const line = this.scrub(chunk);
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
    writeSync(this.fd, line);
    this.size += bytes;
  }

  private rotate(): void {
    closeSync(this.fd);
    rmSync(`${this.path}.${this.keep}`, { force: true });
    for (let i = this.keep - 1; i >= 1; i--) {
      if (existsSync(`${this.path}.${i}`)) renameSync(`${this.path}.${i}`, `${this.path}.${i + 1}`);
    }
    renameSync(this.path, `${this.path}.1`);
    this.fd = openSync(this.path, 'a');
    this.size = 0;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Replaces every occurrence of each secret value (and its JSON-escaped form) with [redacted]. */
export function secretScrubber(secrets: readonly string[]): (text: string) => string {
  const values = [
    ...new Set(secrets.filter((s) => s.length >= 4).flatMap((s) => [s, JSON.stringify(s).slice(1, -1)])),
  ];
  if (values.length === 0) return (text) => text;
  // Longest first, so a secret containing another is replaced whole.
  values.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return (text) => text.replace(pattern, '[redacted]');
}
