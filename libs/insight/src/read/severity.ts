import type { GapTrend } from '../insight.views.js';

/** What a gap's severity is computed from: its evidence clusters' items within the window. */
export interface GapEvidenceFigures {
  items: number;
  reporters: number;
  /** Items in the later and the earlier half of the window. */
  recent: number;
  earlier: number;
  /** Items whose deadline was breached (escalated). */
  breaches: number;
  reopened: number;
  /** Items the citizen rated 1 or 2 of 5. */
  lowRatings: number;
  windowDays: number;
}

const TREND_FACTOR: Record<GapTrend, number> = { RISING: 1.25, STABLE: 1, FALLING: 0.8 };

/**
 * The severity formula planners can follow (README, "Insight"):
 *   base  = items + distinct reporters                (volume and reach)
 *   trend = ×1.25 rising, ×0.8 falling, ×1 otherwise   (later half vs earlier half of the window,
 *           rising when (later+1)/(earlier+1) ≥ 1.5, falling when ≤ 2/3)
 *   aggravation = 1 + ½·breaches/items + ½·reopened/items + ½·low ratings/items
 *   severity = base × trend × aggravation, rounded to one decimal.
 */
export function gapSeverity(f: GapEvidenceFigures): {
  severity: number;
  trend: GapTrend;
  explained: string;
} {
  const ratio = (f.recent + 1) / (f.earlier + 1);
  const trend: GapTrend = ratio >= 1.5 ? 'RISING' : ratio <= 2 / 3 ? 'FALLING' : 'STABLE';
  const base = f.items + f.reporters;
  const share = (n: number) => (f.items ? n / f.items : 0);
  const aggravation =
    1 + 0.5 * share(f.breaches) + 0.5 * share(f.reopened) + 0.5 * share(f.lowRatings);
  const severity = Math.round(base * TREND_FACTOR[trend] * aggravation * 10) / 10;
  const n = (x: number, d = 2) => x.toLocaleString('id-ID', { maximumFractionDigits: d });
  const trendText = {
    RISING: 'naik',
    STABLE: 'stabil',
    FALLING: 'turun',
  }[trend];
  const explained =
    `${f.items} laporan dari ${f.reporters} pelapor berbeda dalam ${f.windowDays} hari terakhir ` +
    `(dasar ${base}); tren ${trendText}: ${f.recent} laporan di paruh akhir vs ${f.earlier} di paruh awal ` +
    `(×${n(TREND_FACTOR[trend])}); ${f.breaches} lewat tenggat, ${f.reopened} dibuka ulang, ` +
    `${f.lowRatings} dinilai rendah (×${n(aggravation)}); keparahan = ${base} × ${n(TREND_FACTOR[trend])} × ${n(aggravation)} = ${n(severity, 1)}.`;
  return { severity, trend, explained };
}
