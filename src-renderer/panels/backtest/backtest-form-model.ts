import { StartBacktestSchema, type StartBacktestInput } from '../../../src-shared/ipc/backtest-schemas';

// The backtest form's state as the trader types it (text), and its translation into a startBacktest
// request; problems are keyed by field so each shows at its input.

export type SourceKind = 'sample' | 'csv' | 'synthetic';
export type RunMode = 'pipeline' | 'classic';

export interface BacktestFormValues {
  source: SourceKind;
  files: string;
  scenario: string;
  steps: string;
  mode: RunMode;
  allStrategies: boolean;
  strategies: readonly string[];
  seed: string;
  commission: string;
  fast: string;
  slow: string;
  size: string;
  slippage: string;
  cash: string;
  from: string;
  to: string;
}

export const INITIAL_FORM: BacktestFormValues = {
  source: 'sample',
  files: '',
  scenario: 'markov',
  steps: '5000',
  mode: 'pipeline',
  allStrategies: true,
  strategies: [],
  seed: '42',
  commission: '',
  fast: '10',
  slow: '30',
  size: '10',
  slippage: '0',
  cash: '100000',
  from: '',
  to: '',
};

export type FieldProblems = Partial<Record<string, string>>;

/** A number typed in a field; NaN for text that is not one (the schema then names the field). */
const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));
const optionalNumber = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));
const optionalText = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/** The files field: one path per line (or separated by commas). */
export const filesOf = (text: string): string[] =>
  text
    .split(/[\n,]/)
    .map((f) => f.trim())
    .filter((f) => f !== '');

function requestOf(v: BacktestFormValues): unknown {
  const source =
    v.source === 'sample'
      ? { kind: 'sample' }
      : v.source === 'csv'
        ? { kind: 'csv', files: filesOf(v.files) }
        : { kind: 'synthetic', scenario: v.scenario, steps: numberOf(v.steps) };
  const common = {
    source,
    cash: optionalNumber(v.cash),
    from: optionalText(v.from),
    to: optionalText(v.to),
  };
  if (v.mode === 'classic')
    return {
      mode: 'classic',
      ...common,
      fast: numberOf(v.fast),
      slow: numberOf(v.slow),
      size: numberOf(v.size),
      commission: numberOf(v.commission === '' ? '0' : v.commission),
      slippage: numberOf(v.slippage),
    };
  return {
    mode: 'pipeline',
    ...common,
    strategies: v.allStrategies ? 'all' : [...v.strategies],
    seed: numberOf(v.seed),
    commission: v.source === 'synthetic' ? undefined : optionalNumber(v.commission),
  };
}

/** The field a schema issue belongs to: source.files → files, source.steps → steps. */
function fieldOfPath(path: readonly PropertyKey[]): string {
  const [first, second] = path;
  if (first === 'source') return typeof second === 'string' ? second : 'source';
  return typeof first === 'string' ? first : '';
}

/** The request, or the problems to show at the fields (checked with the contract's own schema). */
export function toRequest(
  values: BacktestFormValues,
): { ok: true; request: StartBacktestInput } | { ok: false; problems: FieldProblems } {
  const parsed = StartBacktestSchema.safeParse(requestOf(values));
  if (parsed.success) return { ok: true, request: parsed.data };
  const problems: FieldProblems = {};
  if (values.mode === 'pipeline' && !values.allStrategies && values.strategies.length === 0)
    problems.strategies = 'choose at least one strategy, or all';
  for (const issue of parsed.error.issues) {
    const field = fieldOfPath(issue.path);
    problems[field] ??= issue.message;
  }
  return { ok: false, problems };
}
