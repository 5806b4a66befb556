import { useEffect, useRef } from 'react';
import { useTerminal } from './terminal-store';

/**
 * Runs `load` now and then every `intervalMs` while `active` and the engine is connected; a call never
 * starts while the previous one is still running, and none runs after unmount.
 */
export function usePolling(load: () => Promise<void>, intervalMs: number, active = true): void {
  const connected = useTerminal((s) => s.connection === 'open');
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    if (!active || !connected) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const run = async () => {
      try {
        await latest.current();
      } finally {
        if (!stopped) timer = setTimeout(() => void run(), intervalMs);
      }
    };
    void run();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [active, connected, intervalMs]);
}
