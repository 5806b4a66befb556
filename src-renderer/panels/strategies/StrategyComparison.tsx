import { useId, useState } from 'react';
import { Bar, BarChart, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMaybePercent, formatPercent, formatRatio, formatSignedMoney } from '../../format';
import type { StrategyLine } from './strategy-columns';
import { RATE_LABELS } from './strategy-figures';

const METRICS = {
  weight: { label: 'Weight', value: (l: StrategyLine) => l.weight, format: (v: number) => formatPercent(v) },
  smoothedSharpe: {
    label: 'Smoothed Sharpe',
    value: (l: StrategyLine) => l.smoothedSharpe,
    format: (v: number) => formatRatio(v),
  },
  netPnl: {
    label: 'Net P&L',
    value: (l: StrategyLine) => l.pnl?.netPnl ?? 0,
    format: (v: number) => formatSignedMoney(v),
  },
  hitRate: {
    label: RATE_LABELS.hitRate,
    value: (l: StrategyLine) => l.hitRate ?? 0,
    format: (v: number) => formatMaybePercent(v, 1),
  },
} as const;
type Metric = keyof typeof METRICS;

/** The strategies side by side on one chosen figure. */
export function StrategyComparison({ lines }: { lines: readonly StrategyLine[] }) {
  const [metric, setMetric] = useState<Metric>('weight');
  const titleId = useId();
  const { label, value, format } = METRICS[metric];
  const data = lines.map((l) => ({ name: l.name, value: value(l) })).sort((a, b) => b.value - a.value);
  return (
    <section className="panel" aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId}>Comparison</h2>
        <label className="filter">
          Figure
          <select value={metric} onChange={(e) => setMetric(e.target.value as Metric)}>
            {Object.entries(METRICS).map(([key, m]) => (
              <option key={key} value={key}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <figure
        className="bars"
        role="img"
        aria-label={`${label} by strategy: ${data.map((d) => `${d.name} ${format(d.value)}`).join(', ')}`}
        data-testid="strategy-comparison"
      >
        <ResponsiveContainer width="100%" height={Math.max(120, data.length * 26 + 30)}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
            <XAxis type="number" tick={{ fill: '#8b949e', fontSize: 11 }} />
            <YAxis type="category" dataKey="name" width={140} tick={{ fill: '#c9d1d9', fontSize: 12 }} />
            <ReferenceLine x={0} stroke="#30363d" />
            <Tooltip
              contentStyle={{ background: '#161b22', border: '1px solid #30363d' }}
              formatter={(v) => [format(Number(v)), label]}
            />
            <Bar dataKey="value" isAnimationActive={false}>
              {data.map((d) => (
                <Cell key={d.name} fill={d.value >= 0 ? '#58a6ff' : '#f85149'} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </section>
  );
}
