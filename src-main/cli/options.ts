/** A command-line mistake: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

/**
 * Parses a numeric option, refusing what `check` rejects, with the option named in the message (and
 * `hint`, the accepted values, when given).
 */
export function numberOption(
  value: string | undefined,
  name: string,
  check: (n: number) => boolean,
  hint?: string,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!value.trim() || !Number.isFinite(n) || !check(n))
    throw new UsageError(`--${name}: "${value}" is not valid${hint === undefined ? '' : ` (${hint})`}`);
  return n;
}

/** A token of node:util parseArgs with `tokens: true` (only what the repeat check reads). */
interface OptionToken {
  kind: string;
  name?: string;
}

/**
 * Refuses a value option given twice (`--data a.csv --data b.csv`): parseArgs would keep the last one and
 * drop the other without a word. Flags (`--json --json`) may repeat. `hints` adds advice per option.
 */
export function refuseRepeatedOptions(
  tokens: readonly OptionToken[],
  valueOptions: ReadonlySet<string>,
  hints: Readonly<Record<string, string>> = {},
): void {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === undefined || !valueOptions.has(token.name)) continue;
    if (seen.has(token.name)) {
      const hint = hints[token.name];
      throw new UsageError(
        `--${token.name}: given more than once; give it once${hint === undefined ? '' : ` (${hint})`}`,
      );
    }
    seen.add(token.name);
  }
}

/** A write to a stdout whose reader has gone (`botv2 … | head` closes the pipe early). */
export function isClosedPipe(error: unknown): boolean {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}
