import { describe, expect, it } from 'vitest';
import { PaperBroker } from '../../src-main/engine/execution/paper-broker';
import type { OrderRequest } from '../../src-main/engine/ports';
import { Rng } from '../../src-main/engine/rng';

const next = {
  time: 2,
  bars: [{ instrument: 'X', time: 2, open: 100, high: 101, low: 98, close: 99, volume: 10 }],
};
const order = (side: 'buy' | 'sell', qty = 10): OrderRequest => ({
  instrument: 'X',
  side,
  qty,
  type: 'market',
  timeInForce: 'ioc',
  strategy: 's',
  reason: 'r',
});

describe('PaperBroker', () => {
  const config = { takerCommission: 0.001, baseSlippage: 0.0002, randomMin: 1, randomMax: 1 };

  it('fills a market buy at the next bar open plus slippage, with commission on the notional', () => {
    const broker = new PaperBroker(config, new Rng(1));
    const working = broker.submit(order('buy'), 1);
    expect(working).toMatchObject({ id: 1, submittedAt: 1, filledQty: 0 });
    const [fill] = broker.onSlice(next);
    expect(fill!.price).toBeCloseTo(100.02, 12);
    expect(fill!.commission).toBeCloseTo(10 * 100.02 * 0.001, 12);
    expect(fill).toMatchObject({
      orderId: 1,
      qty: 10,
      side: 'buy',
      time: 2,
      liquidity: 'taker',
      strategy: 's',
    });
    expect(broker.workingOrders()).toEqual([]);
  });

  it('fills a sell below the open', () => {
    const broker = new PaperBroker(config, new Rng(1));
    broker.submit(order('sell'), 1);
    expect(broker.onSlice(next)[0]!.price).toBeCloseTo(99.98, 12);
  });

  it('keeps an order working until its instrument trades, and cancels on request', () => {
    const broker = new PaperBroker(config, new Rng(1));
    const a = broker.submit(order('buy'), 1);
    broker.submit({ ...order('buy'), instrument: 'Y' }, 1);
    expect(broker.onSlice(next)).toHaveLength(1);
    expect(broker.workingOrders().map((o) => o.instrument)).toEqual(['Y']);
    expect(broker.cancel(a.id)).toBeNull();
    expect(broker.cancelAll().map((o) => o.instrument)).toEqual(['Y']);
    expect(broker.workingOrders()).toEqual([]);
  });

  it('keeps the random slippage factor inside its bounds', () => {
    const broker = new PaperBroker(
      { takerCommission: 0, baseSlippage: 0.01, randomMin: 0.8, randomMax: 1.2 },
      new Rng(7),
    );
    let outside = 0;
    for (let i = 0; i < 500; i++) {
      broker.submit(order('buy'), 1);
      const price = broker.onSlice(next)[0]!.price;
      if (price < 100 * (1 + 0.01 * 0.8) || price >= 100 * (1 + 0.01 * 1.2)) outside += 1;
    }
    expect(outside).toBe(0);
  });

  it('refuses order types it does not simulate', () => {
    const broker = new PaperBroker(config, new Rng(1));
    expect(() => broker.submit({ ...order('buy'), type: 'limit', limitPrice: 99 }, 1)).toThrow(
      'the paper broker takes market orders only, not limit',
    );
  });
});
