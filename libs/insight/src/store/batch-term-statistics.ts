import type { EntityManager } from '@mikro-orm/postgresql';
import { unnestRows } from '@suara/core';
import type { TermStatistics } from '../clustering/cluster-index.port.js';
import type { InsightTables } from '../insight.tables.js';

/**
 * Document frequencies of one generation for one placement batch: read once per
 * batch (`load`) and answered from memory, with the items the batch recorded (or
 * forgot) so far counted on top, so item 2 of a batch sees item 1's words. Recording is
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
  /** Items recorded minus items forgotten by this batch. */
  private recorded = 0;
  /** term → items recorded minus items forgotten by this batch that contain it. */
  private pending = new Map<string, number>();
  /** Reads of term_frequency so far: a fixed number per batch, whatever its size. */
  reads = 0;

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
    this.reads++;
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
    this.recorded = 0;
    this.pending = new Map();
  }

  documentCount(): Promise<number> {
    return Promise.resolve(this.documents + this.recorded);
  }

  async documentFrequencies(terms: readonly string[]): Promise<Map<string, number>> {
    await this.load(terms);
    return new Map(terms.map((t) => [t, this.frequency(t)]));
  }

  /** The frequency of one term, recorded items included, from memory (after `load`). */
  frequency(term: string): number {
    return (this.df.get(term) ?? 0) + (this.pending.get(term) ?? 0);
  }

  record(terms: readonly string[]): Promise<void> {
    this.recorded++;
    for (const t of new Set(terms)) this.pending.set(t, (this.pending.get(t) ?? 0) + 1);
    return Promise.resolve();
  }

  /** Count one item fewer with these terms (an item leaving the generation, or its old terms). */
  forget(terms: readonly string[]): Promise<void> {
    this.recorded--;
    for (const t of new Set(terms)) this.pending.set(t, (this.pending.get(t) ?? 0) - 1);
    return Promise.resolve();
  }

  async flush(): Promise<void> {
    const counts = this.pending;
    const terms = [...counts.keys()].filter((t) => counts.get(t) !== 0).sort();
    if (this.recorded === 0 && terms.length === 0) return;
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
    if (this.recorded !== 0)
      await db
        .updateTable('insight_generation')
        .set((eb) => ({ documents: eb('documents', '+', this.recorded) }))
        .where('id', '=', this.generation)
        .execute();
    for (const [t, n] of counts) this.df.set(t, (this.df.get(t) ?? 0) + n);
    this.documents += this.recorded;
    this.discardRecorded();
  }
}
