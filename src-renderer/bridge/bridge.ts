import type { EventApi, RequestApi } from '../../src-shared/ipc/bridge-api';

export type ConnectionState = 'connecting' | 'open' | 'closed';

/** The renderer's only way to the engine: every request and event of the contract, already parsed. */
export interface Bridge extends RequestApi, EventApi {
  readonly transport: 'electron' | 'websocket';
  onConnection(listener: (state: ConnectionState, detail: string | null) => void): () => void;
}
