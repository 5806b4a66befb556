import { closeSync, statSync } from 'node:fs';
import type { AssetClass } from '../../../src-shared/domain/market';
import type { DataSettings } from '../../../src-shared/settings/sections/data';
import type { DataIssue, IssueRule } from '../../engine/data/issues';
import { labelBarTime } from '../../engine/data/civil-date';
import { qualityOf } from '../../engine/data/validation-result';
import { DataValidator, profileForAssetClass } from '../../engine/data/validator';
import type { CalendarKind } from '../../engine/data/trading-calendar';
import { CsvCursor } from './csv-cursor';
import {
  CsvRefusedError,
  DEFAULT_CHUNK_BYTES,
  MAX_LINE_BYTES,
  openCsv,
  type CsvReadOptions,
} from './csv-source';
import { LAYOUT_DEFAULTS } from './instrument-specs';
import type { LayoutKind } from './layout';
import { RowParser } from './row-parser';

export interface CheckOptions extends CsvReadOptions {
  outlierZ: number;
  outlierWindow: number;
  outlierMinObservations: number;
  /** A file is usable when it has bars and at least this share of its rows is free of errors. */
  minQuality: number;
  /** Issues listed per file (all are counted). */
  maxIssues: number;
  /** The asset class of the files' instruments (default: the layout's, see LAYOUT_DEFAULTS). */
  assetClass?: AssetClass;
  /** The trading calendar (default: the asset class's). */
  calendar?: CalendarKind;
  /** Bytes read so far and in total, after every chunk (for a progress bar). */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** The defaults of `botv2 data check` (the settings' data.validation). */
export const DEFAULT_CHECK_OPTIONS: CheckOptions = {
  outlierZ: 5,
  outlierWindow: 100,
  outlierMinObservations: 20,
  minQuality: 0.95,
  maxIssues: 200,
};

/** `botv2 data check` options from settings.data (validation and CSV import). */
export function checkOptionsFromSettings(data: DataSettings): CheckOptions {
  const v = data.validation;
  return {
    outlierZ: v.outlierZ,
    outlierWindow: v.outlierWindow,
    outlierMinObservations: v.outlierMinObservations,
    minQuality: v.minQuality,
    maxIssues: v.maxIssuesPerFile,
    adjust: data.csv.adjust,
  };
}

export interface InstrumentCheck {
  instrument: string;
  bars: number;
  /** Close times (epoch ms) of the first and last usable bar, and as shown: the session date of a
   * date-stamped row (`2000-01-03`), else ISO 8601. */
  firstTime: number;
  lastTime: number;
  first: string;
  last: string;
}

export interface FileCheck {
  file: string;
  /** Why the file could not be read at all, or null. */
  refused: string | null;
  layout: LayoutKind | null;
  /** Non-blank data lines. */
  rows: number;
  /** Bars that pass validation (exact duplicates not counted). */
  bars: number;
  /** Rows with an error (unreadable, or rejected by the validator). */
  errorRows: number;
  quality: number;
  usable: boolean;
  /** Why the file is not usable, or null. */
  unusable: string | null;
  firstTime: number | null;
  lastTime: number | null;
  first: string | null;
  last: string | null;
  instruments: InstrumentCheck[];
  errors: number;
  warnings: number;
  byRule: Partial<Record<IssueRule, number>>;
  /** The first `maxIssues` issues in file order. */
  issues: DataIssue[];
  /** Issues found but not listed. */
  issuesOmitted: number;
}

export interface DataCheckReport {
  files: FileCheck[];
  /** Every file is usable. */
  usable: boolean;
  bars: number;
  rows: number;
}

/**
 * Reads and validates CSV files the way a backtest would, each on its own and in file order, and reports
 * per file: rows, usable bars, first and last timestamp per instrument, quality (share of rows without an
 * error), the issues by rule and the first `maxIssues` of them with their file:line. A file is usable when
 * it could be read, has at least one bar, and its quality reaches `minQuality`. Never throws for bad data.
 */
export function checkFiles(
  paths: readonly string[],
  options: CheckOptions = DEFAULT_CHECK_OPTIONS,
): DataCheckReport {
  const progress = { read: 0, total: paths.reduce((sum, path) => sum + sizeOf(path), 0) };
  const files = paths.map((path) => checkOne(path, options, progress));
  return {
    files,
    usable: files.length > 0 && files.every((f) => f.usable),
    bars: files.reduce((sum, f) => sum + f.bars, 0),
    rows: files.reduce((sum, f) => sum + f.rows, 0),
  };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function emptyCheck(file: string): FileCheck {
  return {
    file,
    refused: null,
    layout: null,
    rows: 0,
    bars: 0,
    errorRows: 0,
    quality: 1,
    usable: false,
    unusable: null,
    firstTime: null,
    lastTime: null,
    first: null,
    last: null,
    instruments: [],
    errors: 0,
    warnings: 0,
    byRule: {},
    issues: [],
    issuesOmitted: 0,
  };
}

function checkOne(path: string, options: CheckOptions, progress: { read: number; total: number }): FileCheck {
  const check = emptyCheck(path);
  let opened;
  try {
    opened = openCsv(path, options);
  } catch (error) {
    if (!(error instanceof CsvRefusedError)) throw error;
    check.refused = error.reason;
    check.unusable = error.reason;
    return check;
  }
  try {
    const { layout } = opened;
    progress.read += opened.dataStart;
    check.layout = layout.kind;
    const assetClass = options.assetClass ?? LAYOUT_DEFAULTS[layout.kind].assetClass;
    const profile = profileForAssetClass(assetClass);
    if (options.calendar !== undefined) profile.calendar = options.calendar;
    if (options.intervalMs !== undefined) profile.intervalMs = options.intervalMs;
    const validator = new DataValidator({ ...options, profile: () => profile });
    const record = (issue: DataIssue): void => {
      issue.file = path;
      if (issue.severity === 'error') check.errors += 1;
      else check.warnings += 1;
      check.byRule[issue.rule] = (check.byRule[issue.rule] ?? 0) + 1;
      if (check.issues.length < options.maxIssues) check.issues.push(issue);
      else check.issuesOmitted += 1;
    };
    const instrument = layout.columns.symbol < 0 ? opened.fileInstrument : null;
    const parser = new RowParser({
      layout,
      instrument,
      adjust: options.adjust ?? 'none',
      intervalMs: options.intervalMs ?? null,
    });
    const cursor = new CsvCursor(
      opened.fd,
      { start: opened.dataStart, end: opened.size, firstLine: opened.dataLine },
      path,
      parser,
      record,
      {
        chunkBytes: options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
        maxLineBytes: MAX_LINE_BYTES,
        onRead: (bytes) => {
          progress.read += bytes;
          options.onProgress?.(progress.read, progress.total);
        },
      },
      instrument,
    );
    const found: DataIssue[] = [];
    const perInstrument = new Map<string, InstrumentCheck & { lastDateOnly: boolean }>();
    let validatorErrorRows = 0;
    for (let bar = cursor.advance(); bar !== null; bar = cursor.advance()) {
      found.length = 0;
      const ok = validator.check(bar, cursor.headLine, found);
      for (const issue of found) record(issue);
      if (!ok) {
        if (found.some((issue) => issue.severity === 'error')) validatorErrorRows += 1;
        continue;
      }
      const seen = perInstrument.get(bar.instrument);
      if (seen === undefined) {
        perInstrument.set(bar.instrument, {
          instrument: bar.instrument,
          bars: 1,
          firstTime: bar.time,
          lastTime: bar.time,
          first: labelBarTime(bar.time, parser.dateOnly),
          last: '',
          lastDateOnly: parser.dateOnly,
        });
      } else {
        seen.bars += 1;
        seen.lastTime = bar.time;
        seen.lastDateOnly = parser.dateOnly;
      }
    }
    check.rows = cursor.rows;
    check.errorRows = cursor.faultyRows + validatorErrorRows;
    check.quality = qualityOf(check.rows, check.errorRows);
    // Times are shown as the file writes them: a date for date-stamped rows, else ISO 8601.
    check.instruments = [...perInstrument.values()].map(({ lastDateOnly, ...i }) => ({
      ...i,
      last: labelBarTime(i.lastTime, lastDateOnly),
    }));
    check.bars = check.instruments.reduce((sum, i) => sum + i.bars, 0);
    for (const i of check.instruments) {
      if (check.firstTime === null || i.firstTime < check.firstTime)
        [check.firstTime, check.first] = [i.firstTime, i.first];
      if (check.lastTime === null || i.lastTime > check.lastTime)
        [check.lastTime, check.last] = [i.lastTime, i.last];
    }
    check.unusable =
      check.bars === 0
        ? check.rows === 0
          ? 'no data rows'
          : 'no row could be used'
        : check.quality < options.minQuality
          ? `quality ${percent(check.quality)} is below the minimum of ${percent(options.minQuality)}`
          : null;
    check.usable = check.unusable === null;
    return check;
  } finally {
    closeSync(opened.fd);
  }
}

/** A share as a percentage with one decimal, rounded down so 99.99 % never shows as 100.0 %. */
export function percent(share: number): string {
  return `${(Math.floor(share * 1000) / 10).toFixed(1)} %`;
}
