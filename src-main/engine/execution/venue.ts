import type { InstrumentSpec } from '../../../src-shared/domain/market';
import { StepGrid } from './grid';

/** What the engine knows of one instrument: its spec and its tick and lot grids. */
export interface Venue {
  spec: InstrumentSpec;
  tick: StepGrid;
  lot: StepGrid;
}

const isFinitePositive = (value: number): boolean => Number.isFinite(value) && value > 0;
const isFiniteNonNegative = (value: number): boolean => Number.isFinite(value) && value >= 0;

/** Why an instrument cannot be traded by the simulator (bad grid or fees), or null. */
export function instrumentProblem(spec: InstrumentSpec): string | null {
  if (!isFinitePositive(spec.tickSize)) return `instrument ${spec.id}: tickSize must be a positive number`;
  if (!isFinitePositive(spec.lotSize)) return `instrument ${spec.id}: lotSize must be a positive number`;
  if (!isFiniteNonNegative(spec.makerFee)) return `instrument ${spec.id}: makerFee must be a number ≥ 0`;
  if (!isFiniteNonNegative(spec.takerFee)) return `instrument ${spec.id}: takerFee must be a number ≥ 0`;
  return null;
}

/** The venue of a valid spec (check it with instrumentProblem first). */
export function venueOf(spec: InstrumentSpec): Venue {
  return { spec, tick: new StepGrid(spec.tickSize), lot: new StepGrid(spec.lotSize) };
}
