/**
 * Tolerance, in steps, for float residue: 100.02 / 0.01 is 10001.999…, which is 10002 steps. It grows with
 * the count because a quotient's rounding error does.
 */
const tolerance = (steps: number): number => Math.max(1e-9, Math.abs(steps) * 1e-12);

/**
 * One step size (a tick or a lot) and rounding to it. Counts of steps are whole numbers; converting back
 * divides by the integer 1/step when the step is a decimal fraction (10002 / 100 gives exactly the double
 * nearest 100.02, where 10002 × 0.01 does not).
 */
export class StepGrid {
  private readonly perUnit: number;

  constructor(readonly step: number) {
    const inverse = 1 / step;
    const rounded = Math.round(inverse);
    this.perUnit = rounded >= 1 && Math.abs(inverse - rounded) <= 1e-9 * inverse ? rounded : 0;
  }

  /** The value of a whole number of steps. */
  value(steps: number): number {
    return this.perUnit > 0 ? steps / this.perUnit : steps * this.step;
  }

  /** Steps at or above x (the smallest grid value ≥ x). */
  ceilSteps(x: number): number {
    const steps = x / this.step;
    return Math.ceil(steps - tolerance(steps));
  }

  /** Steps at or below x (the largest grid value ≤ x). */
  floorSteps(x: number): number {
    const steps = x / this.step;
    return Math.floor(steps + tolerance(steps));
  }

  /** The smallest grid value ≥ x. */
  ceil(x: number): number {
    return this.value(this.ceilSteps(x));
  }

  /** The largest grid value ≤ x. */
  floor(x: number): number {
    return this.value(this.floorSteps(x));
  }

  /** Whether x is a whole number of steps (within float residue). */
  holds(x: number): boolean {
    const steps = x / this.step;
    return Math.abs(steps - Math.round(steps)) <= tolerance(steps);
  }
}
