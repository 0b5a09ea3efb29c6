import { competenciesFor } from '../themes/competencies.js';
import { ThemeDetector } from '../themes/theme-detector.js';
import { defaultThemeLexicon, type ThemeLexicon } from '../themes/theme-lexicon.js';
import { type ClusterEvaluation, crossValidateClustering } from './cluster-evaluation.js';
import { labeledGaps, productionGaps, scoreGaps } from './gap-evaluation.js';
import { agencyKey, type LabeledItem } from './labeled-item.js';
import { prf, type PRF } from './metrics.js';
import { scoreThemes, type ThemeScores } from './theme-evaluation.js';

/** The labeled file has no dates: every item counts as inside the recurrence window. */
const LABELED_AT = new Date(0);

export interface InsightReport {
  items: number;
  folds: number;
  clusters: ClusterEvaluation;
  themes: ThemeScores;
  gaps: PRF & { tp: number; gold: string[]; predicted: string[] };
}

/**
 * Held-out quality of the insight text core on a labeled set: clustering with
 * its threshold cross-validated by gold cluster, themes from the shipped lexicon
 * (nothing fitted on the set), and the competency gaps both imply: the gold
 * ones by the rule on gold labels, the predicted ones by the rule the
 * running system applies (summariseCluster) to what it read.
 */
export async function evaluateInsight(
  items: readonly LabeledItem[],
  options: { folds?: number; lexicon?: ThemeLexicon } = {},
): Promise<InsightReport> {
  const folds = options.folds ?? 5;
  const detector = new ThemeDetector(options.lexicon ?? defaultThemeLexicon());
  const readings = items.map((it) => detector.read(it.text, it.kind));
  const predictedThemes = readings.map((r) => r.themes.map((t) => t.code));
  const themes = scoreThemes(
    items.map((it) => it.themes),
    predictedThemes,
  );

  const clusters = await crossValidateClustering(
    items.map((it) => ({
      id: it.id,
      agency: agencyKey(it),
      text: it.text,
      cluster: it.cluster,
      kind: it.kind,
    })),
    folds,
  );

  const goldGaps = labeledGaps(items);
  const predictedGaps = productionGaps(
    items.map((it, i) => ({
      agency: agencyKey(it),
      reporterKey: it.reporter,
      kind: it.kind,
      themes: predictedThemes[i],
      competencies: competenciesFor(
        predictedThemes[i],
        it.agency,
        it.kind,
        readings[i].assetIgnored,
      ),
      submittedAt: LABELED_AT,
    })),
    clusters.predicted,
  );
  return {
    items: items.length,
    folds,
    clusters,
    themes,
    gaps: {
      ...scoreGaps(goldGaps, predictedGaps),
      gold: [...goldGaps].sort(),
      predicted: [...predictedGaps].sort(),
    },
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const f3 = (x: number) => x.toFixed(3);

export function formatInsightReport(r: InsightReport): string {
  const c = r.clusters;
  const lines = [
    `Insight evaluation: ${r.items} items, ${r.folds}-fold cross-validation split by gold cluster`,
    '',
    'Clusters (pairwise, held out; threshold and place weight fitted on the other folds):',
    `  precision ${f3(c.heldOut.precision)}  recall ${f3(c.heldOut.recall)}  F1 ${f3(c.heldOut.f1)}   (target F1 ≥ 0.80)`,
    `  thresholds per fold: ${c.folds.map((f) => f.threshold).join(', ')}`,
    `  place weights per fold: ${c.folds.map((f) => f.placeWeight).join(', ')}`,
    ...c.folds.map((f) => {
      const h = prf(f.counts.truePositives, f.counts.predicted, f.counts.actual);
      return `  fold ${f.fold}: train F1 ${f3(f.trainF1)}, held out P ${f3(h.precision)} R ${f3(h.recall)} F1 ${f3(h.f1)} (${f.counts.actual} gold pairs)`;
    }),
    `  baselines: one cluster per agency F1 ${f3(c.baselines.onePerAgency.f1)}, all singletons F1 ${f3(c.baselines.singletons.f1)}`,
    '',
    'Themes (shipped lexicon, nothing fitted on this file):',
    `  micro precision ${f3(r.themes.micro.precision)}  recall ${f3(r.themes.micro.recall)}  F1 ${f3(r.themes.micro.f1)}   (target F1 ≥ 0.85)`,
    ...r.themes.perTheme.map(
      (t) =>
        `  ${t.code.padEnd(14)} P ${pct(t.precision).padStart(6)}  R ${pct(t.recall).padStart(6)}  F1 ${f3(t.f1)}  (${t.support} items)`,
    ),
    '',
    'Competency gaps (agency, competency): gold from labeled recurring clusters (≥3 items, ≥3 reporters, ≥½ of complaints),',
    "  predicted by the worker's own rule on what it read (and the complaints carrying a competency recur):",
    `  precision ${f3(r.gaps.precision)}  recall ${f3(r.gaps.recall)}  F1 ${f3(r.gaps.f1)}   (targets ≥ 0.85)`,
    `  gold ${r.gaps.gold.length}, predicted ${r.gaps.predicted.length}, right ${r.gaps.tp}`,
    `  missed: ${r.gaps.gold.filter((g) => !r.gaps.predicted.includes(g)).join('; ') || 'none'}`,
    `  spurious: ${r.gaps.predicted.filter((g) => !r.gaps.gold.includes(g)).join('; ') || 'none'}`,
  ];
  return lines.join('\n');
}
