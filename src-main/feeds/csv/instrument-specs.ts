import type { AssetClass, InstrumentSpec } from '../../../src-shared/domain/market';
import type { LayoutKind } from './layout';

/** What the engine needs to know about CSV instruments beyond their bars. */
export interface CsvInstrumentOptions {
  /** Commission rates (fractions of notional) of every CSV instrument, e.g. the settings' execution.commission. */
  fees: { maker: number; taker: number };
  /** Defaults for every instrument, over the layout's (see LAYOUT_DEFAULTS). */
  defaults?: Partial<Omit<InstrumentSpec, 'id' | 'symbol' | 'makerFee' | 'takerFee'>>;
  /** Per instrument id, over the defaults. */
  overrides?: Readonly<Record<string, Partial<Omit<InstrumentSpec, 'id'>>>>;
}

interface LayoutDefaults {
  venue: string;
  assetClass: AssetClass;
  lotSize: number;
  tickSize: number;
}

/**
 * What a layout suggests about its instruments: Yahoo daily files are index or stock prices (traded in
 * whole units), Binance klines are crypto (traded in 0.00001 units), anything else is taken as equity.
 */
export const LAYOUT_DEFAULTS: Readonly<Record<LayoutKind, LayoutDefaults>> = {
  yahoo: { venue: 'yahoo', assetClass: 'equity-index', lotSize: 1, tickSize: 0.01 },
  binance: { venue: 'binance', assetClass: 'crypto', lotSize: 0.00001, tickSize: 0.01 },
  generic: { venue: 'csv', assetClass: 'equity', lotSize: 1, tickSize: 0.01 },
};

/** The spec of a CSV instrument: layout defaults, then `defaults`, then the instrument's overrides. */
export function csvInstrumentSpec(
  id: string,
  layout: LayoutKind,
  options: CsvInstrumentOptions,
): InstrumentSpec {
  return {
    ...LAYOUT_DEFAULTS[layout],
    symbol: id,
    makerFee: options.fees.maker,
    takerFee: options.fees.taker,
    ...options.defaults,
    ...options.overrides?.[id],
    id,
  };
}
