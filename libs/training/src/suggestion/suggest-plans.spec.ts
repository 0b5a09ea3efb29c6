import fc from 'fast-check';
import type { MethodUnitCost } from '../config/training.config.js';
import { DEFAULT_UNIT_COSTS } from '../config/training.config.js';
import { TrainingMethod, TrainingRoute } from '../training.enums.js';
import { type AgencyLoad, type CandidateGap, suggestTrainingItems } from './suggest-plans.js';

/** A unit cost where an item costs exactly Rp 1 million per participant-JP. */
const perHead: MethodUnitCost = {
  method: TrainingMethod.PELATIHAN,
  route: TrainingRoute.KLASIKAL,
  costPerParticipantJpIdr: 1_000_000,
  fixedIdr: 0,
  hoursJp: 1,
  maxParticipants: 1_000,
  coverage: 1,
};

const gap = (id: string, agencyCode: string, severity: number): CandidateGap => ({
  id,
  agencyCode,
  competencyCode: 'T-ADMINDUK',
  severity,
});
const load = (civilServants: number, plannedParticipantJp = 0): AgencyLoad => ({
  civilServants,
  plannedParticipantJp,
});

/** The ratio-first heuristic the suggestion must never fall back to. */
function greedy(items: { value: number; cost: number }[], budget: number): number {
  let left = budget;
  let value = 0;
  for (const i of [...items].sort((a, b) => b.value / b.cost - a.value / a.cost)) {
    if (i.cost <= left) {
      left -= i.cost;
      value += i.value;
    }
  }
  return value;
}

/** Greedy by severity per rupiah over every (gap, method), respecting budget, ceilings and one item per gap. */
function greedyWithCeilings(
  gaps: CandidateGap[],
  agencies: Map<string, AgencyLoad>,
  budget: number,
  ceiling: number,
): number {
  const options = gaps.flatMap((g) =>
    DEFAULT_UNIT_COSTS.map((u) => {
      const a = agencies.get(g.agencyCode)!;
      const p = Math.min(a.civilServants, u.maxParticipants);
      return {
        g,
        jp: p * u.hoursJp,
        cost: u.fixedIdr + u.costPerParticipantJpIdr * p * u.hoursJp,
        value: g.severity * u.coverage,
      };
    }),
  );
  const room = new Map(
    [...agencies].map(([k, a]) => [k, ceiling * a.civilServants - a.plannedParticipantJp]),
  );
  const done = new Set<string>();
  let left = budget;
  let value = 0;
  for (const o of options.sort((a, b) => b.value / b.cost - a.value / a.cost)) {
    if (done.has(o.g.id) || o.cost > left || o.jp > room.get(o.g.agencyCode)!) continue;
    done.add(o.g.id);
    left -= o.cost;
    room.set(o.g.agencyCode, room.get(o.g.agencyCode)! - o.jp);
    value += o.value;
  }
  return value;
}

describe('suggestTrainingItems', () => {
  it('beats greedy when the best ratio blocks two that together are worth more', async () => {
    // A: 60 severity for 51 M (ratio 1.18); B and C: 50 for 50 M each (ratio 1.0). Budget 100 M.
    const agencies = new Map([
      ['MDN-A', load(51)],
      ['MDN-B', load(50)],
      ['MDN-C', load(50)],
    ]);
    const gaps = [gap('a', 'MDN-A', 60), gap('b', 'MDN-B', 50), gap('c', 'MDN-C', 50)];
    const greedyValue = greedy(
      [
        { value: 60, cost: 51 },
        { value: 50, cost: 50 },
        { value: 50, cost: 50 },
      ],
      100,
    );
    const s = await suggestTrainingItems({
      gaps,
      agencies,
      unitCosts: [perHead],
      budgetIdr: 100_000_000,
      jpCeilingPerCivilServant: 20,
    });
    expect(greedyValue).toBe(60);
    expect(s.optimal).toBe(true);
    expect(s.coveredSeverity).toBeCloseTo(100);
    expect(s.items.flatMap((i) => i.gapIds).sort()).toEqual(['b', 'c']);
    expect(s.totalBudgetIdr).toBe(100_000_000);
    expect(s.leftOut).toEqual([{ gapId: 'a', reason: expect.stringContaining('tidak diusulkan') }]);
    expect(s.items[0].explanation).toMatch(/keparahan .* per juta rupiah/);
    expect(s.explanation).toMatch(/terbukti optimal/);
  });

  it('lets the JP ceiling, not only the budget, decide', async () => {
    // Two methods for one agency of 10: both would fit the money, only one fits 20 JP each.
    const long = { ...perHead, hoursJp: 15, costPerParticipantJpIdr: 10_000, coverage: 0.9 };
    const short = {
      ...perHead,
      method: TrainingMethod.SEMINAR,
      hoursJp: 6,
      costPerParticipantJpIdr: 10_000,
      coverage: 0.3,
    };
    const agencies = new Map([['MDN-A', load(10, 10 * 10)]]); // 10 JP each already planned
    const s = await suggestTrainingItems({
      gaps: [gap('a', 'MDN-A', 10)],
      agencies,
      unitCosts: [long, short],
      budgetIdr: 1e9,
      jpCeilingPerCivilServant: 20,
    });
    expect(s.items).toHaveLength(1);
    expect(s.items[0].method).toBe(TrainingMethod.SEMINAR);
  });

  it('says why a gap no method can fit was left out', async () => {
    const s = await suggestTrainingItems({
      gaps: [gap('a', 'MDN-A', 10), gap('b', 'MDN-B', 5)],
      agencies: new Map([
        ['MDN-A', load(10, 200)],
        ['MDN-B', load(500)],
      ]),
      unitCosts: [perHead],
      budgetIdr: 100_000_000,
      jpCeilingPerCivilServant: 20,
    });
    expect(s.items).toEqual([]);
    expect(s.leftOut.find((l) => l.gapId === 'a')!.reason).toMatch(/batas 20 JP/);
    expect(s.leftOut.find((l) => l.gapId === 'b')!.reason).toMatch(/melebihi seluruh anggaran/);
  });

  it('never exceeds the budget or any agency JP ceiling, and covers at least what greedy covers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            agency: fc.integer({ min: 0, max: 5 }),
            severity: fc.double({ min: 0.1, max: 20, noNaN: true }),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        fc.array(fc.integer({ min: 5, max: 400 }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 3_000 }), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 10_000_000, max: 800_000_000 }),
        fc.integer({ min: 20, max: 80 }),
        async (gapSpecs, sizes, planned, budgetIdr, ceiling) => {
          const agencies = new Map(sizes.map((n, i) => [`MDN-${i}`, load(n, planned[i])]));
          const gaps = gapSpecs.map((g, i) => gap(`g${i}`, `MDN-${g.agency}`, g.severity));
          const s = await suggestTrainingItems({
            gaps,
            agencies,
            unitCosts: DEFAULT_UNIT_COSTS,
            budgetIdr,
            jpCeilingPerCivilServant: ceiling,
          });
          expect(s.optimal).toBe(true);
          expect(s.totalBudgetIdr).toBeLessThanOrEqual(budgetIdr);
          for (const [code, a] of agencies) {
            const jp = s.items
              .filter((i) => i.agencyCodes[0] === code)
              .reduce((sum, i) => sum + i.participants * i.hoursJp, 0);
            if (jp > 0)
              expect(jp + a.plannedParticipantJp).toBeLessThanOrEqual(ceiling * a.civilServants);
          }
          expect(s.coveredSeverity).toBeGreaterThanOrEqual(
            greedyWithCeilings(gaps, agencies, budgetIdr, ceiling) - 1e-6,
          );
          const gapIds = s.items.flatMap((i) => i.gapIds);
          expect(new Set(gapIds).size).toBe(gapIds.length);
          expect(gapIds.length + s.leftOut.length).toBe(gaps.length);
        },
      ),
      { numRuns: 40 },
    );
  });
});
