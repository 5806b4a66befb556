import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** A parsed YAML file that can tell on which line a key path sits. */
export interface YamlSource {
  file: string;
  value: unknown;
  /** 1-based line of the key at `path`, or of its nearest existing ancestor; null if the file lacks even the first key. */
  lineOf(path: readonly PropertyKey[]): number | null;
}

export class YamlSyntaxError extends Error {}

export function parseYamlSource(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = lineCounter.linePos(first.pos[0]).line;
    // yaml's message repeats the position (" at line L, column C:"); the prefix already gives the line.
    const message = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new YamlSyntaxError(`${file}:${line} YAML syntax: ${message}`);
  }
  const value: unknown = doc.toJS() ?? {};
  return {
    file,
    value,
    lineOf(path) {
      const offset = offsetOf(doc, path);
      return offset === null ? null : lineCounter.linePos(offset).line;
    },
  };
}

function offsetOf(doc: Document, path: readonly PropertyKey[]): number | null {
  let node: unknown = doc.contents;
  let offset: number | null = null;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === step);
      if (!pair) return offset;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      const item: unknown = node.items[step];
      if (!item) return offset;
      node = item;
      offset = (item as Node).range?.[0] ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}
