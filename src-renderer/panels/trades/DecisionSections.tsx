import type { ReactNode } from 'react';
import type { CascadeRecord, EnsembleRecord } from '../../../src-shared/ipc/dashboard-schemas';
import {
  formatMaybePercent,
  formatMoney,
  formatPercent,
  formatPrice,
  formatQty,
  formatRatio,
} from '../../format';

/** A definition list of label → value rows. */
export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const signed = (x: number, digits = 3) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(digits)}`;

/** How an ensemble decision was reached: the vote, each strategy's part, the penalty, Kelly and sizing. */
export function EnsembleSections({ record }: { record: EnsembleRecord }) {
  const { vote, kelly, sizing, exposure } = record;
  return (
    <>
      <section aria-labelledby="decision-vote">
        <h3 id="decision-vote">Vote</h3>
        <Facts
          rows={[
            ['Method', vote.method],
            ['Outcome', `${vote.action} (${vote.outcome})`],
            ['Confidence', formatPercent(vote.confidence)],
            ['Score', signed(vote.score)],
          ]}
        />
        <table className="votes" data-testid="decision-votes">
          <caption>Votes and weights</caption>
          <thead>
            <tr>
              <th scope="col">Strategy</th>
              <th scope="col">Action</th>
              <th scope="col">Confidence</th>
              <th scope="col">Weight</th>
              <th scope="col">Contribution</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {record.breakdown.map((v) => (
              <tr key={v.strategyId}>
                <td>{v.strategyId}</td>
                <td className={v.action === 'buy' ? 'gain' : v.action === 'sell' ? 'loss' : 'flat'}>
                  {v.action}
                </td>
                <td>{formatPercent(v.confidence)}</td>
                <td>{formatPercent(v.weight)}</td>
                <td>{signed(v.contribution)}</td>
                <td className="reason">{v.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="decision-penalty">
        <h3 id="decision-penalty">Correlation penalty</h3>
        <Facts
          rows={[
            ['Portfolio correlation', formatRatio(record.correlation.portfolioCorrelation, 3)],
            ['Penalty (confidence ×)', formatRatio(record.correlation.penalty, 3)],
          ]}
        />
      </section>
      <section aria-labelledby="decision-kelly">
        <h3 id="decision-kelly">Kelly inputs</h3>
        <Facts
          rows={[
            ['Shadow trades', String(kelly.trades)],
            ['Win rate', formatPercent(kelly.winRate)],
            ['Payoff (avg win / avg loss)', formatRatio(kelly.payoff)],
            ['Full Kelly', formatPercent(kelly.fullKelly)],
            ['Shrinkage', formatRatio(kelly.shrinkage)],
            ['Kelly used', formatPercent(kelly.kelly)],
            ['Breaker multiplier', `${record.breakerMultiplier.toFixed(2)}×`],
          ]}
        />
      </section>
      <section aria-labelledby="decision-size">
        <h3 id="decision-size">Final size</h3>
        <Facts
          rows={[
            ['Equity', formatMoney(record.equity)],
            ['Price', formatPrice(record.price)],
            ['Raw fraction', sizing ? formatPercent(sizing.rawFraction) : '—'],
            ['Fraction of equity', sizing ? formatPercent(sizing.fraction) : '—'],
            ['Notional', sizing ? formatMoney(sizing.notional) : '—'],
            ['Exposure after', exposure ? formatMaybePercent(exposure.exposureAfter) : '—'],
            ['Position', `${formatQty(record.currentQty)} → ${formatQty(record.targetQty)}`],
            ['Order', signed(record.orderQty, 6)],
          ]}
        />
        {sizing?.reasonIfZero && <p className="muted">{sizing.reasonIfZero}</p>}
        {exposure?.reason && <p className="muted">{exposure.reason}</p>}
        <p className="muted">{record.note}</p>
      </section>
    </>
  );
}

/** A position cut because its instrument's liquidation-cascade risk turned high. */
export function CascadeSections({ record }: { record: CascadeRecord }) {
  return (
    <section aria-labelledby="decision-cascade">
      <h3 id="decision-cascade">Liquidation-cascade cut</h3>
      <Facts
        rows={[
          ['Cascade level', record.cascade?.level ?? '—'],
          ['Score', record.cascade ? record.cascade.score.toFixed(3) : '—'],
          ['Share kept', formatPercent(record.keep, 0)],
          ['Position', `${formatQty(record.currentQty)} → ${formatQty(record.targetQty)}`],
        ]}
      />
    </section>
  );
}
