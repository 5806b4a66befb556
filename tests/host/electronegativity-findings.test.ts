import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkAcceptedList,
  reviewFindings,
  type AcceptedFinding,
  type Finding,
} from '../../scripts/electronegativity-findings.mjs';

// The rule the CI step applies to Electronegativity's findings (scripts/check-electronegativity.mjs).

const REASON = 'The options come from hardenedWindowOptions(), which sets contextIsolation: true.';

const finding = (check: string, file: string, text: string, line = 10): Finding => ({
  check,
  file,
  line,
  description: 'Review the use of the contextIsolation option',
  text,
});

describe('electronegativity findings against the accepted list', () => {
  const accepted: AcceptedFinding[] = [
    {
      check: 'CONTEXT_ISOLATION_JS_CHECK',
      file: 'src-main/main.ts',
      contains: 'hardenedWindowOptions(',
      reason: REASON,
    },
    { check: 'ELECTRON_VERSION_JSON_CHECK', file: 'package.json', reason: REASON },
  ];

  it('explains a finding only by check id, file and (if given) the flagged line', () => {
    const explained = finding(
      'CONTEXT_ISOLATION_JS_CHECK',
      'src-main/main.ts',
      'new BrowserWindow(hardenedWindowOptions(x))',
    );
    const otherLine = finding(
      'CONTEXT_ISOLATION_JS_CHECK',
      'src-main/main.ts',
      'new BrowserWindow({ webPreferences })',
    );
    const otherFile = finding(
      'CONTEXT_ISOLATION_JS_CHECK',
      'src-main/other.ts',
      'new BrowserWindow(hardenedWindowOptions(x))',
    );
    const otherCheck = finding(
      'SANDBOX_JS_CHECK',
      'src-main/main.ts',
      'new BrowserWindow(hardenedWindowOptions(x))',
    );
    const version = finding('ELECTRON_VERSION_JSON_CHECK', 'package.json', '{', 1);
    expect(reviewFindings([explained, otherLine, otherFile, otherCheck, version], accepted)).toEqual({
      unexplained: [otherLine, otherFile, otherCheck],
      stale: [],
    });
  });

  it('reports an explanation that no longer matches any finding', () => {
    const version = finding('ELECTRON_VERSION_JSON_CHECK', 'package.json', '{', 1);
    expect(reviewFindings([version], accepted)).toEqual({ unexplained: [], stale: [accepted[0]] });
    expect(reviewFindings([], [])).toEqual({ unexplained: [], stale: [] });
  });

  it('refuses an accepted list whose entries do not explain', () => {
    expect(checkAcceptedList({})).toEqual(['the accepted list must be a JSON array of entries']);
    expect(
      checkAcceptedList([
        { check: 'context isolation', file: 'src-main/main.ts', reason: 'fine' },
        { check: 'SANDBOX_JS_CHECK', file: '', contains: '', reason: REASON, severity: 'low' },
        null,
      ]),
    ).toEqual([
      'entry 0: "check" must be a check id such as CONTEXT_ISOLATION_JS_CHECK',
      'entry 0: "reason" must explain the finding (at least 40 characters)',
      'entry 1: unknown key "severity"',
      'entry 1: "file" is required',
      'entry 1: "contains", when given, must be non-empty text of the flagged line',
      'entry 2: not an object',
    ]);
  });

  it("the project's own list is well formed", () => {
    const list = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'docs', 'electronegativity-accepted.json'), 'utf8'),
    ) as unknown;
    expect(checkAcceptedList(list)).toEqual([]);
  });
});
