import { useEffect } from 'react';
import { formatPercent } from '../../format';
import { useTerminal } from '../../store/terminal-store';
import type { NotificationState } from '../../store/ui-slice';

const permission = (): NotificationState =>
  typeof Notification === 'undefined' ? 'unsupported' : (Notification.permission as NotificationState);

/** Asks the browser (or Electron) to allow desktop notifications; needs a click by the trader. */
export async function enableNotifications(): Promise<void> {
  if (typeof Notification === 'undefined') return;
  const answer = await Notification.requestPermission();
  useTerminal.getState().setNotifications(answer as NotificationState);
}

/**
 * A desktop notification whenever the breaker trips (an automatic step up, pushed live), when the trader
 * allowed them. Events loaded with the history never notify.
 */
export function useBreakerNotifications(): void {
  useEffect(() => {
    useTerminal.getState().setNotifications(permission());
    return useTerminal.subscribe((state, previous) => {
      const event = state.lastPushedBreakerEvent;
      if (!event || event === previous.lastPushedBreakerEvent || event.kind !== 'trip') return;
      if (permission() !== 'granted') return;
      new Notification('BotV2: circuit breaker tripped', {
        body: `Level ${event.after.level}, drawdown ${formatPercent(event.after.drawdown)}: ${event.reason}`,
        tag: 'botv2-breaker',
      });
    });
  }, []);
}
