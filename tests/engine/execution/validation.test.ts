import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configProblems, type ExecutionConfig } from '../../../src-main/engine/execution/config';
import { createExecutionEngine } from '../../../src-main/engine/execution/create-execution-engine';
import { Rng } from '../../../src-main/engine/rng';
import { EXECUTION_DEFAULTS, ExecutionSectionSchema } from '../../../src-shared/settings/sections/execution';
import { crypto, engine, MIN, order, quietConfig } from './fixtures';

describe('order checks', () => {
  const e = engine(quietConfig());
  const cases: [Parameters<typeof order>[0], string][] = [
    [{ instrument: 'Y' }, 'order for unknown instrument "Y": not among the feed\'s instruments'],
    [{ qty: 0 }, 'order for X: qty must be a positive number, not 0'],
    [{ qty: Number.NaN }, 'order for X: qty must be a positive number, not NaN'],
    [{ qty: 1.5 }, 'order for X: qty 1.5 is not a whole number of lots (lot size 1)'],
    [{ type: 'limit' }, 'order for X: a limit order needs a positive limitPrice, not undefined'],
    [
      { type: 'stop-limit', stopPrice: 100 },
      'order for X: a stop-limit order needs a positive limitPrice, not undefined',
    ],
    [{ type: 'stop', stopPrice: -1 }, 'order for X: a stop order needs a positive stopPrice, not -1'],
    [{ limitPrice: 100 }, 'order for X: a market order takes no limitPrice'],
    [{ type: 'limit', limitPrice: 100, stopPrice: 99 }, 'order for X: a limit order takes no stopPrice'],
    [{ type: 'limit', limitPrice: 0.001 }, 'order for X: limitPrice 0.001 is below one tick (0.01)'],
  ];
  for (const [patch, message] of cases) {
    it(`refuses ${JSON.stringify(patch)}`, () => {
      expect(() => e.submit(order(patch), MIN)).toThrow(new RangeError(message));
    });
  }

  it('refuses values a type cannot hold (input from outside TypeScript)', () => {
    const bad = (patch: Record<string, unknown>) => ({ ...order(), ...patch }) as ReturnType<typeof order>;
    expect(() => e.submit(bad({ side: 'hold' }), MIN)).toThrow(
      'order for X: side must be buy or sell, not hold',
    );
    expect(() => e.submit(bad({ type: 'twap' }), MIN)).toThrow(
      'order for X: type must be one of market, limit, stop, stop-limit, not twap',
    );
    expect(() => e.submit(bad({ timeInForce: 'day' }), MIN)).toThrow(
      'order for X: timeInForce must be gtc or ioc, not day',
    );
    expect(() => e.submit(order(), Number.NaN)).toThrow(
      'order submitted at a time that is not a number: NaN',
    );
  });

  it('accepts every whole number of lots of a 0.001 lot (property)', () => {
    const fine = createExecutionEngine(quietConfig(), [{ ...crypto, lotSize: 0.001 }], new Rng(1));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (lots) => {
        expect(fine.submit(order({ qty: lots / 1000 }), MIN).qty).toBe(lots / 1000);
      }),
    );
  });
});

describe('engine configuration', () => {
  it('lists every problem of a configuration', () => {
    const config = quietConfig((c) => {
      c.maxParticipation = 0;
      c.slippage.base = -1;
      c.slippage.randomMin = 1.3;
      c.slippage.randomMax = 1.2;
      c.book.levels = 0;
      c.book.depthShare = 0;
      c.book.imbalanceTilt = 2;
    });
    expect(configProblems(config)).toEqual([
      'execution.maxParticipation: expected a number above 0 and at most 1',
      'execution.slippage.base: expected a number ≥ 0',
      'execution.slippage.randomMax: expected a number ≥ slippage.randomMin',
      'execution.book.levels: expected a whole number from 1 to 50',
      'execution.book.depthShare: expected a positive number',
      'execution.book.imbalanceTilt: expected a number between 0 and 1',
    ]);
    expect(configProblems({ ...quietConfig(), mode: 'tick' as 'bar' })).toEqual([
      'execution.mode: expected one of: bar, book',
    ]);
  });

  it('refuses to start with a bad configuration or bad instruments, naming each problem', () => {
    const bad = quietConfig((c) => (c.book.levels = 51));
    expect(() =>
      createExecutionEngine(
        bad,
        [crypto, crypto, { ...crypto, id: 'Z', tickSize: 0, takerFee: -1 }],
        new Rng(1),
      ),
    ).toThrow(
      new RangeError(
        'cannot start the execution engine: execution.book.levels: expected a whole number from 1 to 50; ' +
          'instrument X is listed twice; instrument Z: tickSize must be a positive number',
      ),
    );
    expect(() =>
      createExecutionEngine(quietConfig(), [{ ...crypto, lotSize: Number.NaN }], new Rng(1)),
    ).toThrow('instrument X: lotSize must be a positive number');
    expect(() => createExecutionEngine(quietConfig(), [{ ...crypto, makerFee: -0.1 }], new Rng(1))).toThrow(
      'instrument X: makerFee must be a number ≥ 0',
    );
    expect(() =>
      createExecutionEngine(quietConfig(), [{ ...crypto, takerFee: Infinity }], new Rng(1)),
    ).toThrow('instrument X: takerFee must be a number ≥ 0');
  });
});

describe('settings section', () => {
  it('parses its defaults into a configuration the engine accepts', () => {
    const config: ExecutionConfig = ExecutionSectionSchema.parse(EXECUTION_DEFAULTS);
    expect(configProblems(config)).toEqual([]);
    expect(config.book.levels).toBe(10);
    expect(() => createExecutionEngine(config, [crypto], new Rng(1))).not.toThrow();
  });

  it('tells the trader what is wrong, field by field', () => {
    const bad: unknown = {
      ...EXECUTION_DEFAULTS,
      mode: 'tick',
      maxParticipation: 0,
      book: { ...EXECUTION_DEFAULTS.book, levels: 60, extra: 1 },
    };
    const result = ExecutionSectionSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toEqual([
      'mode: expected one of: bar, book',
      'maxParticipation: expected a number above 0 and at most 1',
      'book.levels: expected a whole number from 1 to 50',
      'book: Unrecognized key: "extra"',
    ]);
    const ordered = structuredClone(EXECUTION_DEFAULTS);
    ordered.slippage.randomMin = 1.5;
    expect(
      ExecutionSectionSchema.safeParse(ordered).error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    ).toEqual(['slippage.randomMin: randomMin must not exceed randomMax']);
  });
});
