/**
 * npm run bench:training — the two computations of training planning, in process.
 *  1. suggestTrainingPlans: 200 candidate gaps × 7 methods (1,400 binaries before
 *     dominated methods are pruned, a
 *     budget row and one JP-ceiling row per agency) solved by HiGHS to a proven
 *     optimum; time per solve, beside what a greedy ratio pick would cover.
 *  2. trainingEffectiveness over two years of weekly data from 100,000 complaints
 *     (48 agencies): summing the complaints into agency-weeks and the comparison,
 *     p50 / p95 over repeated runs.
 * Prints figures; asserts nothing. The database reads behind both (gaps and
 * weekly counts from insight) are not part of these figures.
 */
import { performance } from 'node:perf_hooks';
import { AGENCY_TYPES, CITIES, COMPETENCIES } from '@suara/reference';
import {
  type AgencyLoad,
  type CandidateGap,
  DEFAULT_UNIT_COSTS,
  agencyWeeksFrom,
  suggestTrainingItems,
  trainingEffectiveness,
} from '@suara/training';
import { printTable } from './support/bench-env.js';

const GAPS = Number(process.env.BENCH_GAPS ?? 200);
const COMPLAINTS = Number(process.env.BENCH_COMPLAINTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);

/** A small seeded generator, so every run benchmarks the same instances. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

function greedy(
  gaps: CandidateGap[],
  agencies: Map<string, AgencyLoad>,
  budget: number,
  ceiling: number,
) {
  const options = gaps.flatMap((g) =>
    DEFAULT_UNIT_COSTS.map((u) => {
      const a = agencies.get(g.agencyCode)!;
      const p = Math.min(a.civilServants, u.maxParticipants);
      const cost = u.fixedIdr + u.costPerParticipantJpIdr * p * u.hoursJp;
      return { g, jp: p * u.hoursJp, cost, value: g.severity * u.coverage };
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

async function suggestionBench() {
  const rows: Record<string, string | number>[] = [];
  for (const [seed, budgetIdr] of [
    [1, 500_000_000],
    [2, 1_000_000_000],
    [3, 2_000_000_000],
    [4, 4_000_000_000],
    [5, 8_000_000_000],
  ]) {
    const rnd = random(seed);
    const agencies = new Map<string, AgencyLoad>();
    for (const t of AGENCY_TYPES)
      agencies.set(`MDN-${t.type}`, {
        civilServants: 40 + Math.floor(rnd() * 400),
        plannedParticipantJp: 0,
      });
    const pairs = [...agencies.keys()].flatMap((a) =>
      COMPETENCIES.map((c) => [a, c.code] as const),
    );
    const gaps: CandidateGap[] = pairs
      .sort(() => rnd() - 0.5)
      .slice(0, GAPS)
      .map(([agencyCode, competencyCode], i) => ({
        id: `gap-${i}`,
        agencyCode,
        competencyCode,
        severity: Math.round((0.2 + rnd() * rnd() * 10) * 100) / 100,
      }));
    const started = performance.now();
    const s = await suggestTrainingItems({
      gaps,
      agencies,
      unitCosts: DEFAULT_UNIT_COSTS,
      budgetIdr,
      jpCeilingPerCivilServant: 60,
    });
    const ms = performance.now() - started;
    const g = greedy(gaps, agencies, budgetIdr, 60);
    rows.push({
      budget: `Rp ${(budgetIdr / 1e9).toFixed(1)} M`,
      candidates: `${gaps.length} × ${DEFAULT_UNIT_COSTS.length}`,
      'time to optimum (ms)': Math.round(ms),
      optimal: String(s.optimal),
      items: s.items.length,
      'severity (exact)': s.coveredSeverity.toFixed(2),
      'severity (greedy)': g.toFixed(2),
      'spent / budget': `${((s.totalBudgetIdr / budgetIdr) * 100).toFixed(1)} %`,
    });
  }
  printTable(
    `suggestTrainingPlans: ${GAPS} gaps, ${DEFAULT_UNIT_COSTS.length} methods (first row includes loading HiGHS)`,
    rows,
  );
}

function effectivenessBench() {
  const rnd = random(42);
  const agencies = CITIES.flatMap((c) => AGENCY_TYPES.map((t) => `${c.code}-${t.type}`));
  const start = Date.parse('2025-01-06T00:00:00Z');
  const span = 104 * 7 * 86_400_000;
  const events = Array.from({ length: COMPLAINTS }, () => {
    const agencyCode = agencies[Math.floor(rnd() * agencies.length)];
    const at = start + Math.floor(rnd() * span);
    const dukcapil = agencyCode.endsWith('-DUKCAPIL');
    const trainedAfter = agencyCode === 'MDN-DUKCAPIL' && at > start + span / 2;
    return {
      agencyCode,
      submittedAt: new Date(at),
      matching: dukcapil && rnd() < (trainedAfter ? 0.15 : 0.3),
    };
  });
  const completedOn = new Date(start + span / 2).toISOString().slice(0, 10);
  const times: number[] = [];
  const computeOnly: number[] = [];
  let verdict = '';
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const rows = agencyWeeksFrom(events);
    const t1 = performance.now();
    const r = trainingEffectiveness({
      trainedAgencyCodes: ['MDN-DUKCAPIL'],
      windowStartsOn: completedOn,
      asOf: '2027-01-04',
      weeks: 52,
      rows,
    });
    const t2 = performance.now();
    times.push(t2 - t0);
    computeOnly.push(t2 - t1);
    verdict = `${r.verdict} (ratio of ratios ${r.ratioOfRatios?.ratio.toFixed(2)})`;
  }
  printTable(
    `trainingEffectiveness: ${COMPLAINTS.toLocaleString('en')} complaints, 104 weeks, ${agencies.length} agencies, ${RUNS} runs`,
    [
      {
        step: 'sum into agency-weeks + compare',
        'p50 (ms)': percentile(times, 50).toFixed(2),
        'p95 (ms)': percentile(times, 95).toFixed(2),
      },
      {
        step: 'compare only (rows from SQL)',
        'p50 (ms)': percentile(computeOnly, 50).toFixed(2),
        'p95 (ms)': percentile(computeOnly, 95).toFixed(2),
      },
    ],
  );
  console.log(`verdict on the synthetic drop: ${verdict}`);
}

await suggestionBench();
effectivenessBench();
