import { describe, expect, it } from 'vitest';
import { PaperBroker } from '../../src-main/engine/execution/paper-broker';
import { Rng } from '../../src-main/engine/rng';

const bar = { instrument: 'X', time: 1, open: 99, high: 101, low: 98, close: 100, volume: 10 };
const order = { instrument: 'X', qty: 10, strategy: 's', reason: 'r' };

describe('PaperBroker', () => {
  const broker = new PaperBroker(
    { takerCommission: 0.001, baseSlippage: 0.0002, randomMin: 1, randomMax: 1 },
    new Rng(1),
  );

  it('fills a buy above the close by the slippage and charges commission on the notional', () => {
    const [f] = broker.execute({ ...order, side: 'buy' }, bar);
    expect(f!.price).toBeCloseTo(100.02, 12);
    expect(f!.commission).toBeCloseTo(10 * 100.02 * 0.001, 12);
    expect(f).toMatchObject({ qty: 10, side: 'buy', time: 1, instrument: 'X' });
  });

  it('fills a sell below the close', () => {
    const [f] = broker.execute({ ...order, side: 'sell' }, bar);
    expect(f!.price).toBeCloseTo(99.98, 12);
  });

  it('keeps the random slippage factor inside its bounds', () => {
    const random = new PaperBroker(
      { takerCommission: 0, baseSlippage: 0.01, randomMin: 0.8, randomMax: 1.2 },
      new Rng(7),
    );
    for (let i = 0; i < 500; i++) {
      const [f] = random.execute({ ...order, side: 'buy' }, bar);
      expect(f!.price).toBeGreaterThanOrEqual(100 * (1 + 0.01 * 0.8));
      expect(f!.price).toBeLessThan(100 * (1 + 0.01 * 1.2));
    }
  });

  it('does not fill a zero quantity', () => {
    expect(broker.execute({ ...order, qty: 0, side: 'buy' }, bar)).toEqual([]);
  });
});
