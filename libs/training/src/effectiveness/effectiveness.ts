import { decimal } from '../format-id.js';

/** One agency's complaints in one week (weeks start on Monday, calendar days in WIB). */
export interface AgencyWeek {
  agencyCode: string;
  weekStart: string;
  /** Complaints in the plan's evidence clusters or carrying its competency. */
  matching: number;
  /** Every complaint the agency received that week: the exposure rates are taken against. */
  total: number;
}

export interface EffectivenessInput {
  trainedAgencyCodes: readonly string[];
  /** The day the plan was completed: the first "after" week is the week holding it. */
  windowStartsOn: string;
  /** Today: weeks not yet over are not counted. */
  asOf: string;
  weeks: number;
  rows: readonly AgencyWeek[];
  /** Least complaints each group needs on each side; fewer gives "belum cukup data". */
  minComplaints?: number;
  /** A ratio of ratios whose whole interval lies within [1/m, m] counts as "tidak berubah". */
  equivalenceMargin?: number;
}

export type Verdict = 'turun signifikan' | 'tidak berubah' | 'naik' | 'belum cukup data';

export interface GroupWindow {
  complaints: number;
  volume: number;
}

export interface RateRatio {
  ratio: number;
  ciLow: number;
  ciHigh: number;
}

export interface EffectWeek {
  weekStart: string;
  after: boolean;
  /** Matching complaints per complaint received, or null in a week with no complaints at all. */
  trained: number | null;
  comparison: number | null;
}

export interface Effectiveness {
  verdict: Verdict;
  trained: RateRatio | null;
  comparison: RateRatio | null;
  /** The trained group's ratio divided by the comparison group's: what the training changed. */
  ratioOfRatios: RateRatio | null;
  windows: {
    trainedBefore: GroupWindow;
    trainedAfter: GroupWindow;
    comparisonBefore: GroupWindow;
    comparisonAfter: GroupWindow;
  };
  weeksBefore: number;
  weeksAfter: number;
  weeks: EffectWeek[];
  explanation: string;
}

const DAY = 86_400_000;
const Z95 = 1.959963984540054;

const WIB_OFFSET = 7 * 3_600_000;
const HAS_OFFSET = /(?:Z|[+-]\d\d(?::?\d\d)?)$/i;

/**
 * The WIB calendar day holding a moment, as whole days since 1970-01-01: a Date
 * or a timestamp with an offset is an instant (a complaint at 20:00 UTC on Sunday
 * is Monday in Medan); a bare YYYY-MM-DD is already a calendar date.
 */
function wibDay(at: string | Date): number {
  const ms =
    typeof at !== 'string'
      ? at.getTime() + WIB_OFFSET
      : at.length > 10 && HAS_OFFSET.test(at)
        ? Date.parse(at) + WIB_OFFSET
        : Date.parse(`${at.slice(0, 10)}T00:00:00Z`);
  return Math.floor(ms / DAY);
}

/** Weeks counted from Monday 1969-12-29, so that day 0 (a Thursday) lies in week 0. */
const weekOfDay = (day: number) => Math.floor((day + 3) / 7);
const mondayOfWeek = (week: number) => new Date((week * 7 - 3) * DAY).toISOString().slice(0, 10);

/** Monday of the WIB week holding the date, as YYYY-MM-DD. */
export function weekStartOf(date: string | Date): string {
  return mondayOfWeek(weekOfDay(wibDay(date)));
}

const addWeeks = (weekStart: string, n: number) =>
  new Date(Date.parse(`${weekStart}T00:00:00Z`) + n * 7 * DAY).toISOString().slice(0, 10);

/**
 * The rate ratio of two Poisson counts against their exposures, with the usual
 * log-scale Wald interval: SE(log RR) = √(1/a₁ + 1/a₀). A zero count gets half an
 * event (Haldane) so the interval stays finite; callers refuse such thin data anyway.
 */
export function poissonRateRatio(before: GroupWindow, after: GroupWindow): RateRatio {
  const a0 = before.complaints || 0.5;
  const a1 = after.complaints || 0.5;
  const ratio = a1 / after.volume / (a0 / before.volume);
  const se = Math.sqrt(1 / a0 + 1 / a1);
  return { ratio, ciLow: ratio * Math.exp(-Z95 * se), ciHigh: ratio * Math.exp(Z95 * se) };
}

/** Ratio of two independent rate ratios; on the log scale their variances add. */
export function ratioOfRatios(trained: RateRatio, comparison: RateRatio): RateRatio {
  const se = (r: RateRatio) => Math.log(r.ciHigh / r.ratio) / Z95;
  const ratio = trained.ratio / comparison.ratio;
  const s = Math.hypot(se(trained), se(comparison));
  return { ratio, ciLow: ratio * Math.exp(-Z95 * s), ciHigh: ratio * Math.exp(Z95 * s) };
}

/**
 * Did the complaints that made the gap fall after the training, more than they
 * fell elsewhere? Trained agencies' matching complaints per complaint received,
 * N weeks before against N weeks after, beside the same rate at agencies not
 * trained (the comparison group), so that a spike falling back by itself or a
 * city-wide change is not credited to the training. The verdict reads the ratio
 * of the two ratios and its 95 % interval.
 */
export function trainingEffectiveness(input: EffectivenessInput): Effectiveness {
  const minComplaints = input.minComplaints ?? 10;
  const margin = input.equivalenceMargin ?? 1.25;
  const trainedSet = new Set(input.trainedAgencyCodes);
  const firstAfter = weekStartOf(input.windowStartsOn);
  const firstBefore = addWeeks(firstAfter, -input.weeks);
  const lastCompleteWeek = addWeeks(weekStartOf(input.asOf), -1);

  const series = new Map<string, { tm: number; tt: number; cm: number; ct: number }>();
  for (let i = -input.weeks; i < input.weeks; i++) {
    const w = addWeeks(firstAfter, i);
    if (w > lastCompleteWeek) break;
    series.set(w, { tm: 0, tt: 0, cm: 0, ct: 0 });
  }
  // The comparison group is the agencies not trained where the competency shows
  // up at all; an agency that never has such complaints says nothing about them.
  const comparisonSet = new Set(
    input.rows
      .filter((r) => r.matching > 0 && !trainedSet.has(r.agencyCode) && series.has(r.weekStart))
      .map((r) => r.agencyCode),
  );
  for (const row of input.rows) {
    const cell = series.get(row.weekStart);
    if (!cell) continue;
    if (trainedSet.has(row.agencyCode)) {
      cell.tm += row.matching;
      cell.tt += row.total;
    } else if (comparisonSet.has(row.agencyCode)) {
      cell.cm += row.matching;
      cell.ct += row.total;
    }
  }

  const windows = {
    trainedBefore: { complaints: 0, volume: 0 },
    trainedAfter: { complaints: 0, volume: 0 },
    comparisonBefore: { complaints: 0, volume: 0 },
    comparisonAfter: { complaints: 0, volume: 0 },
  };
  const weeks: EffectWeek[] = [];
  let weeksBefore = 0;
  let weeksAfter = 0;
  for (const [weekStart, c] of series) {
    const after = weekStart >= firstAfter;
    if (after) weeksAfter++;
    else if (weekStart >= firstBefore) weeksBefore++;
    const t = after ? windows.trainedAfter : windows.trainedBefore;
    const k = after ? windows.comparisonAfter : windows.comparisonBefore;
    t.complaints += c.tm;
    t.volume += c.tt;
    k.complaints += c.cm;
    k.volume += c.ct;
    weeks.push({
      weekStart,
      after,
      trained: c.tt > 0 ? c.tm / c.tt : null,
      comparison: c.ct > 0 ? c.cm / c.ct : null,
    });
  }

  const minWeeks = Math.max(4, Math.ceil(input.weeks / 2));
  const thin = [
    weeksAfter < minWeeks &&
      `baru ${weeksAfter} minggu penuh setelah pelatihan (perlu ${minWeeks})`,
    weeksBefore < minWeeks &&
      `hanya ${weeksBefore} minggu data sebelum pelatihan (perlu ${minWeeks})`,
    windows.trainedBefore.complaints + windows.trainedAfter.complaints < minComplaints &&
      `instansi yang dilatih hanya punya ${windows.trainedBefore.complaints + windows.trainedAfter.complaints} pengaduan terkait (perlu ${minComplaints})`,
    windows.comparisonBefore.complaints < minComplaints / 2 ||
    windows.comparisonAfter.complaints < minComplaints / 2
      ? `kelompok pembanding (instansi lain, kompetensi yang sama) terlalu sedikit pengaduannya`
      : false,
    [
      windows.trainedBefore,
      windows.trainedAfter,
      windows.comparisonBefore,
      windows.comparisonAfter,
    ].some((w) => w.volume === 0) && 'ada periode tanpa pengaduan sama sekali',
  ].filter((x): x is string => typeof x === 'string');

  if (thin.length > 0) {
    return {
      verdict: 'belum cukup data',
      trained: null,
      comparison: null,
      ratioOfRatios: null,
      windows,
      weeksBefore,
      weeksAfter,
      weeks,
      explanation: `Belum cukup data: ${thin.join('; ')}.`,
    };
  }

  const trained = poissonRateRatio(windows.trainedBefore, windows.trainedAfter);
  const comparison = poissonRateRatio(windows.comparisonBefore, windows.comparisonAfter);
  const adjusted = ratioOfRatios(trained, comparison);
  const verdict: Verdict =
    adjusted.ciHigh < 1
      ? 'turun signifikan'
      : adjusted.ciLow > 1
        ? 'naik'
        : adjusted.ciLow >= 1 / margin && adjusted.ciHigh <= margin
          ? 'tidak berubah'
          : 'belum cukup data';
  return {
    verdict,
    trained,
    comparison,
    ratioOfRatios: adjusted,
    windows,
    weeksBefore,
    weeksAfter,
    weeks,
    explanation: explain(verdict, trained, comparison, adjusted, margin),
  };
}

const pct = (ratio: number) => `${decimal(Math.abs(ratio - 1) * 100)} %`;
const span = (r: RateRatio) =>
  `${decimal(r.ratio)} (IK 95 %: ${decimal(r.ciLow)}–${decimal(r.ciHigh)})`;

function explain(
  verdict: Verdict,
  t: RateRatio,
  c: RateRatio,
  adj: RateRatio,
  margin: number,
): string {
  const moves = (r: RateRatio) => (r.ratio < 1 ? `turun ${pct(r.ratio)}` : `naik ${pct(r.ratio)}`);
  const facts =
    `Di instansi yang dilatih, porsi pengaduan terkait ${moves(t)} (rasio ${span(t)}); ` +
    `di instansi pembanding ${moves(c)} (rasio ${span(c)}). Rasio keduanya ${span(adj)}.`;
  switch (verdict) {
    case 'turun signifikan':
      return `${facts} Penurunan melebihi perubahan di instansi pembanding dan tidak dapat dijelaskan oleh kebetulan.`;
    case 'naik':
      return `${facts} Pengaduan terkait justru naik dibanding instansi pembanding; tinjau kembali pelatihannya.`;
    case 'tidak berubah':
      return `${facts} Setelah memperhitungkan perubahan di instansi pembanding, tidak ada perubahan berarti (selang berada di antara ${decimal(1 / margin)} dan ${decimal(margin)}).`;
    default:
      return `${facts} Selangnya masih memuat "tidak berubah" namun terlalu lebar untuk menyimpulkan apa pun: tunggu data beberapa minggu lagi.`;
  }
}

/**
 * Complaint events (agency, week, matching or not) summed into agency-weeks, in
 * the order each agency-week first appears. Weeks are integers and counts sit in
 * typed arrays: two years of a city's complaints pass through without a Date or
 * a string key per complaint.
 */
export function agencyWeeksFrom(
  events: Iterable<{ agencyCode: string; submittedAt: string | Date; matching: boolean }>,
): AgencyWeek[] {
  const cellsOfAgency = new Map<string, Map<number, number>>();
  const agencyOf: string[] = [];
  let weekOf = new Int32Array(1024);
  let matching = new Int32Array(1024);
  let total = new Int32Array(1024);
  let cells = 0;
  for (const e of events) {
    let weeks = cellsOfAgency.get(e.agencyCode);
    if (!weeks) cellsOfAgency.set(e.agencyCode, (weeks = new Map()));
    const week = weekOfDay(wibDay(e.submittedAt));
    let cell = weeks.get(week);
    if (cell === undefined) {
      if (cells === total.length) {
        weekOf = grown(weekOf);
        matching = grown(matching);
        total = grown(total);
      }
      cell = cells++;
      weeks.set(week, cell);
      agencyOf[cell] = e.agencyCode;
      weekOf[cell] = week;
    }
    total[cell]++;
    if (e.matching) matching[cell]++;
  }
  const mondays = new Map<number, string>();
  const rows: AgencyWeek[] = new Array<AgencyWeek>(cells);
  for (let c = 0; c < cells; c++) {
    let weekStart = mondays.get(weekOf[c]);
    if (weekStart === undefined) mondays.set(weekOf[c], (weekStart = mondayOfWeek(weekOf[c])));
    rows[c] = { agencyCode: agencyOf[c], weekStart, matching: matching[c], total: total[c] };
  }
  return rows;
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
