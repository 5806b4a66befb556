// Compares Electronegativity's findings with the reviewed list in docs/electronegativity-accepted.json.
// Kept apart from the runner script so the rule is tested (tests/host/electronegativity-findings.test.ts).

const MIN_REASON_LENGTH = 40;

/**
 * Problems with the accepted list itself: each entry needs a check id, a file, optionally `contains` (text
 * of the flagged source line) and a reason long enough to be an explanation.
 */
export function checkAcceptedList(accepted) {
  if (!Array.isArray(accepted)) return ['the accepted list must be a JSON array of entries'];
  const problems = [];
  accepted.forEach((entry, index) => {
    const where = `entry ${index}`;
    if (typeof entry !== 'object' || entry === null) {
      problems.push(`${where}: not an object`);
      return;
    }
    for (const key of Object.keys(entry)) {
      if (!['check', 'file', 'contains', 'reason'].includes(key))
        problems.push(`${where}: unknown key "${key}"`);
    }
    if (typeof entry.check !== 'string' || !/^[A-Z0-9_]+$/.test(entry.check))
      problems.push(`${where}: "check" must be a check id such as CONTEXT_ISOLATION_JS_CHECK`);
    if (typeof entry.file !== 'string' || !entry.file) problems.push(`${where}: "file" is required`);
    if (entry.contains !== undefined && (typeof entry.contains !== 'string' || !entry.contains))
      problems.push(`${where}: "contains", when given, must be non-empty text of the flagged line`);
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < MIN_REASON_LENGTH)
      problems.push(`${where}: "reason" must explain the finding (at least ${MIN_REASON_LENGTH} characters)`);
  });
  return problems;
}

const matches = (entry, finding) =>
  entry.check === finding.check &&
  entry.file === finding.file &&
  (entry.contains === undefined || finding.text.includes(entry.contains));

/**
 * Each finding ({ check, file, line, text }) is explained when an accepted entry matches its check id, file
 * and (if the entry says) a piece of the flagged line. Returns the unexplained findings and the entries
 * that matched nothing (stale: the code changed, so the explanation must be looked at again).
 */
export function reviewFindings(findings, accepted) {
  const used = new Set();
  const unexplained = [];
  for (const finding of findings) {
    // Every entry that fits counts as used, so one explanation may cover two findings on one line.
    const fitting = accepted.flatMap((entry, index) => (matches(entry, finding) ? [index] : []));
    if (fitting.length === 0) unexplained.push(finding);
    for (const index of fitting) used.add(index);
  }
  const stale = accepted.filter((_, index) => !used.has(index));
  return { unexplained, stale };
}

/** One line per finding for the CI log. */
export function describeFinding(finding) {
  return `${finding.check} ${finding.file}:${finding.line} ${finding.description}${finding.text ? ` — ${finding.text.trim().slice(0, 120)}` : ''}`;
}
