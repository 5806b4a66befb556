import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DATA_DEFAULTS, DataSectionSchema } from '../../../src-shared/settings/sections/data';
import {
  cascadeOptionsFrom,
  normalizationOptionsFrom,
  profilesFromSpecs,
  validatorOptionsFrom,
} from '../../../src-main/engine/data/options-from-settings';
import { checkOptionsFromSettings, DEFAULT_CHECK_OPTIONS } from '../../../src-main/feeds/csv/check-file';

const SECTION_FILE = join(__dirname, '../../../src-shared/settings/sections/data.ts');

/** The YAML written in the comment at the top of the section file. */
function yamlInComment(): unknown {
  const lines = readFileSync(SECTION_FILE, 'utf8').split('\n');
  const start = lines.findIndex((l) => l === '// data:');
  const block: string[] = [];
  for (const line of lines.slice(start)) {
    if (!line.startsWith('//')) break;
    block.push(line.slice(3));
  }
  return parse(block.join('\n'));
}

describe('the data settings section', () => {
  it('documents exactly its defaults in YAML, and they are valid', () => {
    expect(yamlInComment()).toEqual({ data: DATA_DEFAULTS });
    expect(DataSectionSchema.parse(DATA_DEFAULTS)).toEqual(DATA_DEFAULTS);
  });

  it('refuses inconsistent values with a message for the trader', () => {
    const messages = (value: unknown) =>
      DataSectionSchema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(
      messages({ ...DATA_DEFAULTS, normalization: { ...DATA_DEFAULTS.normalization, minObservations: 300 } }),
    ).toEqual(['normalization.minObservations: minObservations must not exceed window']);
    expect(messages({ ...DATA_DEFAULTS, csv: { adjust: 'dividends' } })).toEqual([
      'csv.adjust: expected one of: none, adjclose',
    ]);
    expect(
      messages({
        ...DATA_DEFAULTS,
        liquidationCascade: {
          ...DATA_DEFAULTS.liquidationCascade,
          weights: { liquidations: 0, velocity: 0, imbalance: 0 },
        },
      }),
    ).toEqual(['liquidationCascade.weights: at least one weight must be above 0']);
    expect(messages({ ...DATA_DEFAULTS, extra: 1 })).toHaveLength(1);
  });

  it('maps onto the options of the validator, normaliser, cascade detector and file check', () => {
    const spx = {
      id: 'SPX',
      symbol: 'SPX',
      venue: 'yahoo',
      assetClass: 'equity-index',
      lotSize: 1,
      tickSize: 0.01,
      makerFee: 0,
      takerFee: 0,
    } as const;
    const options = validatorOptionsFrom(DATA_DEFAULTS, [spx, { ...spx, id: 'BTC', assetClass: 'crypto' }]);
    expect(options).toMatchObject({ outlierZ: 5, outlierWindow: 100, outlierMinObservations: 20 });
    expect(options.profile!('SPX').calendar).toBe('nyse');
    expect(options.profile!('BTC').calendar).toBe('continuous');
    expect(profilesFromSpecs([])('X')).toEqual({ calendar: 'none', intervalMs: null, checkZeroVolume: true });
    expect(normalizationOptionsFrom(DATA_DEFAULTS)).toEqual({ window: 252, clip: 3, minObservations: 20 });
    expect(cascadeOptionsFrom(DATA_DEFAULTS, 0.7)).toMatchObject({
      highThreshold: 0.7,
      elevatedThreshold: 0.4,
      baselineWindow: 96,
    });
    expect(checkOptionsFromSettings(DATA_DEFAULTS)).toEqual({ ...DEFAULT_CHECK_OPTIONS, adjust: 'none' });
  });
});
