import { describe, expect, it } from 'vitest';
import { flattenSettings, placeProblems } from '../../src-renderer/panels/settings/settings-fields';

const fields = flattenSettings({
  risk: { kelly: { fraction: 0.25 }, circuitBreaker: { levels: [{ drawdown: 0.05 }] } },
  paper: { initialCash: 100000 },
});
const problem = (path: string) => ({ path, line: 3, message: `settings.yaml:3 ${path}: refused` });

describe('settings problems in the form', () => {
  it('puts each problem at its field, or at the first field under the key it names', () => {
    const { atField, unplaced } = placeProblems(fields, [
      problem('risk.kelly.fraction'),
      problem('risk.circuitBreaker.levels'),
      problem('paper'),
    ]);
    expect([...atField.keys()]).toEqual([
      'risk.kelly.fraction',
      'risk.circuitBreaker.levels[0].drawdown',
      'paper.initialCash',
    ]);
    expect(unplaced).toEqual([]);
  });

  // A key the form has no field for (an unknown key in the settings file: "risk.kelly.fractoin:
  // unrecognized key") matched no field and was dropped, while the panel listed only problems without a
  // path: the form said "1 problem" and showed it nowhere. Such problems are listed above the form.
  it('returns the problems no field can show, and those without a key, to be listed above the form', () => {
    const { atField, unplaced } = placeProblems(fields, [
      problem('risk.kelly.fractoin'),
      problem('risk.kell'),
      { path: '', line: null, message: 'settings.yaml: not YAML' },
      problem('risk.kelly.fraction'),
    ]);
    expect([...atField.keys()]).toEqual(['risk.kelly.fraction']);
    expect(unplaced.map((p) => p.path)).toEqual(['risk.kelly.fractoin', 'risk.kell', '']);
  });
});
