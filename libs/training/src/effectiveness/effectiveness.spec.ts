import {
  type AgencyWeek,
  agencyWeeksFrom,
  poissonRateRatio,
  trainingEffectiveness,
  weekStartOf,
} from './effectiveness.js';

const DAY = 86_400_000;
const COMPLETED = '2026-03-04'; // a Wednesday: the first "after" week starts Monday 2026-03-02
const AS_OF = '2026-07-01';
const N = 12;

const week = (i: number) =>
  new Date(Date.parse('2026-03-02T00:00:00Z') + i * 7 * DAY).toISOString().slice(0, 10);

/** Weekly rows for one agency from -N to N-1, matching and total given per week. */
function series(agencyCode: string, matching: (i: number) => number, total = 400): AgencyWeek[] {
  const rows: AgencyWeek[] = [];
  for (let i = -N; i < N; i++)
    rows.push({ agencyCode, weekStart: week(i), matching: matching(i), total });
  return rows;
}

const run = (
  rows: AgencyWeek[],
  overrides: Partial<Parameters<typeof trainingEffectiveness>[0]> = {},
) =>
  trainingEffectiveness({
    trainedAgencyCodes: ['MDN-DUKCAPIL'],
    windowStartsOn: COMPLETED,
    asOf: AS_OF,
    weeks: N,
    rows,
    ...overrides,
  });

describe('trainingEffectiveness', () => {
  it('finds a known drop at the trained agency while the comparison group stays flat', () => {
    const r = run([
      ...series('MDN-DUKCAPIL', (i) => (i < 0 ? 40 : 20)),
      ...series('PMS-DUKCAPIL', () => 40),
      ...series('TPI-DUKCAPIL', () => 40),
      // An agency that never sees these complaints stays out of the comparison group.
      ...series('MDN-DLH', () => 0, 5_000),
    ]);
    expect(r.verdict).toBe('turun signifikan');
    expect(r.trained!.ratio).toBeCloseTo(0.5);
    expect(r.trained!.ciHigh).toBeLessThan(1);
    expect(r.comparison!.ratio).toBeCloseTo(1);
    expect(r.ratioOfRatios!.ratio).toBeCloseTo(0.5);
    expect(r.weeks).toHaveLength(2 * N);
    expect(r.weeks[0]).toEqual({
      weekStart: week(-N),
      after: false,
      trained: 0.1,
      comparison: 0.1,
    });
    expect(r.weeks[N]).toEqual({
      weekStart: '2026-03-02',
      after: true,
      trained: 0.05,
      comparison: 0.1,
    });
    expect(r.explanation).toMatch(/turun 50 %/);
  });

  it('says "tidak berubah" when both groups hold steady and the interval is narrow', () => {
    const noisy = (seed: number) => (i: number) => 50 + ((i * 7 + seed) % 5) - 2;
    const r = run([
      ...series('MDN-DUKCAPIL', noisy(1)),
      ...series('PMS-DUKCAPIL', noisy(2)),
      ...series('TPI-DUKCAPIL', noisy(3)),
    ]);
    expect(r.verdict).toBe('tidak berubah');
    expect(r.ratioOfRatios!.ciLow).toBeLessThan(1);
    expect(r.ratioOfRatios!.ciHigh).toBeGreaterThan(1);
  });

  it('does not credit the training with a city-wide drop the comparison group shows too', () => {
    const r = run([
      ...series('MDN-DUKCAPIL', (i) => (i < 0 ? 60 : 30)),
      ...series('PMS-DUKCAPIL', (i) => (i < 0 ? 60 : 30)),
      ...series('TPI-DUKCAPIL', (i) => (i < 0 ? 60 : 30)),
    ]);
    // Taken alone, the trained agency's fall looks significant…
    expect(r.trained!.ciHigh).toBeLessThan(1);
    // …but the agencies that were not trained fell just as much.
    expect(r.ratioOfRatios!.ratio).toBeCloseTo(1);
    expect(r.verdict).toBe('tidak berubah');
  });

  it('finds a rise', () => {
    const r = run([
      ...series('MDN-DUKCAPIL', (i) => (i < 0 ? 20 : 45)),
      ...series('PMS-DUKCAPIL', () => 30),
    ]);
    expect(r.verdict).toBe('naik');
  });

  it('refuses to conclude on too few weeks after the training', () => {
    const r = run(
      [...series('MDN-DUKCAPIL', (i) => (i < 0 ? 40 : 5)), ...series('PMS-DUKCAPIL', () => 40)],
      { asOf: '2026-03-20' },
    );
    expect(r.verdict).toBe('belum cukup data');
    expect(r.weeksAfter).toBe(2);
    expect(r.trained).toBeNull();
    expect(r.explanation).toMatch(/baru 2 minggu penuh/);
  });

  it('refuses to conclude on too few complaints', () => {
    const r = run([
      ...series('MDN-DUKCAPIL', (i) => (i === -3 ? 3 : i === 4 ? 1 : 0)),
      ...series('PMS-DUKCAPIL', () => 10),
    ]);
    expect(r.verdict).toBe('belum cukup data');
    expect(r.explanation).toMatch(/hanya punya 4 pengaduan/);
  });

  it('refuses when the interval is too wide to call it either way', () => {
    const wide = run([
      ...series('MDN-DUKCAPIL', (i) => (i < 0 ? 2 : 2)),
      ...series('PMS-DUKCAPIL', () => 2),
    ]);
    expect(wide.ratioOfRatios!.ciLow).toBeLessThan(0.8);
    expect(wide.verdict).toBe('belum cukup data');
  });

  it('computes the Poisson interval on the log scale', () => {
    const rr = poissonRateRatio(
      { complaints: 100, volume: 1000 },
      { complaints: 50, volume: 1000 },
    );
    expect(rr.ratio).toBeCloseTo(0.5);
    const se = Math.sqrt(1 / 100 + 1 / 50);
    expect(rr.ciLow).toBeCloseTo(0.5 * Math.exp(-1.959964 * se), 6);
    expect(rr.ciHigh).toBeCloseTo(0.5 * Math.exp(1.959964 * se), 6);
  });

  it('sums complaint events into Monday weeks', () => {
    expect(weekStartOf('2026-03-08')).toBe('2026-03-02');
    expect(weekStartOf('2026-03-02')).toBe('2026-03-02');
    const rows = agencyWeeksFrom([
      { agencyCode: 'A', submittedAt: '2026-03-03T10:00:00Z', matching: true },
      { agencyCode: 'A', submittedAt: '2026-03-05T10:00:00Z', matching: false },
      { agencyCode: 'A', submittedAt: '2026-03-10T10:00:00Z', matching: true },
    ]);
    expect(rows).toEqual([
      { agencyCode: 'A', weekStart: '2026-03-02', matching: 1, total: 2 },
      { agencyCode: 'A', weekStart: '2026-03-09', matching: 1, total: 1 },
    ]);
  });

  it('puts each complaint in its WIB week, whether it comes as a Date or a timestamp', () => {
    // Sunday 2026-03-08 20:00 UTC is Monday 03:00 in Medan: the next week.
    expect(weekStartOf(new Date('2026-03-08T20:00:00Z'))).toBe('2026-03-09');
    expect(weekStartOf('2026-03-08T16:59:59Z')).toBe('2026-03-02');
    expect(weekStartOf('2026-03-09T00:30:00+07:00')).toBe('2026-03-09');
    // Weeks before 1970 and across a year end land on Mondays too.
    expect(weekStartOf('1969-12-31')).toBe('1969-12-29');
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28');
    const rows = agencyWeeksFrom([
      { agencyCode: 'B', submittedAt: new Date('2026-03-08T20:00:00Z'), matching: true },
      { agencyCode: 'A', submittedAt: new Date('2026-03-08T10:00:00Z'), matching: false },
      { agencyCode: 'B', submittedAt: '2026-03-09T08:00:00+07:00', matching: false },
      { agencyCode: 'A', submittedAt: '2026-03-02', matching: true },
    ]);
    expect(rows).toEqual([
      { agencyCode: 'B', weekStart: '2026-03-09', matching: 1, total: 2 },
      { agencyCode: 'A', weekStart: '2026-03-02', matching: 1, total: 2 },
    ]);
  });
});
