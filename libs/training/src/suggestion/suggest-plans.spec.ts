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

  it('finds the same optimum as trying every choice, so pruning and symmetry rows never cut it off', async () => {
    const unit = fc.record({
      method: fc.constantFrom(...Object.values(TrainingMethod)),
      route: fc.constant(TrainingRoute.KLASIKAL),
      // Few distinct values, so that options tie, dominate one another, and gaps share severities.
      costPerParticipantJpIdr: fc.constantFrom(10_000, 50_000, 100_000),
      fixedIdr: fc.constantFrom(0, 5_000_000),
      hoursJp: fc.constantFrom(4, 8, 16),
      maxParticipants: fc.constantFrom(5, 10, 30),
      coverage: fc.constantFrom(0.2, 0.4, 0.6),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            agency: fc.integer({ min: 0, max: 2 }),
            severity: fc.integer({ min: 1, max: 4 }),
          }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        fc.array(unit, { minLength: 1, maxLength: 4 }),
        fc.array(
          fc.record({
            size: fc.integer({ min: 5, max: 50 }),
            planned: fc.integer({ min: 0, max: 400 }),
          }),
          {
            minLength: 3,
            maxLength: 3,
          },
        ),
        fc.integer({ min: 5_000_000, max: 200_000_000 }),
        fc.integer({ min: 20, max: 40 }),
        async (gapSpecs, unitCosts, sizes, budgetIdr, ceiling) => {
          const agencies = new Map(sizes.map((a, i) => [`MDN-${i}`, load(a.size, a.planned)]));
          const gaps = gapSpecs.map((g, i) => gap(`g${i}`, `MDN-${g.agency}`, g.severity));
          const s = await suggestTrainingItems({
            gaps,
            agencies,
            unitCosts,
            budgetIdr,
            jpCeilingPerCivilServant: ceiling,
          });
          expect(s.optimal).toBe(true);
          expect(s.coveredSeverity).toBeCloseTo(
            bruteForce(gaps, agencies, unitCosts, budgetIdr, ceiling),
            9,
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

/** Every assignment of one method or none to each gap, kept if within budget and every JP ceiling. */
function bruteForce(
  gaps: CandidateGap[],
  agencies: Map<string, AgencyLoad>,
  units: MethodUnitCost[],
  budget: number,
  ceiling: number,
): number {
  let best = 0;
  const jp = new Map<string, number>();
  const visit = (k: number, cost: number, value: number) => {
    if (k === gaps.length) {
      best = Math.max(best, value);
      return;
    }
    visit(k + 1, cost, value);
    const g = gaps[k];
    const a = agencies.get(g.agencyCode)!;
    for (const u of units) {
      const p = Math.min(a.civilServants, u.maxParticipants);
      const c = cost + u.fixedIdr + u.costPerParticipantJpIdr * p * u.hoursJp;
      const used = (jp.get(g.agencyCode) ?? 0) + p * u.hoursJp;
      if (c > budget || used + a.plannedParticipantJp > ceiling * a.civilServants) continue;
      jp.set(g.agencyCode, used);
      visit(k + 1, c, value + g.severity * u.coverage);
      jp.set(g.agencyCode, used - p * u.hoursJp);
    }
  };
  visit(0, 0, 0);
  return best;
}
