import type { Prediction } from '../model/types.js';
import type { RoutingBasis } from '../entities/routing-decision.entity.js';

export interface RoutePolicy {
  minConfidence: number;
  hintOverrideConfidence: number;
}

export interface RouteOutcome {
  basis: RoutingBasis;
  /** Agency type chosen; undefined sends the item to triage. */
  agencyType?: string;
  confidence: number;
  alternatives: { agencyType: string; score: number }[];
  decisiveTerms: string[];
  explanation: string;
}

/** The hint's share of the reading under which a confident reading overrules the citizen's choice. */
export const HINT_IGNORED_BELOW = 0.05;

const pct = (p: number) => `${Math.round(p * 100)}%`;
const words = (terms: string[]) => (terms.length ? ` Kata penentu: ${terms.join(', ')}.` : '');

/**
 * Combines what the text says with the agency the citizen picked. The hint is
 * trusted unless the text points elsewhere with high confidence and gives the
 * hint almost none; without a hint, a confident reading routes and anything
 * less goes to the city coordinator with the top suggestions.
 */
export function decideRoute(
  prediction: Prediction,
  hintType: string | undefined,
  policy: RoutePolicy,
): RouteOutcome {
  const [top] = prediction.scores;
  const alternatives = prediction.scores
    .slice(0, 3)
    .map((s) => ({ agencyType: s.label, score: s.probability }));
  const base = { alternatives, decisiveTerms: prediction.decisiveTerms };

  if (hintType) {
    const hintScore = prediction.scores.find((s) => s.label === hintType)?.probability ?? 0;
    if (top.label === hintType) {
      return {
        ...base,
        basis: 'HINT_CONFIRMED',
        agencyType: hintType,
        confidence: top.probability,
        explanation: `Sesuai instansi yang dipilih pelapor; isi laporan juga menunjuk ${hintType} (${pct(top.probability)}).${words(prediction.decisiveTerms)}`,
      };
    }
    if (top.probability >= policy.hintOverrideConfidence && hintScore < HINT_IGNORED_BELOW) {
      return {
        ...base,
        basis: 'HINT_OVERRIDDEN',
        agencyType: top.label,
        confidence: top.probability,
        explanation: `Pelapor memilih ${hintType}, tetapi isi laporan jelas menunjuk ${top.label} (${pct(top.probability)}; ${hintType} ${pct(hintScore)}), jadi pilihan pelapor tidak diikuti.${words(prediction.decisiveTerms)}`,
      };
    }
    return {
      ...base,
      basis: 'HINT',
      agencyType: hintType,
      confidence: hintScore,
      explanation: `Mengikuti instansi yang dipilih pelapor (${hintType}); isi laporan tidak cukup kuat menunjuk instansi lain (tertinggi ${top.label} ${pct(top.probability)}).`,
    };
  }

  if (top.probability >= policy.minConfidence) {
    return {
      ...base,
      basis: 'MODEL',
      agencyType: top.label,
      confidence: top.probability,
      explanation: `Isi laporan menunjuk ${top.label} (${pct(top.probability)}).${words(prediction.decisiveTerms)}`,
    };
  }
  return {
    ...base,
    basis: 'LOW_CONFIDENCE',
    confidence: top.probability,
    explanation: `Belum cukup yakin (tertinggi ${top.label} ${pct(top.probability)}, batas ${pct(policy.minConfidence)}); koordinator kota perlu memilih instansi. Saran: ${alternatives.map((a) => `${a.agencyType} ${pct(a.score)}`).join(', ')}.`,
  };
}
