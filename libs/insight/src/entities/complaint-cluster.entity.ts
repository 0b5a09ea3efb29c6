import { EntityName } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export enum ClusterStatus {
  OPEN = 'OPEN',
  /** Folded into another cluster by a coordinator or planner; kept for the audit trail. */
  MERGED = 'MERGED',
}

/**
 * Items of one agency that describe the same problem. Its counters are derived
 * from its members (insight_item) whenever they change, never incremented blindly,
 * so a job delivered twice cannot count an item twice.
 */
@Entity({ tableName: 'complaint_cluster' })
@Index({ properties: ['generation', 'cityCode', 'size'] })
@Index({ properties: ['generation', 'agencyCode', 'size'] })
export class ComplaintCluster {
  [EntityName]?: 'ComplaintCluster';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'integer' })
  generation: number;

  @Property({ type: 'string', length: 24 })
  agencyCode: string;

  @Property({ type: 'string', length: 8 })
  cityCode: string;

  /** The cluster's characteristic words, rarest first. */
  @Property({ type: 'string', length: 300, default: '' })
  label = '';

  @Property({ type: 'integer', default: 0 })
  size = 0;

  @Property({ type: 'integer', default: 0 })
  distinctReporters = 0;

  @Property({ type: 'integer', default: 0 })
  complaints = 0;

  @Property({ type: 'datetime' })
  firstSeenAt: Date;

  @Property({ type: 'datetime' })
  lastSeenAt: Date;

  /** Theme codes at least half of the members show. */
  @Property({ type: 'json' })
  themes: string[] = [];

  /** Competencies at least half of the complaints point at. */
  @Property({ type: 'json' })
  competencies: string[] = [];

  /** Enough items from enough distinct reporters within the window before its last item. */
  @Property({ type: 'boolean', default: false })
  recurring = false;

  @Enum({ items: () => ClusterStatus, type: 'string', default: ClusterStatus.OPEN })
  status: ClusterStatus = ClusterStatus.OPEN;

  @Property({ type: 'uuid', nullable: true })
  mergedIntoId?: string;

  /** term → members containing it: the centroid placement compares with. */
  @Property({ type: 'json' })
  termCounts: Record<string, number> = {};

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  constructor(generation: number, agencyCode: string, cityCode: string, at: Date) {
    this.generation = generation;
    this.agencyCode = agencyCode;
    this.cityCode = cityCode;
    this.firstSeenAt = at;
    this.lastSeenAt = at;
  }
}
