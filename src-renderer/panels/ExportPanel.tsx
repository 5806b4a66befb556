import { useState } from 'react';
import type { ExportFormat } from '../../src-shared/ipc/dashboard-schemas';
import type { Bridge } from '../bridge/bridge';

const CSV_TABLES = [
  ['trades.csv', 'Round trips (trades.csv)'],
  ['fills.csv', 'Executions (fills.csv)'],
  ['checkpoints.csv', 'Portfolio checkpoints (checkpoints.csv)'],
] as const;

/**
 * Exports: a consistent copy of the database (SQLite online backup, safe while trading runs) and the
 * tables as CSV. In a browser they download from this server; in the desktop app the main process asks
 * where to save them.
 */
export function ExportPanel({ bridge }: { bridge: Bridge }) {
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const exportVia = async (format: ExportFormat) => {
    setBusy(true);
    setError(null);
    const result = await bridge.exportData({ format });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    if (!result.value.done) return setStatus('Export cancelled.');
    const files = result.value.files.map((f) => (f.rows === null ? f.name : `${f.name} (${f.rows} rows)`));
    setStatus(`Exported to ${result.value.path}: ${files.join(', ')}.`);
  };

  return (
    <div className="view data-view">
      <section className="panel" aria-labelledby="export-title">
        <h2 id="export-title">Export</h2>
        {bridge.transport === 'websocket' ? (
          <>
            <p>Each download is made fresh when you click it; trading keeps running meanwhile.</p>
            <ul className="downloads">
              <li>
                <a href="export/botv2.sqlite" download data-testid="download-database">
                  Database copy (botv2.sqlite)
                </a>{' '}
                <span className="muted">the whole history, checked with integrity_check</span>
              </li>
              {CSV_TABLES.map(([file, label]) => (
                <li key={file}>
                  <a href={`export/${file}`} download data-testid={`download-${file}`}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => void exportVia('database')}>
              Export the database…
            </button>
            <button type="button" disabled={busy} onClick={() => void exportVia('csv')}>
              Export CSV files…
            </button>
          </div>
        )}
        {status && (
          <p className="ok" role="status">
            {status}
          </p>
        )}
        {error && (
          <p className="fault" role="alert">
            {error}
          </p>
        )}
      </section>
    </div>
  );
}
