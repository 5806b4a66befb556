import { formatMoney, formatPercent, formatPrice, formatQty, formatSignedMoney, tone } from '../format';
import { useTerminal } from '../store/terminal-store';

/** Equity, cash, P&L and open positions. */
export function PortfolioSummary() {
  const snapshot = useTerminal((s) => s.snapshot);
  if (!snapshot) return null;
  const { portfolio, positions } = snapshot;
  const totalReturn = portfolio.equity / portfolio.initialCash - 1;
  return (
    <section className="panel summary" aria-labelledby="summary-title">
      <h2 id="summary-title">Portfolio</h2>
      <dl className="figures">
        <div>
          <dt>Equity</dt>
          <dd data-testid="equity-value">{formatMoney(portfolio.equity)}</dd>
        </div>
        <div>
          <dt>Return</dt>
          <dd className={tone(totalReturn)}>
            {(totalReturn >= 0 ? '+' : '−') + formatPercent(Math.abs(totalReturn))}
          </dd>
        </div>
        <div>
          <dt>Cash</dt>
          <dd>{formatMoney(portfolio.cash)}</dd>
        </div>
        <div>
          <dt>Realised P&amp;L</dt>
          <dd className={tone(portfolio.realizedPnl)}>{formatSignedMoney(portfolio.realizedPnl)}</dd>
        </div>
        <div>
          <dt>Unrealised P&amp;L</dt>
          <dd className={tone(portfolio.unrealizedPnl)}>{formatSignedMoney(portfolio.unrealizedPnl)}</dd>
        </div>
        <div>
          <dt>Commissions</dt>
          <dd>{formatMoney(portfolio.commissions)}</dd>
        </div>
      </dl>
      <table className="positions">
        <caption>Open positions</caption>
        <thead>
          <tr>
            <th scope="col">Instrument</th>
            <th scope="col">Qty</th>
            <th scope="col">Avg price</th>
            <th scope="col">Last</th>
            <th scope="col">Unrealised</th>
          </tr>
        </thead>
        <tbody>
          {positions.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                Flat
              </td>
            </tr>
          )}
          {positions.map((p) => (
            <tr key={p.instrument}>
              <td>{p.instrument}</td>
              <td className={tone(p.qty)}>{formatQty(p.qty)}</td>
              <td>{formatPrice(p.avgPrice)}</td>
              <td>{formatPrice(p.lastPrice)}</td>
              <td className={tone(p.unrealizedPnl)}>{formatSignedMoney(p.unrealizedPnl)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
