import { openSync, closeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineReader } from '../../../src-main/feeds/csv/line-reader';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

function lines(content: string | Buffer, chunkBytes: number, maxLineBytes = 1 << 20) {
  const path = join(tempDir(), 'f.csv');
  writeFileSync(path, content);
  const fd = openSync(path, 'r');
  try {
    const size = Buffer.byteLength(content);
    const reader = new LineReader(fd, { start: 0, end: size, firstLine: 1, chunkBytes, maxLineBytes });
    const out: { text: string; line: number; offset: number; terminated: boolean; overlong: boolean }[] = [];
    while (reader.next())
      out.push({
        text: reader.buffer.toString('utf8', reader.lineStart, reader.lineEnd),
        line: reader.lineNumber,
        offset: reader.lineOffset,
        terminated: reader.terminated,
        overlong: reader.overlong,
      });
    return out;
  } finally {
    closeSync(fd);
  }
}

describe('LineReader', () => {
  it('gives every line with its number and byte offset, whatever the chunk size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ',', ' ', 'é'), maxLength: 40 }), {
          maxLength: 30,
        }),
        fc.integer({ min: 1, max: 64 }),
        fc.boolean(),
        (texts, chunk, crlf) => {
          const eol = crlf ? '\r\n' : '\n';
          const content = texts.map((t) => t + eol).join('');
          const got = lines(content, chunk);
          expect(got.map((l) => l.text)).toEqual(texts);
          let offset = 0;
          got.forEach((l, i) => {
            expect(l.line).toBe(i + 1);
            expect(l.offset).toBe(offset);
            offset += Buffer.byteLength(texts[i]! + eol);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('marks a last line without a newline as unterminated', () => {
    expect(lines('a\nb', 2).map((l) => [l.text, l.terminated])).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });

  it('skips an overlong line without holding it, and carries on', () => {
    const got = lines(`short\n${'x'.repeat(5000)}\nafter\n`, 64, 256);
    expect(got.map((l) => [l.text, l.line, l.overlong])).toEqual([
      ['short', 1, false],
      ['', 2, true],
      ['after', 3, false],
    ]);
    expect(got[1]!.offset).toBe(6);
  });
});
