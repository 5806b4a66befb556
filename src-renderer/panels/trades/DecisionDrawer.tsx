import { useEffect, useId, useRef, useState } from 'react';
import type { DecisionDetail } from '../../../src-shared/ipc/dashboard-schemas';
import type { Bridge } from '../../bridge/bridge';
import { formatMoney, formatPrice, formatQty, formatSignedMoney, formatTime, tone } from '../../format';
import { useTerminal } from '../../store/terminal-store';
import { CascadeSections, EnsembleSections, Facts } from './DecisionSections';

/**
 * The decision record of one trade, beside the log: the fill, its order, and what produced the order
 * (votes, weights, penalty, Kelly inputs, final size). Escape or Close returns focus to where it was.
 */
export function DecisionDrawer({ bridge }: { bridge: Bridge }) {
  const fillId = useTerminal((s) => s.decisionFillId);
  const close = useTerminal((s) => s.closeDecision);
  const [detail, setDetail] = useState<DecisionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    if (fillId === null) return;
    returnTo.current = document.activeElement as HTMLElement | null;
    let current = true;
    setDetail(null);
    setError(null);
    void bridge.decisionRecord({ fillId }).then((result) => {
      if (!current) return;
      if (result.ok) setDetail(result.value);
      else setError(result.error);
    });
    closeButton.current?.focus();
    return () => {
      current = false;
    };
  }, [bridge, fillId]);

  if (fillId === null) return null;
  const dismiss = () => {
    close();
    returnTo.current?.focus();
  };
  const fill = detail?.fill;
  const decision = detail?.decision;

  return (
    <aside
      className="drawer"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      data-testid="decision-drawer"
      onKeyDown={(e) => e.key === 'Escape' && dismiss()}
    >
      <div className="drawer-head">
        <h2 id={titleId}>Trade #{fillId}: decision record</h2>
        <button ref={closeButton} type="button" onClick={dismiss}>
          Close
        </button>
      </div>
      {error && (
        <p className="fault" role="alert">
          {error}
        </p>
      )}
      {!detail && !error && <p className="muted">Loading…</p>}
      {fill && (
        <section aria-labelledby="decision-fill">
          <h3 id="decision-fill">Trade</h3>
          <Facts
            rows={[
              ['Time', formatTime(fill.time)],
              ['Instrument', fill.instrument],
              ['Side', <span className={fill.side === 'buy' ? 'gain' : 'loss'}>{fill.side}</span>],
              ['Quantity', formatQty(fill.qty)],
              ['Price', formatPrice(fill.price)],
              ['Effect', fill.effect],
              [
                'Realised',
                <span className={tone(fill.realizedPnl)}>{formatSignedMoney(fill.realizedPnl)}</span>,
              ],
              ['Commission', `${formatMoney(fill.commission)} (${fill.liquidity})`],
              ['Strategy', fill.strategy],
            ]}
          />
        </section>
      )}
      {detail && (
        <section aria-labelledby="decision-order">
          <h3 id="decision-order">Order</h3>
          {detail.order ? (
            <Facts
              rows={[
                [
                  'Order',
                  `#${detail.order.id} ${detail.order.type} ${detail.order.side} ${formatQty(detail.order.qty)}`,
                ],
                ['Status', `${detail.order.status} (${formatQty(detail.order.filledQty)} filled)`],
                ['Reason', detail.order.reason],
              ]}
            />
          ) : (
            <p className="muted">No order: the position was closed by a contract settling.</p>
          )}
        </section>
      )}
      {decision?.ensemble && <EnsembleSections record={decision.ensemble} />}
      {decision?.cascade && <CascadeSections record={decision.cascade} />}
      {detail && detail.order && !decision && <p className="muted">This order carries no decision record.</p>}
      {decision && (
        <details>
          <summary>Record as stored (JSON)</summary>
          <pre className="raw">{JSON.stringify(decision.raw, null, 2)}</pre>
        </details>
      )}
    </aside>
  );
}
