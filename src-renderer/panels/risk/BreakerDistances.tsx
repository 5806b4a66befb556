import type { BreakerState } from '../../../src-shared/domain/risk';
import type { RiskMetrics } from '../../../src-shared/ipc/dashboard-schemas';
import { formatMoney, formatPercent, formatTime } from '../../format';
import { LEVEL_NAMES } from '../breaker/level-names';

/**
 * The breaker level and, for each trigger, how far the drawdown still is from it: in percentage points of
 * drawdown and as the equity at which it trips (peak × (1 − threshold)).
 */
export function BreakerDistances({
  breaker,
  limits,
}: {
  breaker: BreakerState;
  limits: RiskMetrics['limits'];
}) {
  return (
    <section className="panel" aria-labelledby="distances-title">
      <h2 id="distances-title">Circuit breaker</h2>
      <p className={`breaker-state level-${breaker.level}${breaker.halted ? ' halted' : ''}`}>
        <strong>{breaker.halted ? 'HALTED' : LEVEL_NAMES[breaker.level]}</strong>
        <span className="muted">
          {' '}
          · drawdown {formatPercent(breaker.drawdown)} from the peak {formatMoney(breaker.peakEquity)}
          {breaker.forcedUntil !== null && ` · forced until ${formatTime(breaker.forcedUntil)}`}
          {breaker.cooldownUntil !== null && ` · cooldown until ${formatTime(breaker.cooldownUntil)}`}
        </span>
      </p>
      <div className="scroll">
        <table data-testid="breaker-distances">
          <caption>Distance to each trigger (cooldown {limits.cooldownMinutes} min)</caption>
          <thead>
            <tr>
              <th scope="col">Level</th>
              <th scope="col">Trips at drawdown</th>
              <th scope="col">Distance</th>
              <th scope="col">Equity at trip</th>
              <th scope="col">Size ×</th>
            </tr>
          </thead>
          <tbody>
            {limits.breakerLevels.map((l) => {
              const distance = l.drawdown - breaker.drawdown;
              return (
                <tr key={l.level} data-level={l.level} className={distance <= 0 ? 'reached' : undefined}>
                  <th scope="row">{LEVEL_NAMES[l.level as 1 | 2 | 3]}</th>
                  <td>{formatPercent(l.drawdown)}</td>
                  <td className={distance <= 0 ? 'loss' : distance < 0.02 ? 'warn' : 'gain'}>
                    {distance <= 0 ? 'reached' : `${(distance * 100).toFixed(2)} pts`}
                  </td>
                  <td>{formatMoney(breaker.peakEquity * (1 - l.drawdown))}</td>
                  <td>{l.sizeMultiplier.toFixed(2)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
