import { formatTime } from '../../engine/data/civil-date';
import type { DataIssue } from '../../engine/data/issues';
import { percent, type DataCheckReport, type FileCheck } from './check-file';

/** A whole number with thousands separators (fixed, not locale-dependent): 5105 → `5,105`. */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const plural = (n: number, word: string): string => `${grouped(n)} ${word}${n === 1 ? '' : 's'}`;

/** One issue as the user reads it: `file:line: severity [rule] message`. */
export function formatIssue(issue: DataIssue): string {
  const where =
    issue.file !== null
      ? `${issue.file}${issue.row !== null ? `:${issue.row}` : ''}`
      : issue.row !== null
        ? `#${issue.row}`
        : '';
  return `${where}${where ? ': ' : ''}${issue.severity} [${issue.rule}] ${issue.message}`;
}

function formatFile(check: FileCheck): string[] {
  if (check.refused !== null) return [`${check.file}: refused: ${check.refused}`];
  const verdict = check.usable ? 'usable' : `UNUSABLE: ${check.unusable!}`;
  const lines = [
    `${check.file}: ${verdict}`,
    `  ${check.layout!} layout, ${plural(check.rows, 'row')}, ${plural(check.bars, 'bar')}, quality ${percent(check.quality)}`,
  ];
  for (const i of check.instruments)
    lines.push(`  ${i.instrument}: ${plural(i.bars, 'bar')} from ${i.first} to ${i.last}`);
  const rules = Object.entries(check.byRule)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([rule, n]) => `${rule} ${grouped(n)}`)
    .join(', ');
  lines.push(
    `  ${plural(check.errors, 'error')}, ${plural(check.warnings, 'warning')}${rules ? ` (${rules})` : ''}`,
  );
  for (const issue of check.issues) lines.push(`  ${formatIssue(issue)}`);
  if (check.issuesOmitted > 0) lines.push(`  … and ${plural(check.issuesOmitted, 'more issue')} not listed`);
  return lines;
}

/** The text report of `botv2 data check`: per file its verdict, counts, instruments and issues. */
export function formatReport(report: DataCheckReport): string {
  const lines = report.files.flatMap(formatFile);
  if (report.files.length > 1) {
    const usable = report.files.filter((f) => f.usable).length;
    lines.push(
      `${plural(report.files.length, 'file')}: ${grouped(usable)} usable, ${grouped(report.files.length - usable)} not`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The report as JSON-ready data for `--json`: the same fields, with every epoch-ms time also given as ISO
 * 8601 text (`firstTime` → `firstIso`, an issue's `timestamp` → `time`).
 */
export function reportJson(report: DataCheckReport): unknown {
  const iso = (ms: number | null): string | null => (ms === null ? null : formatTime(ms));
  return {
    usable: report.usable,
    bars: report.bars,
    rows: report.rows,
    files: report.files.map((f) => ({
      ...f,
      firstIso: iso(f.firstTime),
      lastIso: iso(f.lastTime),
      instruments: f.instruments.map((i) => ({ ...i, firstIso: iso(i.firstTime), lastIso: iso(i.lastTime) })),
      issues: f.issues.map((issue) => ({ ...issue, time: iso(issue.timestamp) })),
    })),
  };
}
