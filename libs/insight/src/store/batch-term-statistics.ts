import type { EntityManager } from '@mikro-orm/postgresql';
import { unnestRows } from '@suara/core';
import type { TermStatistics } from '../clustering/cluster-index.port.js';
import type { InsightTables } from '../insight.tables.js';

/**
 * Document frequencies of one generation for one placement batch: read once per
 * batch (`load`) and answered from memory, with the items the batch recorded so
 * far counted on top, so item 2 of a batch sees item 1's words. Recording is
 * buffered and written by `flush()` at the end of the batch's transaction, terms
 * in sorted order, the document count last: the rows of common terms and the
 * generation's row are shared by every agency, so they are locked once per batch
 * for a moment, always in the same order. IDF read during one batch may miss
 * what a concurrent batch is recording meanwhile; a weight off by a few documents
 * in thousands changes no placement noticeably, and the counts themselves are exact.
 */
export class BatchTermStatistics implements TermStatistics {
  private documents = 0;
  private readonly df = new Map<string, number>();
  private pending: string[][] = [];

  constructor(
    private readonly em: EntityManager,
    private readonly generation: number,
  ) {}

  /** Reads the generation's document count (once per batch). */
  async loadCount(): Promise<void> {
    const row = await this.em
      .getKysely<InsightTables>()
      .selectFrom('insight_generation')
      .select('documents')
      .where('id', '=', this.generation)
      .executeTakeFirst();
    this.documents = row?.documents ?? 0;
  }

  /** Reads the frequencies of the `terms` not read yet in this batch: one query. */
  async load(terms: Iterable<string>): Promise<void> {
    const missing = [...new Set(terms)].filter((t) => !this.df.has(t));
    if (missing.length === 0) return;
    const rows = await this.em
      .getKysely<InsightTables>()
      .selectFrom('term_frequency')
      .select(['term', 'df'])
      .where('generation', '=', this.generation)
      .where(({ eb, fn, val }) => eb('term', '=', fn.any(val(missing))))
      .execute();
    for (const t of missing) this.df.set(t, 0);
    for (const r of rows) this.df.set(r.term, r.df);
  }

  /** Forgets what was recorded (after a dry run of the batch's decisions). */
  discardRecorded(): void {
    this.pending = [];
  }

  documentCount(): Promise<number> {
    return Promise.resolve(this.documents + this.pending.length);
  }

  async documentFrequencies(terms: readonly string[]): Promise<Map<string, number>> {
    await this.load(terms);
    const out = new Map<string, number>(terms.map((t) => [t, this.df.get(t) ?? 0]));
    for (const p of this.pending) for (const t of p) if (out.has(t)) out.set(t, out.get(t)! + 1);
    return out;
  }

  /** The frequency of one term, recorded items included, from memory (after `load`). */
  frequency(term: string): number {
    let n = this.df.get(term) ?? 0;
    for (const p of this.pending) if (p.includes(term)) n++;
    return n;
  }

  record(terms: readonly string[]): Promise<void> {
    this.pending.push([...new Set(terms)]);
    return Promise.resolve();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const counts = new Map<string, number>();
    for (const p of this.pending) for (const t of p) counts.set(t, (counts.get(t) ?? 0) + 1);
    const terms = [...counts.keys()].sort();
    const db = this.em.getKysely<InsightTables>();
    if (terms.length)
      await db
        .insertInto('term_frequency')
        .columns(['generation', 'term', 'df'])
        .expression(
          db
            .selectFrom(
              unnestRows({
                term: ['text', terms],
                df: ['int', terms.map((t) => counts.get(t)!)],
              }).as('x'),
            )
            .select([(eb) => eb.val(this.generation).as('generation'), 'x.term', 'x.df'])
            .orderBy('x.term'),
        )
        .onConflict((oc) =>
          oc
            .columns(['generation', 'term'])
            .doUpdateSet((eb) => ({ df: eb('term_frequency.df', '+', eb.ref('excluded.df')) })),
        )
        .execute();
    await db
      .updateTable('insight_generation')
      .set((eb) => ({ documents: eb('documents', '+', this.pending.length) }))
      .where('id', '=', this.generation)
      .execute();
    for (const [t, n] of counts) this.df.set(t, (this.df.get(t) ?? 0) + n);
    this.documents += this.pending.length;
    this.pending = [];
  }
}
