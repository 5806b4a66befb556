import { formatMoney, formatQty, formatSignedMoney, formatTime, tone } from '../format';
import { useTerminal } from '../store/terminal-store';

const SHOWN = 200;

/** The newest trades, pushed live. */
export function TradeLog() {
  const trades = useTerminal((s) => s.trades);
  const total = useTerminal((s) => s.tradeTotal);
  return (
    <section className="panel trades" aria-labelledby="trades-title">
      <h2 id="trades-title">
        Trades{' '}
        <span className="muted" data-testid="trade-total">
          {total}
        </span>
      </h2>
      <div className="scroll">
        <table data-testid="trade-log">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Instrument</th>
              <th scope="col">Side</th>
              <th scope="col">Qty</th>
              <th scope="col">Price</th>
              <th scope="col">Effect</th>
              <th scope="col">Realised</th>
              <th scope="col">Commission</th>
              <th scope="col">Strategy</th>
            </tr>
          </thead>
          <tbody>
            {trades.length === 0 && (
              <tr>
                <td colSpan={9} className="muted">
                  No trades yet
                </td>
              </tr>
            )}
            {trades.slice(0, SHOWN).map((t) => (
              <tr key={t.id} data-trade-id={t.id} data-effect={t.effect} title={t.reason}>
                <td>{formatTime(t.time)}</td>
                <td>{t.instrument}</td>
                <td className={t.side === 'buy' ? 'gain' : 'loss'}>{t.side}</td>
                <td>{formatQty(t.qty)}</td>
                <td>{formatMoney(t.price)}</td>
                <td>{t.effect}</td>
                <td className={tone(t.realizedPnl)}>{formatSignedMoney(t.realizedPnl)}</td>
                <td>{formatMoney(t.commission)}</td>
                <td>{t.strategy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
