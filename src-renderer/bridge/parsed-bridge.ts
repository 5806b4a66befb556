import { contract, events, REQUEST_NAMES, EVENT_NAMES, type EventName } from '../../src-shared/ipc/contract';
import { describeZodError, err, resultSchema, type Result } from '../../src-shared/ipc/result';
import type { Bridge, ConnectionState } from './bridge';

/** A transport's raw operations; the bridge built over it parses everything it receives. */
export interface RawTransport {
  transport: Bridge['transport'];
  call(name: string, input: unknown): Promise<unknown>;
  subscribe(name: EventName, listener: (payload: unknown) => void): () => void;
  onConnection(listener: (state: ConnectionState, detail: string | null) => void): () => void;
}

const capitalize = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** Builds a Bridge over a transport: responses and events are checked against the contract's schemas. */
export function parsedBridge(raw: RawTransport): Bridge {
  const bridge: Record<string, unknown> = {
    transport: raw.transport,
    onConnection: raw.onConnection,
  };
  for (const name of REQUEST_NAMES) {
    const schema = resultSchema(contract[name].output);
    bridge[name] = async (input: unknown): Promise<Result<unknown>> => {
      let response: unknown;
      try {
        response = await raw.call(name, input);
      } catch (error) {
        return err(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const parsed = schema.safeParse(response);
      return parsed.success
        ? (parsed.data as Result<unknown>)
        : err(`${name}: malformed response (${describeZodError(parsed.error)})`);
    };
  }
  for (const name of EVENT_NAMES) {
    bridge[`on${capitalize(name)}`] = (listener: (payload: unknown) => void) =>
      raw.subscribe(name, (payload) => {
        const parsed = events[name].safeParse(payload);
        if (parsed.success) listener(parsed.data);
        else console.warn(`botv2: dropped a malformed ${name} event: ${describeZodError(parsed.error)}`);
      });
  }
  return bridge as unknown as Bridge;
}
