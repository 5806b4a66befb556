import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { BreakerLevel } from '../../../src-shared/domain/risk';
import { LEVEL_NAMES } from './level-names';

export interface ForceLevelDialogProps {
  onConfirm(level: BreakerLevel, durationMinutes: number, reason: string): Promise<string | null>;
  onCancel(): void;
}

const LEVELS: readonly BreakerLevel[] = [0, 1, 2, 3];

/** Asks for the level, how long (engine minutes) and why; the engine's refusal is shown in the dialog. */
export function ForceLevelDialog(props: ForceLevelDialogProps) {
  const [level, setLevel] = useState<BreakerLevel>(1);
  const [duration, setDuration] = useState('60');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ duration?: string; reason?: string; action?: string }>({});
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const durationError = useId();
  const reasonError = useId();

  useEffect(() => first.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const minutes = Number(duration.trim());
    const problems: typeof errors = {};
    if (duration.trim() === '' || !Number.isFinite(minutes) || minutes <= 0)
      problems.duration = 'Enter a positive number of minutes.';
    else if (minutes > 525_600) problems.duration = 'At most a year (525 600 minutes).';
    if (!reason.trim()) problems.reason = 'A reason is required.';
    setErrors(problems);
    if (problems.duration || problems.reason) return;
    setBusy(true);
    const failure = await props.onConfirm(level, minutes, reason.trim());
    setBusy(false);
    if (failure) setErrors({ action: failure });
  };

  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        onSubmit={(e) => void submit(e)}
        noValidate
      >
        <h2 id={titleId}>Force a breaker level</h2>
        <p id={descriptionId}>
          The level you choose applies whatever the drawdown until the time runs out (engine time); then the
          automatic level applies again. Level 3 stops opening trades.
        </p>
        <label>
          Level
          <select
            ref={first}
            value={level}
            onChange={(e) => setLevel(Number(e.target.value) as BreakerLevel)}
          >
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Duration (minutes of engine time)
          <input
            type="text"
            inputMode="decimal"
            value={duration}
            aria-invalid={errors.duration !== undefined}
            aria-describedby={errors.duration ? durationError : undefined}
            onChange={(e) => setDuration(e.target.value)}
          />
        </label>
        {errors.duration && (
          <p id={durationError} className="field-error">
            {errors.duration}
          </p>
        )}
        <label>
          Reason
          <textarea
            value={reason}
            rows={2}
            maxLength={500}
            aria-invalid={errors.reason !== undefined}
            aria-describedby={errors.reason ? reasonError : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        {errors.reason && (
          <p id={reasonError} className="field-error">
            {errors.reason}
          </p>
        )}
        {errors.action && (
          <p className="dialog-error" role="alert">
            {errors.action}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={props.onCancel} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="danger" disabled={busy}>
            Force level
          </button>
        </div>
      </form>
    </div>
  );
}
