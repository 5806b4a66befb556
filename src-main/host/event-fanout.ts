import type { EventName, EventPayload } from '../../src-shared/ipc/contract';
import type { Logger } from '../log';
import type { HostListener } from './engine-host-options';

/**
 * The host's events to every subscriber (the Electron window, browser-mode sockets, tests). A listener
 * that throws is logged and skipped: it cannot stop the others, nor the step that emitted.
 */
export class EventFanout {
  private readonly listeners = new Set<HostListener>();

  constructor(private readonly logger: Logger) {}

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: HostListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch (error) {
        this.logger.error({ err: error, event: name }, 'event listener failed');
      }
    }
  }

  /** Drops every listener. */
  clear(): void {
    this.listeners.clear();
  }
}
