import { useState } from 'react';
import type { Bridge } from '../bridge/bridge';
import { ReasonDialog } from '../components/ReasonDialog';
import { formatPercent, formatTime } from '../format';
import { useTerminal } from '../store/terminal-store';

const LEVEL_NAMES = ['Normal', 'Level 1 (caution)', 'Level 2 (reduce)', 'Level 3 (stopped)'] as const;

/** The circuit breaker's state, the trader's Halt and Resume, and the audit list. */
export function BreakerControls({ bridge }: { bridge: Bridge }) {
  const breaker = useTerminal((s) => s.breaker);
  const events = useTerminal((s) => s.breakerEvents);
  const [dialog, setDialog] = useState<'halt' | 'resume' | null>(null);
  if (!breaker) return null;

  const act = async (kind: 'halt' | 'resume', reason: string): Promise<string | null> => {
    const result =
      kind === 'halt' ? await bridge.halt({ reason }) : await bridge.resume(reason ? { reason } : {});
    if (!result.ok) return result.error;
    setDialog(null);
    return null;
  };

  return (
    <section className="panel breaker" aria-labelledby="breaker-title">
      <h2 id="breaker-title">Circuit breaker</h2>
      <div
        className={`breaker-state level-${breaker.level}${breaker.halted ? ' halted' : ''}`}
        data-testid="breaker-state"
        data-halted={breaker.halted}
        data-level={breaker.level}
        role="status"
        aria-live="polite"
      >
        <strong>{breaker.halted ? 'HALTED' : LEVEL_NAMES[breaker.level]}</strong>
        {breaker.halted && <span className="halt-reason">“{breaker.haltReason}”</span>}
      </div>
      <dl className="figures compact">
        <div>
          <dt>Drawdown</dt>
          <dd>{formatPercent(breaker.drawdown)}</dd>
        </div>
        <div>
          <dt>Size multiplier</dt>
          <dd>{breaker.sizeMultiplier.toFixed(2)}×</dd>
        </div>
        <div>
          <dt>Opening trades</dt>
          <dd>{breaker.openingAllowed ? 'allowed' : 'blocked'}</dd>
        </div>
      </dl>
      <div className="actions">
        <button type="button" className="danger" disabled={breaker.halted} onClick={() => setDialog('halt')}>
          Halt trading
        </button>
        <button
          type="button"
          className="primary"
          disabled={!breaker.halted}
          onClick={() => setDialog('resume')}
        >
          Resume
        </button>
      </div>
      <ol className="audit" aria-label="Breaker events">
        {events.slice(0, 20).map((e, i) => (
          <li key={`${e.time}-${i}`}>
            <time>{formatTime(e.time)}</time> <span className={`kind ${e.kind}`}>{e.kind}</span>{' '}
            {e.actor === 'trader' ? '(trader)' : '(auto)'} {e.reason}
          </li>
        ))}
      </ol>
      {dialog === 'halt' && (
        <ReasonDialog
          title="Halt trading"
          description="No order that opens or increases a position will pass until you resume. Orders that reduce positions still pass."
          confirmLabel="Halt now"
          tone="danger"
          onConfirm={(reason) => act('halt', reason)}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog === 'resume' && (
        <ReasonDialog
          title="Resume trading"
          description="Strategies may open positions again."
          confirmLabel="Resume"
          reasonOptional
          onConfirm={(reason) => act('resume', reason)}
          onCancel={() => setDialog(null)}
        />
      )}
    </section>
  );
}
