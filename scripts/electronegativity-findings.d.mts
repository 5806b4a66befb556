// Types of scripts/electronegativity-findings.mjs for its test.

export interface AcceptedFinding {
  check: string;
  file: string;
  contains?: string;
  reason: string;
}

export interface Finding {
  check: string;
  file: string;
  line: number;
  description: string;
  /** The flagged source line ('' when the file could not be read). */
  text: string;
}

export function checkAcceptedList(accepted: unknown): string[];

export function reviewFindings(
  findings: Finding[],
  accepted: AcceptedFinding[],
): { unexplained: Finding[]; stale: AcceptedFinding[] };

export function describeFinding(finding: Finding): string;
