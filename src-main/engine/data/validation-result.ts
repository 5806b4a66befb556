import type { Bar } from '../../../src-shared/domain/market';
import type { DataIssue } from './issues';
import { DataValidator, type ValidatorOptions } from './validator';

/** The outcome of validating a series (spec section 4). */
export interface ValidationResult {
  /** No row has an error. */
  valid: boolean;
  /** Share of rows without an error, 0–1 (1 for an empty series); warnings do not lower it. */
  quality: number;
  issues: DataIssue[];
  rows: number;
  /** Rows with at least one error. */
  errorRows: number;
  /** The bars to use: every row without an error, minus exact duplicates. */
  accepted: Bar[];
}

/** Share of rows without an error: (rows − errorRows) / rows; 1 when there are no rows. */
export function qualityOf(rows: number, errorRows: number): number {
  return rows === 0 ? 1 : (rows - errorRows) / rows;
}

/**
 * Validates a series in order with a fresh DataValidator; each issue's `row` is the bar's index in the
 * array.
 */
export function validateBars(bars: readonly Bar[], options: ValidatorOptions): ValidationResult {
  const validator = new DataValidator(options);
  const issues: DataIssue[] = [];
  const accepted: Bar[] = [];
  let errorRows = 0;
  for (let i = 0; i < bars.length; i++) {
    const bar = bars[i]!;
    const before = issues.length;
    if (validator.check(bar, i, issues)) accepted.push(bar);
    for (let k = before; k < issues.length; k++) {
      if (issues[k]!.severity === 'error') {
        errorRows += 1;
        break;
      }
    }
  }
  return {
    valid: errorRows === 0,
    quality: qualityOf(bars.length, errorRows),
    issues,
    rows: bars.length,
    errorRows,
    accepted,
  };
}
