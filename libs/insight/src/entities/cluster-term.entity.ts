import { EntityName } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ComplaintCluster } from './complaint-cluster.entity.js';

/**
 * The inverted index of placement: which clusters of an agency contain a term,
 * the most recently active first. One indexed range read per looked-up term.
 */
@Entity({ tableName: 'cluster_term' })
@Index({
  name: 'cluster_term_lookup',
  expression: `create index "cluster_term_lookup" on "cluster_term" ("generation", "agency_code", "term", "last_seen_at" desc)`,
})
export class ClusterTerm {
  [EntityName]?: 'ClusterTerm';

  @ManyToOne(() => ComplaintCluster, { primary: true, deleteRule: 'cascade' })
  cluster: ComplaintCluster;

  @PrimaryKey({ type: 'string', length: 64 })
  term: string;

  @Property({ type: 'integer' })
  generation: number;

  @Property({ type: 'string', length: 24 })
  agencyCode: string;

  @Property({ type: 'integer' })
  count: number;

  @Property({ type: 'datetime' })
  lastSeenAt: Date;

  constructor(cluster: ComplaintCluster, term: string, count: number, at: Date) {
    this.cluster = cluster;
    this.term = term;
    this.generation = cluster.generation;
    this.agencyCode = cluster.agencyCode;
    this.count = count;
    this.lastSeenAt = at;
  }
}
