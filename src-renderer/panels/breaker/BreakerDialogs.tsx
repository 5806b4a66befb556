import type { Bridge } from '../../bridge/bridge';
import { ReasonDialog } from '../../components/ReasonDialog';
import { formatMoney, formatPercent } from '../../format';
import { useTerminal } from '../../store/terminal-store';
import { ForceLevelDialog } from './ForceLevelDialog';

/**
 * The confirmation dialogs of the breaker controls. Nothing acts until the trader confirms; a refusal by
 * the engine is shown in the dialog, which stays open.
 */
export function BreakerDialogs({ bridge }: { bridge: Bridge }) {
  const dialog = useTerminal((s) => s.breakerDialog);
  const initialReason = useTerminal((s) => s.breakerDialogReason);
  const breaker = useTerminal((s) => s.breaker);
  const equity = useTerminal((s) => s.snapshot?.portfolio.equity ?? null);
  const level3 = useTerminal((s) => s.riskMetrics?.limits.breakerLevels[2]?.drawdown ?? null);
  const close = useTerminal((s) => s.closeBreakerDialog);
  const fault = useTerminal((s) => s.snapshot?.status.fault ?? null);
  if (!dialog || !breaker) return null;

  const done = (result: { ok: true } | { ok: false; error: string }): string | null => {
    if (!result.ok) return result.error;
    close();
    return null;
  };

  switch (dialog) {
    case 'halt':
      return (
        <ReasonDialog
          title="Halt trading"
          description="No order that opens or increases a position will pass until you resume. Orders that reduce positions still pass."
          confirmLabel="Halt now"
          tone="danger"
          initialReason={initialReason}
          onConfirm={async (reason) => done(await bridge.halt({ reason }))}
          onCancel={close}
        />
      );
    case 'resume': {
      // Past level 3 the engine resumes only with an override reason, and then re-arms the breaker.
      const override = level3 !== null && breaker.drawdown >= level3 - 1e-12;
      return (
        <ReasonDialog
          title="Resume trading"
          description={
            override
              ? `The drawdown (${formatPercent(breaker.drawdown)}) is past level 3 (${formatPercent(level3)}). Resuming overrides the breaker and re-arms it at the current equity: give the reason for the override.`
              : fault !== null && !breaker.halted
                ? 'Trading stopped on a fault (see the status bar). Resume tries again from the last commit.'
                : 'Strategies may open positions again.'
          }
          confirmLabel="Resume"
          reasonLabel={override ? 'Override reason' : 'Reason'}
          reasonOptional={!override}
          onConfirm={async (reason) => done(await bridge.resume(reason ? { reason } : {}))}
          onCancel={close}
        />
      );
    }
    case 'force':
      return (
        <ForceLevelDialog
          onConfirm={async (level, durationMinutes, reason) =>
            done(await bridge.forceLevel({ level, durationMinutes, reason }))
          }
          onCancel={close}
        />
      );
    case 'rearm':
      return (
        <ReasonDialog
          title="Re-arm the breaker"
          description={`The peak becomes the current equity${equity === null ? '' : ` (${formatMoney(equity)})`}: drawdown and level restart from 0, and a forced level or cooldown ends.`}
          confirmLabel="Re-arm"
          onConfirm={async (reason) => done(await bridge.rearm({ reason }))}
          onCancel={close}
        />
      );
  }
}
