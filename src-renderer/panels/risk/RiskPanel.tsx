import { useCallback } from 'react';
import type { Bridge } from '../../bridge/bridge';
import { formatPercent, formatRatio } from '../../format';
import { useTerminal } from '../../store/terminal-store';
import { usePolling } from '../../store/use-polling';
import { BreakerDistances } from './BreakerDistances';
import { CorrelationHeatmap } from './CorrelationHeatmap';
import { RiskMetricsTable } from './RiskMetricsTable';

const REFRESH_MS = 2000;

/** Breaker distances, exposure, Kelly in use, liquidation-cascade levels, correlation and the metrics table. */
export function RiskPanel({ bridge }: { bridge: Bridge }) {
  const view = useTerminal((s) => s.riskView);
  const metrics = useTerminal((s) => s.riskMetrics);
  const breaker = useTerminal((s) => s.breaker);
  const load = useCallback(async () => {
    const [risk, table] = await Promise.all([bridge.riskView({}), bridge.riskMetrics({})]);
    const store = useTerminal.getState();
    if (risk.ok) store.setRiskView(risk.value);
    if (table.ok) store.setRiskMetrics(table.value);
    store.setError(!risk.ok ? risk.error : !table.ok ? table.error : null);
  }, [bridge]);
  usePolling(load, REFRESH_MS);
  if (!view || !metrics || !breaker) return <p className="muted">Loading the risk figures…</p>;
  const { kelly, cascade } = view;
  const cap = metrics.limits.maxGrossExposure;
  return (
    <div className="view risk-view">
      <BreakerDistances breaker={breaker} limits={metrics.limits} />
      <section className="panel" aria-labelledby="exposure-title">
        <h2 id="exposure-title">Exposure and sizing</h2>
        <dl className="figures" data-testid="risk-figures">
          <div>
            <dt>Gross exposure</dt>
            <dd className={view.grossExposure > cap ? 'loss' : undefined}>
              {formatPercent(view.grossExposure)}{' '}
              <span className="muted">of equity (cap {formatPercent(cap, 0)})</span>
            </dd>
          </div>
          <div>
            <dt>Kelly fraction in use</dt>
            <dd data-testid="kelly-in-use">
              {formatPercent(kelly.kelly * kelly.fraction)}{' '}
              <span className="muted">
                = {formatPercent(kelly.kelly)} × {formatRatio(kelly.fraction)}
              </span>
            </dd>
          </div>
          <div className="wide">
            <dt>Kelly inputs</dt>
            <dd>
              {kelly.trades} trades, win {formatPercent(kelly.winRate, 1)}, payoff {formatRatio(kelly.payoff)}
              , full {formatPercent(kelly.fullKelly)}, shrink {formatRatio(kelly.shrinkage)}
            </dd>
          </div>
          <div>
            <dt>Breaker size multiplier</dt>
            <dd>{breaker.sizeMultiplier.toFixed(2)}×</dd>
          </div>
        </dl>
      </section>
      <section className="panel" aria-labelledby="cascade-title">
        <h2 id="cascade-title">Liquidation-cascade risk</h2>
        <table data-testid="cascade-levels">
          <caption>
            Positions are cut when the score passes {formatRatio(metrics.limits.cascadeHighThreshold)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Instrument</th>
              <th scope="col">Level</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {cascade.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  No instrument assessed yet
                </td>
              </tr>
            )}
            {[...cascade]
              .sort((a, b) => b.score - a.score)
              .map((c) => (
                <tr key={c.instrument}>
                  <th scope="row">{c.instrument}</th>
                  <td className={c.level === 'high' ? 'loss' : c.level === 'elevated' ? 'warn' : 'gain'}>
                    {c.level}
                  </td>
                  <td>{c.score.toFixed(3)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </section>
      <CorrelationHeatmap correlation={view.correlation} />
      <RiskMetricsTable metrics={metrics} />
    </div>
  );
}
