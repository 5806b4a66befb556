import { useState } from 'react';
import type { Bridge } from '../../bridge/bridge';
import { formatPercent, formatTime } from '../../format';
import { useTerminal } from '../../store/terminal-store';
import { LEVEL_NAMES } from './level-names';
import { enableNotifications } from './use-breaker-notifications';
import { HALT_SHORTCUT, HALT_SHORTCUT_LABEL } from './use-halt-shortcut';

const SHOWN_EVENTS = 50;

/** The circuit breaker's state, the trader's controls (each confirmed in a dialog) and the audit list. */
export function BreakerControls({ bridge }: { bridge: Bridge }) {
  const breaker = useTerminal((s) => s.breaker);
  const events = useTerminal((s) => s.breakerEvents);
  const open = useTerminal((s) => s.openBreakerDialog);
  const notifications = useTerminal((s) => s.notifications);
  // After a storage fault the host waits for Resume (the status bar says so) even when not halted.
  const fault = useTerminal((s) => s.snapshot?.status.fault ?? null);
  const [showAll, setShowAll] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  if (!breaker) return null;

  const loadAll = async () => {
    const result = await bridge.breakerEvents({ limit: 1000 });
    if (!result.ok) return setLoadError(result.error);
    useTerminal.getState().setBreakerEvents(result.value);
    setShowAll(true);
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
        {breaker.forcedUntil !== null && (
          <span className="muted"> · forced until {formatTime(breaker.forcedUntil)}</span>
        )}
        {breaker.cooldownUntil !== null && (
          <span className="muted"> · cooldown until {formatTime(breaker.cooldownUntil)}</span>
        )}
      </div>
      <dl className="figures compact">
        <div>
          <dt>Drawdown</dt>
          <dd data-testid="breaker-drawdown">{formatPercent(breaker.drawdown)}</dd>
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
      <div className="actions wrap">
        <button
          type="button"
          className="danger"
          disabled={breaker.halted}
          aria-keyshortcuts={HALT_SHORTCUT}
          title={`Halt trading (${HALT_SHORTCUT_LABEL})`}
          onClick={() => open('halt')}
        >
          Halt trading
        </button>
        <button
          type="button"
          className="primary"
          disabled={!breaker.halted && fault === null}
          onClick={() => open('resume')}
        >
          Resume
        </button>
        <button type="button" onClick={() => open('force')}>
          Force level…
        </button>
        <button type="button" onClick={() => open('rearm')}>
          Re-arm…
        </button>
      </div>
      <p className="hint muted">
        Keyboard: <kbd>{HALT_SHORTCUT_LABEL}</kbd> opens the halt confirmation from anywhere.
      </p>
      <p className="hint" data-testid="notifications" data-state={notifications}>
        {notifications === 'granted' && 'Desktop notification when the breaker trips: on.'}
        {notifications === 'denied' && 'Desktop notifications are blocked in this browser.'}
        {notifications === 'unsupported' && 'Desktop notifications are not available here.'}
        {notifications === 'default' && (
          <button type="button" onClick={() => void enableNotifications()}>
            Notify me when the breaker trips
          </button>
        )}
      </p>
      <h3 id="audit-title">Audit: every manual and automatic event</h3>
      <ol className="audit" aria-labelledby="audit-title" data-testid="breaker-audit">
        {events.slice(0, showAll ? events.length : SHOWN_EVENTS).map((e, i) => (
          <li key={`${e.time}-${e.kind}-${i}`} data-kind={e.kind} data-actor={e.actor}>
            <time>{formatTime(e.time)}</time> <span className={`kind ${e.kind}`}>{e.kind}</span>{' '}
            <span className="muted">
              ({e.actor === 'trader' ? 'trader' : 'auto'}, L{e.before.level}→L{e.after.level})
            </span>{' '}
            {e.reason}
          </li>
        ))}
        {events.length === 0 && <li className="muted">No breaker events yet</li>}
      </ol>
      {!showAll && (
        <button type="button" className="link" onClick={() => void loadAll()}>
          Show the full audit history
        </button>
      )}
      {loadError && (
        <p className="fault" role="alert">
          {loadError}
        </p>
      )}
    </section>
  );
}
