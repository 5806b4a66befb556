import { useEffect } from 'react';
import { useTerminal } from '../../store/terminal-store';

/** The keyboard halt: Ctrl+Shift+H (⌘+Shift+H on a Mac). */
export const HALT_SHORTCUT = 'Control+Shift+H';
export const HALT_SHORTCUT_LABEL = 'Ctrl+Shift+H';
const KEYBOARD_REASON = 'Emergency halt from the keyboard';

/**
 * Ctrl+Shift+H anywhere opens the halt confirmation with a reason filled in; Enter then halts. Nothing
 * halts without that confirmation.
 */
export function useHaltShortcut(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.key.toLowerCase() !== 'h') return;
      event.preventDefault();
      const state = useTerminal.getState();
      if (!state.breaker || state.breaker.halted) return;
      state.openBreakerDialog('halt', KEYBOARD_REASON);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
