/**
 * What a data check found. `error`: the row or bar is not used (it is skipped, counted and reported).
 * `warning`: the bar is used (or, for an exact duplicate, dropped as redundant) and the finding is reported.
 */
export type IssueSeverity = 'error' | 'warning';

/**
 * The rules, each with the severity it always has (docs/DATA.md lists them with examples):
 * - file rows: `field-count`, `not-a-number`, `missing`, `timestamp`, `malformed` — errors;
 * - bar values: `nan`, `infinity`, `non-positive-price`, `ohlc`, `negative-volume`, `negative-value` (open
 *   interest or a liquidation notional below 0) — errors;
 * - sequence: `out-of-order`, `conflicting-duplicate` — errors; `duplicate` (exact repeat, dropped) — warning;
 * - plausibility: `outlier`, `gap`, `zero-volume`, `non-trading-day` — warnings.
 */
export type IssueRule =
  | 'field-count'
  | 'not-a-number'
  | 'missing'
  | 'timestamp'
  | 'malformed'
  | 'nan'
  | 'infinity'
  | 'non-positive-price'
  | 'ohlc'
  | 'negative-volume'
  | 'negative-value'
  | 'out-of-order'
  | 'conflicting-duplicate'
  | 'duplicate'
  | 'outlier'
  | 'gap'
  | 'zero-volume'
  | 'non-trading-day';

const WARNING_RULES: ReadonlySet<IssueRule> = new Set<IssueRule>([
  'duplicate',
  'outlier',
  'gap',
  'zero-volume',
  'non-trading-day',
]);

/** The fixed severity of a rule. */
export function severityOf(rule: IssueRule): IssueSeverity {
  return WARNING_RULES.has(rule) ? 'warning' : 'error';
}

/** One finding, naming where it is (file line or series index), when, which field and what value. */
export interface DataIssue {
  severity: IssueSeverity;
  rule: IssueRule;
  /** The instrument the row or bar belongs to, when known. */
  instrument: string | null;
  /** The file the row came from, when it came from one. */
  file: string | null;
  /** 1-based line number in the file, or the 0-based index in a series; null when unknown. */
  row: number | null;
  /** The bar's time (epoch ms, the bar's close), when it could be read. */
  timestamp: number | null;
  /** The field the finding is about (`close`, `time`, …), or null for the whole row. */
  field: string | null;
  /** The offending value (a number, or the text as written in the file). */
  value: number | string | null;
  /** The sentence the user reads. */
  message: string;
}

/** Builds an issue with the rule's severity. */
export function makeIssue(
  rule: IssueRule,
  message: string,
  where: Partial<Omit<DataIssue, 'severity' | 'rule' | 'message'>> = {},
): DataIssue {
  return {
    severity: severityOf(rule),
    rule,
    instrument: where.instrument ?? null,
    file: where.file ?? null,
    row: where.row ?? null,
    timestamp: where.timestamp ?? null,
    field: where.field ?? null,
    value: where.value ?? null,
    message,
  };
}
