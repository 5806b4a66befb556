/**
 * The validator's message for an outlier: the close, its log return from the previous close in %, its z
 * against the previous returns, their σ in % and count, and the limit. For example
 * `close 1399.04 is a -3.53 % log return from 1449.37: -8.0σ against σ 0.45 % of the last 100 returns (limit 5σ)`.
 */
export function outlierMessage(
  close: number,
  previousClose: number,
  z: number,
  sigma: number,
  returns: number,
  limit: number,
): string {
  const logReturn = Math.log(close / previousClose);
  const move = `${logReturn >= 0 ? '+' : ''}${(logReturn * 100).toFixed(2)} %`;
  return (
    `close ${close} is a ${move} log return from ${previousClose}: ${z.toFixed(1)}σ against ` +
    `σ ${(sigma * 100).toFixed(2)} % of the last ${returns} returns (limit ${limit}σ)`
  );
}
