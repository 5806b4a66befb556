import talib from 'talib';

/**
 * Runs one TA-Lib function (the C library, through the `talib` dev dependency) over a whole series and
 * returns each output aligned with the input: NaN before TA-Lib's first output, like our indicators.
 */
export function talibSeries(
  name: string,
  length: number,
  inputs: Record<string, number[] | number>,
): Record<string, number[]> {
  const run = talib.execute({ name, startIdx: 0, endIdx: length - 1, ...inputs });
  const aligned: Record<string, number[]> = {};
  for (const output of Object.keys(run.result)) {
    const values: number[] = run.result[output] ?? [];
    aligned[output] = Array.from({ length }, (_, i) =>
      i < run.begIndex ? NaN : (values[i - run.begIndex] ?? NaN),
    );
  }
  return aligned;
}

/** The one output of a single-output TA-Lib function, aligned (see talibSeries). */
export function talibLine(name: string, length: number, inputs: Record<string, number[] | number>): number[] {
  const outputs = Object.values(talibSeries(name, length, inputs));
  if (outputs.length !== 1) throw new Error(`${name} has ${outputs.length} outputs`);
  return outputs[0]!;
}
