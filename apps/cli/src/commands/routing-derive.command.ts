import { readFile, writeFile } from 'node:fs/promises';
import {
  type DerivedLexicon,
  type RealTextCounts,
  countsFromReports,
  deriveFromReports,
  parseLaporCorpus,
} from '@suara/routing';

/**
 * Derives from the LAPOR! 2017 crawl (path on the command line; its texts never
 * enter the repository) the words and word pairs that mark each agency type,
 * and the per-agency counts of the terms many offices saw (for the naive Bayes
 * beside the regression), and writes them where training reads them. Only
 * those words and numbers are written.
 */
export async function routingDerive(
  realFile: string,
  out: string,
  countsOut = out.replace(/\.derived\.json$/, '.counts.json'),
): Promise<void> {
  const reports = parseLaporCorpus(await readFile(realFile, 'utf8'));
  const derived: DerivedLexicon = {
    source:
      'Derived from the LAPOR! 2017 crawl in github.com/canfelli25/ir-lapor-classifier (MIT); words only, no report text',
    license: 'MIT',
    phrases: deriveFromReports(reports),
  };
  await writeFile(out, `${JSON.stringify(derived, null, 2)}\n`);
  const counts = Object.entries(derived.phrases).map(([a, p]) => `${a} ${p.length}`);
  console.log(`${reports.length} reports → ${out}: ${counts.join(', ')}`);
  const termCounts: RealTextCounts = {
    source:
      'Counted from the LAPOR! 2017 crawl in github.com/canfelli25/ir-lapor-classifier (MIT): per-agency counts of stemmed terms seen in ≥ 3 reports sent to ≥ 2 offices, names removed; no report text',
    license: 'MIT',
    ...countsFromReports(reports),
  };
  await writeFile(countsOut, `${JSON.stringify(termCounts)}\n`);
  console.log(`→ ${countsOut}: ${Object.keys(termCounts.counts).length} terms`);
}
