import { pgArray } from './pg-array.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  CandidateQuery,
  ClusterIndex,
  ClusterSnapshot,
} from '../clustering/cluster-index.port.js';

/**
 * The ClusterIndex port on PostgreSQL, inside the caller's transaction. A
 * candidate lookup is ONE query: for each key, an index range read of
 * cluster_term (generation, agency, term, last_seen_at desc) limited to
 * `perKeyLimit` rows, grouped by cluster, joined to the few clusters it found.
 * Its cost depends on the keys and limits, never on the number of stored items.
 */
export class PgClusterIndex implements ClusterIndex {
  /** Milliseconds spent in candidate lookups, for the benchmark. */
  lookupMs: number[] = [];

  constructor(
    private readonly em: EntityManager,
    private readonly generation: number,
    private readonly cityCode: string,
  ) {}

  async candidates(query: CandidateQuery): Promise<ClusterSnapshot[]> {
    if (query.keys.length === 0) return [];
    const started = performance.now();
    const rows = await this.em.execute<
      { id: string; agency_code: string; size: number; term_counts: Record<string, number> }[]
    >(
      `select c.id, c.agency_code, c.size, c.term_counts
         from (select p.cluster_id, count(*) as shared
                 from unnest(?::text[]) as k(term)
                 cross join lateral (
                   select t.cluster_id from cluster_term t
                    where t.generation = ? and t.agency_code = ? and t.term = k.term
                    order by t.last_seen_at desc limit ?) p
                group by p.cluster_id
                order by shared desc, p.cluster_id
                limit ?) h
         join complaint_cluster c on c.id = h.cluster_id
        where c.status = 'OPEN' and c.size > 0
        order by h.shared desc, c.id`,
      [pgArray(query.keys), this.generation, query.agency, query.perKeyLimit, query.limit],
    );
    this.lookupMs.push(performance.now() - started);
    return rows.map((r) => ({
      id: r.id,
      agency: r.agency_code,
      size: r.size,
      termCounts: new Map(Object.entries(r.term_counts)),
    }));
  }

  async create(agency: string, terms: readonly string[], at: number): Promise<string> {
    const [{ id }] = await this.em.execute<{ id: string }[]>(
      `insert into complaint_cluster (id, generation, agency_code, city_code, first_seen_at, last_seen_at,
              themes, competencies, term_counts)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, '[]', '[]', '{}') returning id`,
      [this.generation, agency, this.cityCode, new Date(at), new Date(at)],
    );
    await this.add(id, terms, at);
    return id;
  }

  /** Adds one item's terms to the centroid and its postings (the item's row follows). */
  async add(clusterId: string, terms: readonly string[], at: number): Promise<void> {
    await addTerms(this.em, clusterId, terms, new Date(at));
  }
}

/** One item's terms into a cluster's centroid and postings: +1 per distinct term. */
export async function addTerms(
  em: EntityManager,
  clusterId: string,
  terms: readonly string[],
  at: Date,
): Promise<void> {
  const distinct = [...new Set(terms)].sort();
  await em.execute(
    `update complaint_cluster c
        set term_counts = c.term_counts || coalesce((
              select jsonb_object_agg(t, coalesce((c.term_counts ->> t)::int, 0) + 1)
                from unnest(?::text[]) t), '{}'::jsonb),
            last_seen_at = greatest(c.last_seen_at, ?),
            first_seen_at = least(c.first_seen_at, ?)
      where c.id = ?`,
    [pgArray(distinct), at, at, clusterId],
  );
  if (distinct.length === 0) return;
  await em.execute(
    `insert into cluster_term (cluster_id, term, generation, agency_code, count, last_seen_at)
     select c.id, t, c.generation, c.agency_code, 1, ? from complaint_cluster c, unnest(?::text[]) t
      where c.id = ?
     on conflict (cluster_id, term) do update
       set count = cluster_term.count + 1,
           last_seen_at = greatest(cluster_term.last_seen_at, excluded.last_seen_at)`,
    [at, pgArray(distinct), clusterId],
  );
}

/** The reverse of addTerms, for an item leaving its cluster. */
export async function removeTerms(
  em: EntityManager,
  clusterId: string,
  terms: readonly string[],
): Promise<void> {
  const distinct = [...new Set(terms)].sort();
  if (distinct.length === 0) return;
  await em.execute(
    `update complaint_cluster c
        set term_counts = (select coalesce(jsonb_object_agg(key, value), '{}'::jsonb) from (
              select key, case when key = any(?::text[]) then to_jsonb((value #>> '{}')::int - 1) else value end as value
                from jsonb_each(c.term_counts)) e where (e.value #>> '{}')::int > 0)
      where c.id = ?`,
    [pgArray(distinct), clusterId],
  );
  await em.execute(
    `update cluster_term set count = count - 1 where cluster_id = ? and term = any(?::text[])`,
    [clusterId, pgArray(distinct)],
  );
  await em.execute(`delete from cluster_term where cluster_id = ? and count <= 0`, [clusterId]);
}
