import { readFile } from 'node:fs/promises';
import { parseEnv } from '@suara/core';
import {
  type FoldPrediction,
  crossValidate,
  defaultLexicon,
  derivedExamples,
  lexiconExamples,
  parseLaporCorpus,
  realTextBaseline,
  realTextHeldOut,
  report,
  shippedDerivedLexicon,
  shippedNaiveBayes,
} from '@suara/routing';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * Cross-validated routing quality on a labeled JSON Lines file (`text`, `agency`):
 * every item is scored by a model that never saw it, calibrated as in production.
 */
export async function evalRouting(file: string, folds = 5, realFile?: string): Promise<void> {
  const env = parseEnv(process.env);
  const threshold = env.ROUTING_MIN_CONFIDENCE;
  const overrule = env.ROUTING_HINT_OVERRIDE_CONFIDENCE;
  const items = (await readFile(file, 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; agency: string })
    .map((r) => ({ text: r.text, label: r.agency }));
  const started = Date.now();
  const lexicon = lexiconExamples(defaultLexicon());
  // As deployed: the shipped lexicon plus the phrases derived from real reports.
  const background = [...lexicon, ...derivedExamples(shippedDerivedLexicon())];
  const predictions = crossValidate(items, background, {
    folds,
    calibrate: true,
    naiveBayes: shippedNaiveBayes(),
  });
  const r = report(predictions, threshold, overrule);

  console.log(
    `Routing evaluation: ${r.items} items, ${folds}-fold cross-validation (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  console.log(
    `Model: softmax regression on stemmed unigrams+bigrams + complement naive Bayes (with the shipped LAPOR! 2017 term counts), shipped lexicon + training folds; temperature fitted per fold\n`,
  );
  console.log(`Top-1 accuracy, all items:        ${pct(r.accuracyAll)}`);
  console.log(`Confidence threshold:             ${r.threshold} (ROUTING_MIN_CONFIDENCE)`);
  console.log(`Auto-routed:                      ${r.autoRouted} of ${r.items}`);
  console.log(`Accuracy of auto-routed items:    ${pct(r.accuracyAutoRouted)}   (target ≥ 95%)`);
  console.log(`Sent to triage:                   ${pct(r.triageRate)}   (target ≤ 8%)`);
  console.log(
    `Right choice of agency overruled: ${pct(r.rightChoiceOverruled)}   (had the citizen picked the right agency)\n`,
  );

  console.log('Per agency (all items, top-1):');
  console.table(
    Object.fromEntries(
      r.perAgency.map((a) => [
        a.label,
        { precision: pct(a.precision), recall: pct(a.recall), items: a.support },
      ]),
    ),
  );
  console.log('Confusion matrix (rows: true agency, columns: predicted):');
  const { labels, matrix } = r.confusion;
  const short = (l: string) => l.slice(0, 5);
  console.log(['true\\pred'.padEnd(11), ...labels.map((l) => short(l).padStart(6))].join(''));
  matrix.forEach((row, i) =>
    console.log(
      [labels[i].padEnd(11), ...row.map((v) => (v ? String(v) : '.').padStart(6))].join(''),
    ),
  );
  console.log('\nThreshold sweep (accuracy of auto-routed / triage rate):');
  console.table(
    Object.fromEntries(
      r.sweep.map((s) => [
        s.threshold,
        { accuracy: pct(s.accuracyAutoRouted), triage: pct(s.triageRate) },
      ]),
    ),
  );
  if (realFile) await evalRealText(realFile, items, lexicon, folds, { threshold, overrule });
}

function printShort(
  title: string,
  predictions: FoldPrediction[],
  policy: { threshold: number; overrule: number },
): void {
  const r = report(predictions, policy.threshold, policy.overrule);
  console.log(`\n${title}`);
  console.log(`  Top-1 accuracy, all items:      ${pct(r.accuracyAll)}`);
  console.log(`  Accuracy of auto-routed items:  ${pct(r.accuracyAutoRouted)}   (target ≥ 90%)`);
  console.log(`  Sent to triage:                 ${pct(r.triageRate)}   (target ≤ 15%)`);
  console.log(
    `  Right choice of agency overruled: ${pct(r.rightChoiceOverruled)}   (had the citizen picked the dispatched agency)`,
  );
  console.log(
    `  Threshold sweep (auto-right / triage): ${r.sweep.map((s) => `${s.threshold} ${pct(s.accuracyAutoRouted)}/${pct(s.triageRate)}`).join(', ')}`,
  );
  console.table(
    Object.fromEntries(
      r.perAgency.map((a) => [
        a.label,
        { precision: pct(a.precision), recall: pct(a.recall), items: a.support },
      ]),
    ),
  );
}

/**
 * Real citizens' text (the LAPOR! 2017 crawl, path given on the command line,
 * never stored in the repository): first as today's router sees it, trained
 * without any real report; then k-fold, each fold scored by a router whose
 * derived phrases come from the other folds only.
 */
async function evalRealText(
  realFile: string,
  labeled: { text: string; label: string }[],
  lexicon: ReturnType<typeof lexiconExamples>,
  folds: number,
  policy: { threshold: number; overrule: number },
): Promise<void> {
  const reports = parseLaporCorpus(await readFile(realFile, 'utf8'));
  console.log(
    `\nReal text: ${reports.length} LAPOR! reports dispatched to an institution of one of the agency types (dispatch line removed)`,
  );
  printShort(
    'Baseline: router trained without real reports (lexicon + labeled file), all reports',
    realTextBaseline(lexicon, labeled, reports),
    policy,
  );
  printShort(
    `Held out: ${folds}-fold, derived phrases and term counts from the other folds + lexicon + labeled file`,
    realTextHeldOut(lexicon, labeled, reports, folds),
    policy,
  );
}
