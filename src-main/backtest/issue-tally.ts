import type { DataIssue } from '../engine/data/issues';
import { formatIssue } from '../feeds/csv/format-report';
import type { BacktestResult } from './result-schema';

/** Examples of data problems kept in a result (the counts by rule cover all of them). */
const EXAMPLES = 10;

/** Counts data problems by rule and keeps the first few as the trader reads them (`file:line: …`). */
export class IssueTally {
  rejectedSlices = 0;
  private readonly byRule: Record<string, number> = {};
  private readonly examples: string[] = [];

  add(issue: DataIssue): void {
    this.byRule[issue.rule] = (this.byRule[issue.rule] ?? 0) + 1;
    if (this.examples.length < EXAMPLES) {
      const where =
        issue.file === null && issue.instrument !== null
          ? `${issue.instrument}${issue.timestamp !== null ? ` ${new Date(issue.timestamp).toISOString()}` : ''}: `
          : '';
      this.examples.push(`${where}${formatIssue(issue)}`);
    }
  }

  result(): BacktestResult['data_issues'] {
    const byRule: Record<string, number> = {};
    for (const rule of Object.keys(this.byRule).sort()) byRule[rule] = this.byRule[rule]!;
    return { rejected_slices: this.rejectedSlices, by_rule: byRule, examples: [...this.examples] };
  }
}
