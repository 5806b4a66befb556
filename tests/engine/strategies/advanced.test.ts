import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ADVANCED_STRATEGIES } from '../../../src-main/engine/strategies/advanced';
import { createSyntheticMarket } from '../../../src-main/feeds/synthetic-market';
import { ADVANCED_PARAM_SCHEMAS } from '../../../src-shared/settings/sections/strategy-params/advanced';
import { decisionsOver } from '../../helpers/no-look-ahead';
import { slicesOf, tradesByInstrument } from './advanced-fixtures';

const PARAMS_FILE = join(
  __dirname,
  '..',
  '..',
  '..',
  'src-shared',
  'settings',
  'sections',
  'strategy-params',
  'advanced.ts',
);

/** The YAML of the defaults, from the comment at the top of the parameters file. */
function documentedDefaults(): Record<string, unknown> {
  const source = readFileSync(PARAMS_FILE, 'utf8');
  const comment = source.slice(source.indexOf('/*') + 2, source.indexOf('*/'));
  const yaml = comment.slice(comment.search(/^strategies:$/m));
  return (parse(yaml) as { strategies: Record<string, unknown> }).strategies;
}

describe('advanced strategies', () => {
  it('are five, in the advanced category, each with a kebab-case id and its parameter schema', () => {
    expect(ADVANCED_STRATEGIES.map((d) => d.id)).toEqual([
      'cross-exchange-arbitrage',
      'liquidation-flow',
      'high-probability-bonds',
      'liquidity-provision',
      'domain-specialisation',
    ]);
    for (const d of ADVANCED_STRATEGIES) {
      expect(d.category).toBe('advanced');
      expect(d.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(d.params).toBe(ADVANCED_PARAM_SCHEMAS[d.id as keyof typeof ADVANCED_PARAM_SCHEMAS]);
      expect(d.rule.length).toBeGreaterThan(20);
    }
  });

  it('have documented defaults that their schemas accept, one section per strategy', () => {
    const defaults = documentedDefaults();
    expect(Object.keys(defaults).sort()).toEqual(Object.keys(ADVANCED_PARAM_SCHEMAS).sort());
    for (const [id, schema] of Object.entries(ADVANCED_PARAM_SCHEMAS)) {
      const parsed = schema.safeParse(defaults[id]);
      expect(parsed.error?.issues ?? [], id).toEqual([]);
    }
  });

  it('with their defaults each trade on the synthetic market', () => {
    const defaults = documentedDefaults();
    const market = createSyntheticMarket({ seed: 21, maxBars: 6000 });
    const slices = slicesOf(market);
    for (const d of ADVANCED_STRATEGIES) {
      const trades = tradesByInstrument(decisionsOver(d, defaults[d.id], slices, market.instruments));
      expect(trades.size, d.id).toBeGreaterThan(0);
    }
  });
});
