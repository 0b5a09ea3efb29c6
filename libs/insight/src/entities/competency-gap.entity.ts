import { EntityName } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/decorators/legacy';
import { Agency, Competency } from '@suara/reference';
import { ComplaintCluster } from './complaint-cluster.entity.js';

export enum GapStatus {
  OPEN = 'OPEN',
  ACCEPTED = 'ACCEPTED',
  DISMISSED = 'DISMISSED',
  /** A training plan took it on (training context). */
  ADDRESSED = 'ADDRESSED',
}

/**
 * A competency the complaints about one agency say its staff lack: one per agency
 * and competency, strengthened by every recurring cluster that points at it. Not
 * generational: a planner's review outlives a rebuild.
 */
@Entity({ tableName: 'competency_gap' })
@Unique({ properties: ['agency', 'competency'] })
@Index({ properties: ['cityCode', 'status'] })
export class CompetencyGap {
  [EntityName]?: 'CompetencyGap';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Agency, { fieldName: 'agency_code' })
  agency: Agency;

  @Property({ type: 'string', length: 8 })
  cityCode: string;

  @ManyToOne(() => Competency, { fieldName: 'competency_code' })
  competency: Competency;

  @Enum({ items: () => GapStatus, type: 'string', default: GapStatus.OPEN })
  status: GapStatus = GapStatus.OPEN;

  @Property({ type: 'uuid', nullable: true })
  reviewedBy?: string;

  @Property({ type: 'datetime', nullable: true })
  reviewedAt?: Date;

  @Property({ type: 'string', length: 1000, nullable: true })
  reviewNote?: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date = new Date();

  constructor(agency: Agency, cityCode: string, competency: Competency) {
    this.agency = agency;
    this.cityCode = cityCode;
    this.competency = competency;
  }
}

/**
 * A cluster that is evidence of a gap. Looked up by cluster on every placement
 * that touches one (and by the cascade when a cluster empties), hence the index
 * beside the (gap, cluster) key.
 */
@Entity({ tableName: 'gap_evidence' })
@Index({ properties: ['cluster'] })
export class GapEvidence {
  [EntityName]?: 'GapEvidence';

  @ManyToOne(() => CompetencyGap, { primary: true, deleteRule: 'cascade' })
  gap: CompetencyGap;

  @ManyToOne(() => ComplaintCluster, { primary: true, deleteRule: 'cascade' })
  cluster: ComplaintCluster;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  linkedAt: Date = new Date();

  constructor(gap: CompetencyGap, cluster: ComplaintCluster) {
    this.gap = gap;
    this.cluster = cluster;
  }
}

/**
 * A planner dismissed the gap while this cluster was its evidence: the cluster is
 * never proposed for it again. No foreign key to the cluster: a rebuild carries
 * the dismissal to the cluster's successor and retires the old one.
 */
@Entity({ tableName: 'gap_dismissal' })
export class GapDismissal {
  [EntityName]?: 'GapDismissal';

  @ManyToOne(() => CompetencyGap, { primary: true, deleteRule: 'cascade' })
  gap: CompetencyGap;

  @PrimaryKey({ type: 'uuid' })
  clusterId: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  dismissedAt: Date = new Date();

  constructor(gap: CompetencyGap, clusterId: string) {
    this.gap = gap;
    this.clusterId = clusterId;
  }
}
