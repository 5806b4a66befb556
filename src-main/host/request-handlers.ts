import {
  contract,
  isRequestName,
  type ParsedInput,
  type RequestName,
  type RequestOutput,
} from '../../src-shared/ipc/contract';
import { describeZodError, err, type Result } from '../../src-shared/ipc/result';
import type { Logger } from '../log';
import type { EngineHost } from './engine-host';

type Handlers = { [K in RequestName]: (input: ParsedInput<K>) => Result<RequestOutput<K>> };

function handlersFor(host: EngineHost): Handlers {
  return {
    snapshot: () => ({ ok: true, value: host.snapshot() }),
    trades: ({ offset, limit, instrument, strategy, side }) => ({
      ok: true,
      value: host.read.executionsPage(offset, limit, { instrument, strategy, side }),
    }),
    equityHistory: ({ maxPoints }) => ({ ok: true, value: host.equityHistory(maxPoints) }),
    breakerEvents: ({ limit }) => ({ ok: true, value: host.read.breakerEvents(limit) }),
    halt: ({ reason }) => host.halt(reason),
    resume: ({ reason }) => host.resume(reason),
    forceLevel: ({ level, durationMinutes, reason }) => host.forceLevel(level, durationMinutes, reason),
    rearm: ({ reason }) => host.rearm(reason),
    strategyTable: () => ({ ok: true, value: host.strategyTable() }),
    riskView: () => ({ ok: true, value: host.riskView() }),
  };
}

export type Dispatch = (name: unknown, rawInput: unknown) => Result<unknown>;

/**
 * The one entry point both transports call: checks the request name, parses the payload with the contract's
 * schema, runs the handler, and turns anything thrown into an error result. Nothing throws across.
 */
export function createDispatch(host: EngineHost, logger: Logger): Dispatch {
  const handlers = handlersFor(host);
  return (name, rawInput) => {
    if (!isRequestName(name))
      return err(`unknown request: ${typeof name === 'string' ? name.slice(0, 64) : typeof name}`);
    const parsed = contract[name].input.safeParse(rawInput ?? {});
    if (!parsed.success) return err(`invalid ${name} request: ${describeZodError(parsed.error)}`);
    try {
      const handler = handlers[name] as (input: unknown) => Result<unknown>;
      return handler(parsed.data);
    } catch (error) {
      logger.error({ err: error, request: name }, 'request failed');
      return err(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
