import { readFile } from 'node:fs/promises';
import { evaluateInsight, formatInsightReport, parseLabeledItems } from '@suara/insight';

/**
 * Held-out quality of themes, recurring clusters and competency gaps on a
 * labeled JSON Lines file (DOMAIN.md's data set format).
 */
export async function evalInsight(file: string, folds = 5): Promise<void> {
  const items = parseLabeledItems(await readFile(file, 'utf8'));
  const started = Date.now();
  const report = await evaluateInsight(items, { folds });
  console.log(formatInsightReport(report));
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
