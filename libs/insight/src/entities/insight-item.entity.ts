import { EntityName } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Feedback } from '@suara/intake';
import { ComplaintCluster } from './complaint-cluster.entity.js';

/**
 * An item as insight read it in one generation: its themes with the phrases that
 * triggered them, and its one cluster. One row per item and generation, so
 * processing an item again replaces its reading instead of counting it twice.
 */
@Entity({ tableName: 'insight_item' })
@Index({ properties: ['cluster', 'submittedAt'] })
export class InsightItem {
  [EntityName]?: 'InsightItem';

  @PrimaryKey({ type: 'integer', autoincrement: false })
  generation: number;

  @ManyToOne(() => Feedback, { primary: true, deleteRule: 'cascade' })
  feedback: Feedback;

  @ManyToOne(() => ComplaintCluster, { deleteRule: 'cascade' })
  cluster: ComplaintCluster;

  @Property({ type: 'string', length: 24 })
  agencyCode: string;

  /**
   * Who reported it, as a keyed-free fingerprint (hash of the contact, or of
   * speaker and forum session): tells reporters apart without naming them.
   */
  @Property({ type: 'string', length: 80 })
  reporterKey: string;

  @Property({ type: 'string', length: 16 })
  kind: string;

  @Property({ type: 'json' })
  themes: string[] = [];

  /** theme → the lexicon phrases found in the text. */
  @Property({ type: 'json' })
  triggers: Record<string, string[]> = {};

  @Property({ type: 'json' })
  competencies: string[] = [];

  /** The item's cluster terms: what leaves the centroid when it leaves the cluster. */
  @Property({ type: 'json' })
  terms: string[] = [];

  @Property({ type: 'datetime' })
  submittedAt: Date;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  placedAt: Date = new Date();

  constructor(generation: number, feedback: Feedback, cluster: ComplaintCluster, at: Date) {
    this.generation = generation;
    this.feedback = feedback;
    this.cluster = cluster;
    this.agencyCode = cluster.agencyCode;
    this.reporterKey = '';
    this.kind = 'COMPLAINT';
    this.submittedAt = at;
  }
}
