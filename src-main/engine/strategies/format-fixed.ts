/** Powers of ten for 0–6 decimals. */
const SCALES = [1, 10, 100, 1000, 1e4, 1e5, 1e6];
const ZEROS = '000000';
/** Scaled magnitudes below this are exact enough (half an ulp < 6e-8) to round in doubles. */
const SCALED_LIMIT = 1e9;
/** A scaled fraction this close to ½ may hide a tie under the product's rounding. */
const TIE_MARGIN = 1e-6;
/** Decimals up to this many take their fraction text from a table (the counts reasons use most). */
const TABLED_DECIMALS = 3;
/** FRACTIONS[d][i]: "." then i written with d digits (leading zeros), for 1 ≤ d ≤ TABLED_DECIMALS. */
const FRACTIONS: readonly (readonly string[])[] = fractionTables();

function fractionTables(): string[][] {
  const tables: string[][] = [[]];
  for (let decimals = 1; decimals <= TABLED_DECIMALS; decimals++) {
    const table: string[] = [];
    for (let i = 0; i < SCALES[decimals]!; i++) table.push(fractionText(i, decimals));
    tables.push(table);
  }
  return tables;
}

/** "." then `digits` (0 ≤ digits < 10^decimals) written with exactly `decimals` digits. */
function fractionText(digits: number, decimals: number): string {
  const text = '' + digits;
  return '.' + ZEROS.slice(0, decimals - text.length) + text;
}

/**
 * The same text as `x.toFixed(decimals)`, at about half its cost for the numbers reasons show (the
 * fraction of 1–3 decimals is read from a table: ~15 % cheaper than writing it). The rule of
 * toFixed (ECMA-262 Number.prototype.toFixed): the integer n nearest to |x|·10^decimals, the larger on a
 * tie, written with `decimals` digits after the point, "-" before it when x < 0 (so −0.0001 gives
 * "-0.000", −0 gives "0.000"). Here |x|·10^d is one rounded product; when it is below 1e9 its error is
 * under 6e-8, so a fraction farther than 1e-6 from ½ rounds the same as the exact value would. Everything
 * else (ties within that margin, large or non-finite x, more than 6 decimals) takes toFixed itself.
 */
export function formatFixed(x: number, decimals: number): string {
  const scale = SCALES[decimals];
  if (scale === undefined) return x.toFixed(decimals);
  const scaled = (x < 0 ? -x : x) * scale;
  if (!(scaled < SCALED_LIMIT)) return x.toFixed(decimals);
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (fraction > 0.5 - TIE_MARGIN && fraction < 0.5 + TIE_MARGIN) return x.toFixed(decimals);
  const n = fraction > 0.5 ? whole + 1 : whole;
  const sign = x < 0 ? '-' : '';
  if (decimals === 0) return sign + n;
  const digits = n % scale;
  const written =
    decimals <= TABLED_DECIMALS ? FRACTIONS[decimals]![digits]! : fractionText(digits, decimals);
  return sign + (n - digits) / scale + written;
}
