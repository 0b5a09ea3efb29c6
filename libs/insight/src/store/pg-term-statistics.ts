import { pgArray } from './pg-array.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { TermStatistics } from '../clustering/cluster-index.port.js';

/**
 * Document frequencies of one generation. Recording is buffered and written by
 * `flush()` at the very end of the placing transaction, terms in sorted order:
 * the rows of common terms are shared by every agency, so they are locked for
 * the shortest possible time and always in the same order (no deadlocks).
 */
export class PgTermStatistics implements TermStatistics {
  private pending: string[][] = [];

  constructor(
    private readonly em: EntityManager,
    private readonly generation: number,
  ) {}

  async documentCount(): Promise<number> {
    const [row] = await this.em.execute<{ documents: number }[]>(
      'select documents from insight_generation where id = ?',
      [this.generation],
    );
    return (row?.documents ?? 0) + this.pending.length;
  }

  async documentFrequencies(terms: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>(terms.map((t) => [t, 0]));
    if (terms.length === 0) return out;
    const rows = await this.em.execute<{ term: string; df: number }[]>(
      'select term, df from term_frequency where generation = ? and term = any(?::text[])',
      [this.generation, pgArray(terms)],
    );
    for (const r of rows) out.set(r.term, r.df);
    for (const p of this.pending) for (const t of p) if (out.has(t)) out.set(t, out.get(t)! + 1);
    return out;
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
    if (terms.length)
      await this.em.execute(
        `insert into term_frequency (generation, term, df)
         select ?, t, n from unnest(?::text[], ?::int[]) as x(t, n) order by t
         on conflict (generation, term) do update set df = term_frequency.df + excluded.df`,
        [this.generation, pgArray(terms), pgArray(terms.map((t) => counts.get(t)!))],
      );
    await this.em.execute('update insight_generation set documents = documents + ? where id = ?', [
      this.pending.length,
      this.generation,
    ]);
    this.pending = [];
  }
}
