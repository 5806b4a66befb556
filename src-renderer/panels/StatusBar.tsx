import { useTerminal } from '../store/terminal-store';
import type { Bridge } from '../bridge/bridge';

/** Connection to the engine, the feed and the loop's health. */
export function StatusBar({ bridge }: { bridge: Bridge }) {
  const connection = useTerminal((s) => s.connection);
  const detail = useTerminal((s) => s.connectionDetail);
  const status = useTerminal((s) => s.snapshot?.status);
  const error = useTerminal((s) => s.lastError);
  return (
    <header className="status-bar">
      <h1>BotV2</h1>
      <span
        className={`connection ${connection}`}
        data-testid="connection"
        data-state={connection}
        role="status"
      >
        {connection === 'open' ? 'connected' : connection}
        {detail && connection !== 'open' ? `: ${detail}` : ''}
        <span className="muted"> ({bridge.transport})</span>
      </span>
      {status && (
        <span className="muted" data-testid="engine-status" data-events={status.events}>
          {status.feed} · ×{status.speed} · {status.events} events
          {status.rejectedEvents > 0 ? ` · ${status.rejectedEvents} rejected` : ''}
        </span>
      )}
      {status?.recovery && (
        <span className="notice" role="status" data-testid="recovery">
          {status.recovery}
        </span>
      )}
      {status?.fault && (
        <span className="fault" role="alert">
          {status.fault}
        </span>
      )}
      {error && (
        <span className="fault" role="alert">
          {error}
        </span>
      )}
    </header>
  );
}
