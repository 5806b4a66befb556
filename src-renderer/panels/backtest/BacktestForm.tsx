import { useState, type FormEvent, type ReactNode } from 'react';
import type { StartBacktestInput } from '../../../src-shared/ipc/backtest-schemas';
import { SCENARIOS } from '../../../src-shared/settings/sections/market';
import type { Bridge } from '../../bridge/bridge';
import { useTerminal } from '../../store/terminal-store';
import { INITIAL_FORM, toRequest, type BacktestFormValues, type FieldProblems } from './backtest-form-model';

interface FieldProps {
  id: string;
  label: string;
  problem: string | undefined;
  hint?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled input with its problem (or hint) under it, linked for screen readers. */
function Field({ id, label, problem, hint, children }: FieldProps) {
  const inputId = `backtest-${id}`;
  const noteId = `${inputId}-note`;
  const note = problem ?? hint;
  return (
    <div className="field" data-field={id}>
      <label htmlFor={inputId}>{label}</label>
      {children({
        id: inputId,
        'aria-invalid': problem !== undefined,
        ...(note ? { 'aria-describedby': noteId } : {}),
      })}
      {note && (
        <span id={noteId} className={problem ? 'field-error' : 'muted'} role={problem ? 'alert' : undefined}>
          {note}
        </span>
      )}
    </div>
  );
}

/** What to backtest and how: the data, the mode, its parameters. Problems show at their fields. */
export function BacktestForm({ bridge, onStarted }: { bridge: Bridge; onStarted: (runId: number) => void }) {
  const strategies = useTerminal((s) => s.snapshot?.strategies ?? []);
  const [values, setValues] = useState<BacktestFormValues>(INITIAL_FORM);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof BacktestFormValues>(key: K, value: BacktestFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const text = (key: keyof BacktestFormValues) => ({
    value: String(values[key]),
    onChange: (e: { target: { value: string } }) => set(key, e.target.value as never),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = toRequest(values);
    if (!checked.ok) return setProblems(checked.problems);
    setBusy(true);
    const result = await bridge.startBacktest(checked.request satisfies StartBacktestInput);
    setBusy(false);
    if (!result.ok) return setProblems({ '': result.error });
    if (!result.value.started) return setProblems({ [result.value.field]: result.value.message });
    setProblems({});
    onStarted(result.value.runId);
  };

  const browse = async () => {
    const result = await bridge.chooseDataFiles({});
    if (!result.ok) return setProblems({ files: result.error });
    if (result.value.files.length > 0) set('files', result.value.files.join('\n'));
  };

  const classic = values.mode === 'classic';
  return (
    <form className="backtest-form" aria-label="Backtest" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>Data</legend>
        <div role="radiogroup" aria-label="Data source" className="choices">
          {(
            [
              ['sample', 'S&P 500 sample (2000–2020, daily)'],
              ['csv', 'CSV files'],
              ['synthetic', 'Synthetic market'],
            ] as const
          ).map(([kind, label]) => (
            <label key={kind}>
              <input
                type="radio"
                name="source"
                checked={values.source === kind}
                onChange={() => set('source', kind)}
              />
              {label}
            </label>
          ))}
        </div>
        {values.source === 'csv' && (
          <Field id="files" label="Files (full paths, one per line)" problem={problems.files}>
            {(props) => (
              <div className="with-button">
                <textarea {...props} rows={2} spellCheck={false} {...text('files')} />
                {bridge.transport === 'electron' && (
                  <button type="button" onClick={() => void browse()}>
                    Browse…
                  </button>
                )}
              </div>
            )}
          </Field>
        )}
        {values.source === 'synthetic' && (
          <div className="row">
            <Field id="scenario" label="Scenario" problem={problems.scenario}>
              {(props) => (
                <select {...props} {...text('scenario')}>
                  {SCENARIOS.map((s) => (
                    <option key={s}>{s}</option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="steps" label="Steps" problem={problems.steps}>
              {(props) => <input {...props} inputMode="numeric" {...text('steps')} />}
            </Field>
          </div>
        )}
        <div className="row">
          <Field id="from" label="From" problem={problems.from}>
            {(props) => <input {...props} type="date" {...text('from')} />}
          </Field>
          <Field id="to" label="To" problem={problems.to}>
            {(props) => <input {...props} type="date" {...text('to')} />}
          </Field>
          <Field id="cash" label="Starting cash" problem={problems.cash}>
            {(props) => <input {...props} inputMode="decimal" {...text('cash')} />}
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend>Mode</legend>
        <div role="radiogroup" aria-label="Mode" className="choices" data-field="mode">
          <label>
            <input type="radio" name="mode" checked={!classic} onChange={() => set('mode', 'pipeline')} />
            Full pipeline (ensemble, sizing, risk, execution)
          </label>
          <label>
            <input type="radio" name="mode" checked={classic} onChange={() => set('mode', 'classic')} />
            Classic SMA crossover
          </label>
        </div>
        {problems.mode && (
          <span className="field-error" role="alert">
            {problems.mode}
          </span>
        )}
        {classic ? (
          <div className="row">
            {(
              [
                ['fast', 'Fast SMA'],
                ['slow', 'Slow SMA'],
                ['size', 'Size (units)'],
                ['commission', 'Commission'],
                ['slippage', 'Slippage'],
              ] as const
            ).map(([key, label]) => (
              <Field key={key} id={key} label={label} problem={problems[key]}>
                {(props) => <input {...props} inputMode="decimal" {...text(key)} />}
              </Field>
            ))}
          </div>
        ) : (
          <>
            <div className="row">
              <Field id="seed" label="Seed" problem={problems.seed}>
                {(props) => <input {...props} inputMode="numeric" {...text('seed')} />}
              </Field>
              {values.source !== 'synthetic' && (
                <Field
                  id="commission"
                  label="Commission"
                  problem={problems.commission}
                  hint="blank: the settings' CSV fees"
                >
                  {(props) => <input {...props} inputMode="decimal" {...text('commission')} />}
                </Field>
              )}
            </div>
            <fieldset className="strategy-choice" data-field="strategies">
              <legend>Strategies</legend>
              <label>
                <input
                  type="checkbox"
                  checked={values.allStrategies}
                  onChange={(e) => set('allStrategies', e.target.checked)}
                />
                All {strategies.length}
              </label>
              {!values.allStrategies && (
                <div className="strategy-list">
                  {strategies.map((s) => (
                    <label key={s.id}>
                      <input
                        type="checkbox"
                        value={s.id}
                        checked={values.strategies.includes(s.id)}
                        onChange={(e) =>
                          set(
                            'strategies',
                            e.target.checked
                              ? [...values.strategies, s.id]
                              : values.strategies.filter((id) => id !== s.id),
                          )
                        }
                      />
                      {s.name}
                    </label>
                  ))}
                </div>
              )}
              {problems.strategies && (
                <span className="field-error" role="alert">
                  {problems.strategies}
                </span>
              )}
            </fieldset>
          </>
        )}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Run backtest
        </button>
        {problems[''] && (
          <span className="field-error" role="alert">
            {problems['']}
          </span>
        )}
      </div>
    </form>
  );
}
