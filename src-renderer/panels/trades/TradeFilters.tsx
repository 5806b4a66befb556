import { useCallback, useState } from 'react';
import type { TradeLogOptions } from '../../../src-shared/ipc/dashboard-schemas';
import type { Bridge } from '../../bridge/bridge';
import { usePolling } from '../../store/use-polling';
import type { TradeFilter } from './use-trade-pages';

const OPTIONS_REFRESH_MS = 10_000;

/** Filters of the trade log: strategy, instrument and side; the choices are those present in the fills. */
export function TradeFilters(props: {
  bridge: Bridge;
  filter: TradeFilter;
  onChange(filter: TradeFilter): void;
}) {
  const { bridge, filter, onChange } = props;
  const [options, setOptions] = useState<TradeLogOptions>({ instruments: [], strategies: [] });
  const load = useCallback(async () => {
    const result = await bridge.tradeLogOptions({});
    if (result.ok) setOptions(result.value);
  }, [bridge]);
  usePolling(load, OPTIONS_REFRESH_MS);

  const select = (label: string, key: 'strategy' | 'instrument', choices: readonly string[]) => (
    <label className="filter">
      {label}
      <select
        value={filter[key] ?? ''}
        onChange={(e) => onChange({ ...filter, [key]: e.target.value || undefined })}
      >
        <option value="">All</option>
        {choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="filters" role="group" aria-label="Filter trades">
      {select('Strategy', 'strategy', options.strategies)}
      {select('Instrument', 'instrument', options.instruments)}
      <label className="filter">
        Side
        <select
          value={filter.side ?? ''}
          onChange={(e) =>
            onChange({
              ...filter,
              side: e.target.value === 'buy' || e.target.value === 'sell' ? e.target.value : undefined,
            })
          }
        >
          <option value="">All</option>
          <option value="buy">buy</option>
          <option value="sell">sell</option>
        </select>
      </label>
    </div>
  );
}
