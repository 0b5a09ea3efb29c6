import { impliedGaps, productionGaps } from './gap-evaluation.js';
import { pairCounts, prf } from './metrics.js';
import { groupedFolds, smoothedArgmax } from './cluster-evaluation.js';

describe('pairwise cluster counts', () => {
  it('counts pairs that share a cluster; gold null is a singleton', () => {
    const c = pairCounts(['a', 'a', 'a', null, null], ['x', 'x', 'y', 'y', 'y']);
    // gold pairs: (0,1) (0,2) (1,2); predicted pairs: (0,1) (2,3) (2,4) (3,4)
    expect(c).toEqual({ truePositives: 1, predicted: 4, actual: 3 });
    expect(prf(c.truePositives, c.predicted, c.actual).f1).toBeCloseTo(2 / 7);
  });
});

describe('groupedFolds', () => {
  it('never splits a gold cluster between folds', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({
      id: `i${i}`,
      agency: 'A',
      text: '',
      kind: 'COMPLAINT',
      cluster: i % 3 === 0 ? null : `c${i % 5}`,
    }));
    const folds = groupedFolds(items, 4);
    for (const c of ['c1', 'c2', 'c3', 'c4'])
      expect(
        new Set(items.filter((it) => it.cluster === c).map((it) => folds[items.indexOf(it)])).size,
      ).toBe(1);
  });
});

describe('impliedGaps', () => {
  const item = (reporter: string, competencies: string[], isComplaint = true) => ({
    agency: 'PMS-PUPR',
    reporter,
    isComplaint,
    competencies,
  });

  it('links competencies of recurring clusters only, and none for ASSET alone', () => {
    const items = [
      item('r1', ['M.04', 'T-PROYEK']),
      item('r2', ['M.04']),
      item('r3', []),
      item('r4', []),
      item('r5', []),
      item('r5', ['M.01']),
      item('r5', ['M.01']),
    ];
    const gaps = impliedGaps(items, ['a', 'a', 'a', 'b', 'b', 'c', 'c']);
    // cluster a: 3 reporters, M.04 on 2 of 3 complaints; b: ASSET-only (no competency); c: one reporter
    expect([...gaps]).toEqual(['PMS-PUPR M.04']);
  });
});

describe('productionGaps', () => {
  const member = (reporterKey: string, competencies: string[], kind = 'COMPLAINT') => ({
    agency: 'PMS-PUPR',
    reporterKey,
    kind,
    themes: [],
    competencies,
    submittedAt: new Date(0),
  });

  it("applies the worker's rule: the complaints carrying a competency must recur", () => {
    const items = [
      member('r1', ['M.04']),
      member('r2', ['M.04']),
      member('r3', ['M.04']),
      member('r4', ['M.01']),
      member('r5', [], 'SUGGESTION'),
      member('r6', [], 'SUGGESTION'),
    ];
    const gaps = productionGaps(items, ['a', 'a', 'a', 'b', 'b', 'b']);
    // b recurs as a cluster, but only one complaint points at M.01 (impliedGaps would link it)
    expect([...gaps]).toEqual(['PMS-PUPR M.04']);
    expect([
      ...impliedGaps(
        items.map((m) => ({ ...m, reporter: m.reporterKey, isComplaint: m.kind === 'COMPLAINT' })),
        ['a', 'a', 'a', 'b', 'b', 'b'],
      ),
    ]).toEqual(['PMS-PUPR M.04', 'PMS-PUPR M.01']);
  });
});

describe('smoothedArgmax', () => {
  it('prefers a broad good region to an isolated peak', () => {
    const surface = [
      [0.1, 0.95, 0.1, 0.7, 0.7],
      [0.1, 0.1, 0.1, 0.8, 0.8],
      [0.1, 0.1, 0.1, 0.8, 0.8],
    ];
    expect(smoothedArgmax(surface)).toEqual({ row: 2, col: 4 });
  });
});
