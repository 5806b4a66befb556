import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

export interface ReasonDialogProps {
  title: string;
  description: string;
  confirmLabel: string;
  /** When true the reason may be left empty. */
  reasonOptional?: boolean;
  /** A reason to start with (editable). */
  initialReason?: string;
  /** Label of the reason field. */
  reasonLabel?: string;
  tone?: 'danger' | 'normal';
  onConfirm(reason: string): Promise<string | null>;
  onCancel(): void;
}

/** A modal confirmation that asks for a reason; shows the engine's refusal if the action fails. */
export function ReasonDialog(props: ReasonDialogProps) {
  const [reason, setReason] = useState(props.initialReason ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    if (!props.reasonOptional && !reason.trim()) {
      setError('A reason is required.');
      return;
    }
    setBusy(true);
    const failure = await props.onConfirm(reason.trim());
    setBusy(false);
    if (failure) setError(failure);
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
      >
        <h2 id={titleId}>{props.title}</h2>
        <p id={descriptionId}>{props.description}</p>
        <label>
          {props.reasonLabel ?? 'Reason'}
          {props.reasonOptional ? ' (optional)' : ''}
          <textarea
            ref={input}
            name="reason"
            value={reason}
            maxLength={500}
            rows={3}
            aria-invalid={error !== null}
            aria-keyshortcuts="Enter"
            onKeyDown={(e) => {
              // Enter confirms (Shift+Enter starts a new line), so a keyboard halt is two keys.
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                void submit();
              }
            }}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
          />
        </label>
        {error && (
          <p className="dialog-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={props.onCancel} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className={props.tone === 'danger' ? 'danger' : 'primary'} disabled={busy}>
            {props.confirmLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
