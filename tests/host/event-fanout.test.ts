import { describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../src-shared/ipc/contract';
import { createLogger } from '../../src-main/log';
import { EventFanout } from '../../src-main/host/event-fanout';

describe('EventFanout', () => {
  it('gives every event to every listener, logs and skips one that throws, and stops after unsubscribe', () => {
    const logger = createLogger(null, 'error');
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const fanout = new EventFanout(logger);
    const seen: EventName[] = [];
    fanout.subscribe(() => {
      throw new Error('broken listener');
    });
    const unsubscribe = fanout.subscribe((name) => seen.push(name));
    fanout.emit('equity', { time: 1, equity: 100, drawdown: 0 });
    expect(seen).toEqual(['equity']);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]![1]).toBe('event listener failed');
    unsubscribe();
    fanout.emit('equity', { time: 2, equity: 101, drawdown: 0 });
    expect(seen).toEqual(['equity']); // unsubscribed: nothing more
    expect(logged).toHaveBeenCalledTimes(2); // the broken one is still subscribed
    fanout.clear();
    fanout.emit('equity', { time: 3, equity: 102, drawdown: 0 });
    expect(logged).toHaveBeenCalledTimes(2);
  });
});
