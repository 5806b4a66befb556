/** A command-line mistake: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

/** Parses a numeric option, refusing what `check` rejects, with the option named in the message. */
export function numberOption(
  value: string | undefined,
  name: string,
  check: (n: number) => boolean,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!value.trim() || !Number.isFinite(n) || !check(n))
    throw new UsageError(`--${name}: "${value}" is not valid`);
  return n;
}
