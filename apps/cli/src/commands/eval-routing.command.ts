import { readFile } from 'node:fs/promises';
import { parseEnv } from '@suara/core';
import { crossValidate, defaultLexicon, lexiconExamples, report } from '@suara/routing';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * Cross-validated routing quality on a labeled JSON Lines file (`text`, `agency`):
 * every item is scored by a model that never saw it, calibrated as in production.
 */
export async function evalRouting(file: string, folds = 5): Promise<void> {
  const threshold = parseEnv(process.env).ROUTING_MIN_CONFIDENCE;
  const items = (await readFile(file, 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; agency: string })
    .map((r) => ({ text: r.text, label: r.agency }));
  const started = Date.now();
  const predictions = crossValidate(items, lexiconExamples(defaultLexicon()), {
    folds,
    calibrate: true,
  });
  const r = report(predictions, threshold);

  console.log(
    `Routing evaluation: ${r.items} items, ${folds}-fold cross-validation (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  console.log(
    `Model: softmax regression on stemmed unigrams+bigrams, shipped lexicon + training folds; temperature fitted per fold\n`,
  );
  console.log(`Top-1 accuracy, all items:        ${pct(r.accuracyAll)}`);
  console.log(`Confidence threshold:             ${r.threshold} (ROUTING_MIN_CONFIDENCE)`);
  console.log(`Auto-routed:                      ${r.autoRouted} of ${r.items}`);
  console.log(`Accuracy of auto-routed items:    ${pct(r.accuracyAutoRouted)}   (target ≥ 95%)`);
  console.log(`Sent to triage:                   ${pct(r.triageRate)}   (target ≤ 8%)\n`);

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
}
