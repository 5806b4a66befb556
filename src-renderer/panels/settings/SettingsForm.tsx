import { useMemo, useState, type FormEvent } from 'react';
import type { SettingsProblem, SettingsView } from '../../../src-shared/ipc/dashboard-schemas';
import { flattenSettings, placeProblems, valueOf, type SettingsField } from './settings-fields';

export interface SettingsFormProps {
  view: SettingsView;
  problems: SettingsProblem[];
  busy: boolean;
  onSave(changes: { path: (string | number)[]; value: unknown }[]): void;
}

function badge(view: SettingsView, key: string): { text: string; title: string; className: string } {
  const section = view.sections.find((s) => s.key === key);
  if (!section || section.applies === 'restart')
    return { text: 'Needs a restart', title: section?.note ?? '', className: 'badge restart' };
  if (view.liveApply) return { text: 'Applies live', title: section.note, className: 'badge live' };
  return {
    text: 'Applies at next start',
    title: `${section.note}; this version applies saved changes at the next start`,
    className: 'badge next-start',
  };
}

/** The settings as a form, a section per top-level key; each problem of a save is shown at its field. */
export function SettingsForm({ view, problems, busy, onSave }: SettingsFormProps) {
  const fields = useMemo(() => flattenSettings(view.effective), [view.effective]);
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  const [open, setOpen] = useState<Record<string, boolean>>({ risk: true });
  const { atField } = placeProblems(fields, problems);
  const sections = [...new Set(fields.map((f) => f.section))];
  const changed = fields.filter((f) => f.key in values && values[f.key] !== f.initial);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(changed.map((f) => ({ path: f.path, value: valueOf(f, values[f.key]!) })));
  };

  return (
    <form className="settings-form" onSubmit={submit} aria-label="Settings" noValidate>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || changed.length === 0}>
          Save settings
        </button>
        <span className="muted">
          {changed.length === 0 ? 'No changes' : `${changed.length} change${changed.length > 1 ? 's' : ''}`}
        </span>
        <button type="button" disabled={busy || changed.length === 0} onClick={() => setValues({})}>
          Discard changes
        </button>
      </div>
      {sections.map((section) => {
        const inSection = fields.filter((f) => f.section === section);
        const hasProblem = inSection.some((f) => atField.has(f.key));
        const b = badge(view, section);
        return (
          <details
            key={section}
            open={hasProblem || open[section] === true}
            onToggle={(e) => {
              const isOpen = (e.currentTarget as HTMLDetailsElement).open;
              setOpen((o) => (o[section] === isOpen ? o : { ...o, [section]: isOpen }));
            }}
            data-section={section}
          >
            <summary>
              <span className="section-name">{section}</span>{' '}
              <span className={b.className} title={b.title} data-testid={`applies-${section}`}>
                {b.text}
              </span>
              {view.pendingRestart.includes(section) && (
                <span className="badge pending"> saved, waiting for a restart</span>
              )}
            </summary>
            <div className="fields">
              {inSection.map((field) => (
                <FieldInput
                  key={field.key}
                  field={field}
                  value={values[field.key] ?? field.initial}
                  problems={atField.get(field.key) ?? []}
                  onChange={(v) => setValues((all) => ({ ...all, [field.key]: v }))}
                />
              ))}
            </div>
          </details>
        );
      })}
    </form>
  );
}

/** The loader's message without the file and line; with the key when it names a list or section. */
function shortMessage(problem: SettingsProblem, key: string): string {
  const at = problem.message.indexOf(`${problem.path}: `);
  const text = at < 0 ? problem.message : problem.message.slice(at + problem.path.length + 2);
  return problem.path === key ? text : `${problem.path}: ${text}`;
}

function FieldInput(props: {
  field: SettingsField;
  value: string | boolean;
  problems: SettingsProblem[];
  onChange(value: string | boolean): void;
}) {
  const { field, value, problems } = props;
  const id = `setting-${field.key}`;
  const errorId = `${id}-error`;
  const label = field.key.slice(field.section.length).replace(/^\./, '') || field.section;
  const invalid = problems.length > 0;
  return (
    <div className={`field${invalid ? ' invalid' : ''}`} data-key={field.key}>
      <label htmlFor={id}>{label}</label>
      {field.kind === 'boolean' ? (
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
          onChange={(e) => props.onChange(e.target.checked)}
        />
      ) : (
        <input
          id={id}
          type="text"
          inputMode={field.kind === 'number' ? 'decimal' : undefined}
          value={String(value)}
          placeholder={field.kind === 'list' ? 'comma-separated' : undefined}
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
      {invalid && (
        <p id={errorId} className="field-error" role="alert">
          {problems.map((p) => shortMessage(p, field.key)).join('; ')}
        </p>
      )}
    </div>
  );
}
