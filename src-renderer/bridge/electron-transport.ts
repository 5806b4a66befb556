import type { PreloadApi } from '../../src-shared/ipc/bridge-api';
import type { EventName } from '../../src-shared/ipc/contract';
import type { RawTransport } from './parsed-bridge';

declare global {
  interface Window {
    botv2?: PreloadApi;
  }
}

const capitalize = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** The Electron preload's functions (window.botv2). IPC is up as long as the window lives. */
export function electronTransport(api: PreloadApi): RawTransport {
  return {
    transport: 'electron',
    call: (name, input) => {
      const fn = (api as unknown as Record<string, (input: unknown) => Promise<unknown>>)[name];
      return fn ? fn(input) : Promise.reject(new Error(`the preload has no ${name}`));
    },
    subscribe: (name: EventName, listener) =>
      (api as unknown as Record<string, (l: (p: unknown) => void) => () => void>)[`on${capitalize(name)}`]!(
        listener,
      ),
    onConnection: (listener) => {
      listener('open', null);
      return () => undefined;
    },
  };
}
