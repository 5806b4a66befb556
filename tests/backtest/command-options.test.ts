import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBacktestCommand, parseBacktestArgs } from '../../src-main/backtest/command-options';
import { clockTime, progressLine } from '../../src-main/backtest/progress-line';
import { testSettings } from '../helpers/settings';

const settings = testSettings();
const build = (...args: string[]) => buildBacktestCommand(parseBacktestArgs(args).values, settings);

describe('botv2 backtest options', () => {
  it('builds the classic mode from the issue’s example', () => {
    const command = build(
      ...'--data a.csv --strategy sma-cross --fast 10 --slow 30 --size 10 --commission 0.001 --slippage 0 --cash 100000 --json'.split(
        ' ',
      ),
    );
    expect(command).toEqual({
      options: {
        mode: 'classic',
        file: resolve('a.csv'),
        range: { from: null, to: null, fromText: null, toText: null },
        fast: 10,
        slow: 30,
        size: 10,
        commission: 0.001,
        slippage: 0,
        cash: 100000,
      },
      json: true,
      report: null,
    });
  });

  it('runs the pipeline over CSV files with the settings’ CSV fees, or --commission for both sides', () => {
    const command = build(
      '--data',
      'a.csv,b.csv',
      '--strategies',
      'momentum',
      '--seed',
      '3',
      '--report',
      'r.html',
    );
    expect(command.options).toMatchObject({
      mode: 'pipeline',
      source: {
        feed: 'csv',
        files: [resolve('a.csv'), resolve('b.csv')],
        fees: { maker: 0.0005, taker: 0.001 },
      },
      strategies: ['momentum'],
      seed: 3,
      cash: null,
    });
    expect(command.report).toBe(resolve('r.html'));
    expect(build('--data', 'a.csv', '--commission', '0.002').options).toMatchObject({
      source: { fees: { maker: 0.002, taker: 0.002 } },
      strategies: 'settings',
      seed: settings.market.seed,
    });
  });

  it('runs the synthetic market for --bars with the scenario and seed', () => {
    expect(
      build('--feed', 'synthetic', '--bars', '500', '--scenario', 'crash', '--seed', '9').options,
    ).toMatchObject({
      mode: 'pipeline',
      source: { feed: 'synthetic', seed: 9, scenario: 'crash', bars: 500 },
      seed: 9,
      strategies: 'settings',
    });
    expect(build('--feed', 'synthetic', '--bars', '5', '--strategies', 'all').options).toMatchObject({
      strategies: 'all',
      source: { scenario: settings.market.scenario },
    });
  });

  it('says what is wrong with each bad combination', () => {
    const cases: [string[], string][] = [
      [[], 'give --data FILE[,FILE…] or --feed synthetic --bars N'],
      [['--feed', 'synthetic'], '--feed synthetic needs --bars N (the synthetic market never ends)'],
      [['--feed', 'synthetic', '--bars', '0'], '--bars: "0" is not valid'],
      [
        ['--feed', 'synthetic', '--bars', '5', '--scenario', 'boom'],
        '--scenario: "boom" is not one of markov, calm, trending, crash',
      ],
      [
        ['--feed', 'synthetic', '--bars', '5', '--data', 'a.csv'],
        '--data and --feed synthetic exclude each other',
      ],
      [['--feed', 'ftp', '--data', 'a.csv'], '--feed: "ftp" is not csv or synthetic'],
      [['--data', 'a.csv', '--fast', '5'], '--fast is a classic-mode option: add --strategy sma-cross'],
      [['--data', 'a.csv', '--bars', '5'], '--bars is only for --feed synthetic'],
      [
        ['--data', 'a.csv', '--strategies', 'a,,b'],
        '--strategies: an empty name in the list (use all, or ids separated by commas)',
      ],
      [
        ['--data', 'a.csv', '--strategy', 'rsi'],
        '--strategy: "rsi" is not a classic strategy (known: sma-cross)',
      ],
      [
        ['--data', 'a.csv,b.csv', '--strategy', 'sma-cross'],
        'classic mode (--strategy sma-cross) needs exactly one --data FILE',
      ],
      [
        ['--data', 'a.csv', '--strategy', 'sma-cross', '--fast', '30', '--slow', '10'],
        '--fast 30 must be shorter than --slow 10',
      ],
      [
        ['--data', 'a.csv', '--strategy', 'sma-cross', '--commission', '1.5'],
        '--commission: "1.5" is not valid',
      ],
      [['--data', 'a.csv', '--cash=-5'], '--cash: "-5" is not valid'],
      // Amounts beyond 10¹² lose their cents and can overflow equity: refused, as in the app's form.
      [['--data', 'a.csv', '--cash', '1e308'], '--cash: "1e308" is not valid'],
      [['--data', 'a.csv', '--strategy', 'sma-cross', '--size', '2e12'], '--size: "2e12" is not valid'],
      [['--data', 'a.csv', '--from', '2020-13-01'], '--from: "2020-13-01" is not a date'],
    ];
    for (const [args, message] of cases) expect(() => build(...args), args.join(' ')).toThrow(message);
    expect(() => parseBacktestArgs(['--frobnicate'])).toThrow("Unknown option '--frobnicate'");
  });
});

describe('a repeated option', () => {
  // node:util parseArgs keeps the last value of a repeated string option, so `--data a.csv --data b.csv`
  // silently backtested b.csv only, and `--seed 1 --seed 2` ran seed 2. A repeat is refused, naming it.
  it('is refused with the option named, not silently replaced by its last value', () => {
    expect(() => parseBacktestArgs(['--data', 'a.csv', '--data', 'b.csv'])).toThrow(
      '--data: given more than once; give it once (list several files separated by commas)',
    );
    expect(() => parseBacktestArgs(['--data', 'a.csv', '--seed', '1', '--seed=2'])).toThrow(
      '--seed: given more than once; give it once',
    );
    expect(() => parseBacktestArgs(['--data', 'a.csv', '--strategies', 'a', '--strategies', 'b'])).toThrow(
      '--strategies: given more than once; give it once (list several ids separated by commas)',
    );
    // A flag said twice means the same thing: accepted.
    expect(parseBacktestArgs(['--data', 'a.csv', '--json', '--json']).values).toMatchObject({
      data: 'a.csv',
      json: true,
    });
  });
});

describe('classic mode and --seed', () => {
  // Classic mode has no randomness: --seed was accepted and dropped, and the JSON then said "seed": 0.
  it('refuses --seed naming it, as the other options classic mode does not use', () => {
    expect(() => build('--data', 'a.csv', '--strategy', 'sma-cross', '--seed', '7')).toThrow(
      '--seed is not used in classic mode (it has no randomness)',
    );
  });
});

describe('--settings and --data-dir', () => {
  // The usage says `--settings FILE | --data-dir DIR`; given both, --data-dir was dropped without a word.
  it('are refused together, naming both', () => {
    expect(() => parseBacktestArgs(['--data', 'a.csv', '--settings', 's.yaml', '--data-dir', 'd'])).toThrow(
      '--settings and --data-dir exclude each other (settings come from one file)',
    );
  });
});

describe('--seed range', () => {
  // The engine's random streams take the seed as 32 bits (Rng: seed >>> 0; create-engine: seed ^ 0x5eed),
  // so --seed 4294967297 ran exactly as --seed 1 and --seed -1 as 4294967295, each reported under its own
  // number. The app's form takes 0 … 2^31 − 1; the CLI now keeps the same range, saying so.
  it('takes a whole number from 0 to 2^31 − 1, as the app’s form does', () => {
    const hint = '(a whole number from 0 to 2147483647)';
    for (const seed of ['-1', '4294967297', '2147483648', '1.5'])
      expect(() => build('--data', 'a.csv', `--seed=${seed}`), seed).toThrow(
        `--seed: "${seed}" is not valid ${hint}`,
      );
    expect(build('--data', 'a.csv', '--seed', '0').options).toMatchObject({ seed: 0 });
    expect(build('--data', 'a.csv', '--seed', '2147483647').options).toMatchObject({ seed: 2147483647 });
  });
});

describe('progress line', () => {
  it('shows the bar, the share, the amounts, elapsed time and the ETA', () => {
    expect(progressLine({ done: 3e6, total: 8e6, unit: 'bytes', elapsedMs: 2000, etaMs: 3333 })).toBe(
      '[#########---------------]  37.5 %  3.0 MB of 8.0 MB  0:02 elapsed  ETA 0:03',
    );
    expect(progressLine({ done: 0, total: 50_000, unit: 'slices', elapsedMs: 0, etaMs: null })).toBe(
      '[------------------------]   0.0 %  0 of 50k slices  0:00 elapsed  ETA …',
    );
    expect(clockTime(3_725_000)).toBe('1:02:05');
  });
});
