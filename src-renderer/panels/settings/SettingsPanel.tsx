import { useCallback, useEffect, useState } from 'react';
import type {
  SaveSettingsResult,
  SettingsProblem,
  SettingsView,
} from '../../../src-shared/ipc/dashboard-schemas';
import type { Bridge } from '../../bridge/bridge';
import { flattenSettings, placeProblems } from './settings-fields';
import { SettingsForm } from './SettingsForm';
import { YamlEditor } from './YamlEditor';

type Mode = 'form' | 'yaml';

/**
 * settings.yaml as a form (or as text): saved to the trader's settings file in the data directory after
 * the start-up loader accepted it; its problems are shown at their fields. Which sections could apply
 * live and which need a restart is marked on each section.
 */
export function SettingsPanel({ bridge }: { bridge: Bridge }) {
  const [view, setView] = useState<SettingsView | null>(null);
  const [mode, setMode] = useState<Mode>('form');
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [generation, setGeneration] = useState(0);

  const load = useCallback(async () => {
    const result = await bridge.settings({});
    if (!result.ok) return setError(result.error);
    setView(result.value);
    setProblems(result.value.problems);
    setGeneration((g) => g + 1);
  }, [bridge]);
  useEffect(() => void load(), [load]);

  const after = async (result: { ok: true; value: SaveSettingsResult } | { ok: false; error: string }) => {
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    if (!result.value.saved) {
      setProblems(result.value.problems);
      setStatus(null);
      return;
    }
    setProblems([]);
    const waiting = result.value.pendingRestart;
    setStatus(
      `Saved to ${result.value.file}.${waiting.length ? ` Changes to ${waiting.join(', ')} take effect at the next start.` : ''}`,
    );
    await load();
  };

  if (!view) return <p className="muted">{error ?? 'Loading the settings…'}</p>;
  // In the form, what no field can show (no key, or a key without a field) is listed here; in YAML, all.
  const general =
    mode === 'yaml' ? problems : placeProblems(flattenSettings(view.effective), problems).unplaced;
  return (
    <div className="view settings-view">
      <section className="panel" aria-labelledby="settings-title">
        <div className="panel-head">
          <h2 id="settings-title">Settings</h2>
          <div className="segmented" role="radiogroup" aria-label="Edit as">
            {(['form', 'yaml'] as const).map((m) => (
              <button key={m} type="button" role="radio" aria-checked={mode === m} onClick={() => setMode(m)}>
                {m === 'form' ? 'Form' : 'YAML text'}
              </button>
            ))}
          </div>
        </div>
        <p className="muted">
          Your settings file: <code>{view.userFile}</code>. Values you do not set keep the defaults.
        </p>
        {status && (
          <p className="ok" role="status" data-testid="settings-status">
            {status}
          </p>
        )}
        {error && (
          <p className="fault" role="alert">
            {error}
          </p>
        )}
        {problems.length > 0 && (
          <div className="problems" role="alert" data-testid="settings-problems">
            <p>
              The settings were not saved: {problems.length} problem{problems.length > 1 ? 's' : ''}.
            </p>
            {general.length > 0 && (
              <ul>
                {general.map((p) => (
                  <li key={p.message}>{p.message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {mode === 'form' ? (
          <SettingsForm
            key={generation}
            view={view}
            problems={problems}
            busy={busy}
            onSave={(changes) => {
              setBusy(true);
              void bridge.saveSettings({ changes }).then(after);
            }}
          />
        ) : (
          <YamlEditor
            key={generation}
            text={view.userYaml}
            busy={busy}
            onSave={(yaml) => {
              setBusy(true);
              void bridge.saveSettings({ yaml }).then(after);
            }}
          />
        )}
      </section>
    </div>
  );
}
