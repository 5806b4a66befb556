import type { InstrumentSpec } from '../../../src-shared/domain/market';
import type { Rng } from '../rng';
import { configProblems, type ExecutionConfig } from './config';
import { SimulatedExecution } from './simulated-execution';
import { instrumentProblem } from './venue';

/**
 * The execution engine of paper trading and backtests: bar-level (`config.mode: 'bar'`) or book-level
 * (`'book'`) simulation of every instrument the feed trades, its only randomness drawn from `rng`.
 * Throws a RangeError listing every problem of the configuration or the instruments.
 */
export function createExecutionEngine(
  config: ExecutionConfig,
  instruments: readonly InstrumentSpec[],
  rng: Rng,
  /** Order ids continue across sessions, so they stay unique in the database. */
  firstOrderId = 1,
): SimulatedExecution {
  const problems = configProblems(config);
  const seen = new Set<string>();
  for (const spec of instruments) {
    if (seen.has(spec.id)) problems.push(`instrument ${spec.id} is listed twice`);
    seen.add(spec.id);
    const problem = instrumentProblem(spec);
    if (problem !== null) problems.push(problem);
  }
  if (problems.length > 0) throw new RangeError(`cannot start the execution engine: ${problems.join('; ')}`);
  return new SimulatedExecution(config, instruments, rng, firstOrderId);
}
