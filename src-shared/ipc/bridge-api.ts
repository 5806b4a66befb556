import type { EventName, EventPayload, RequestInput, RequestName, RequestOutput } from './contract';
import type { Result } from './result';

/**
 * What the renderer can call: one named function per request and one subscription per event. The Electron
 * preload implements it over IPC (unparsed); the renderer's Bridge wraps either transport and parses every
 * response and event with the contract's schemas.
 */
export type RequestApi = {
  [K in RequestName]: (input: RequestInput<K>) => Promise<Result<RequestOutput<K>>>;
};

export type EventApi = {
  [K in EventName as `on${Capitalize<K>}`]: (listener: (payload: EventPayload<K>) => void) => () => void;
};

/** The preload's raw surface: results and payloads arrive unparsed and are checked by the renderer. */
export type PreloadApi = {
  [K in RequestName]: (input: unknown) => Promise<unknown>;
} & {
  [K in EventName as `on${Capitalize<K>}`]: (listener: (payload: unknown) => void) => () => void;
};
