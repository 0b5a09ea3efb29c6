import { EntityName } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export enum GenerationStatus {
  /** Being rebuilt from scratch: the worker places new items into it too, nobody reads it. */
  BUILDING = 'BUILDING',
  /** What everybody reads. Exactly one at a time. */
  ACTIVE = 'ACTIVE',
  RETIRED = 'RETIRED',
}

/**
 * One complete reading of every item: themes, clusters, term statistics. A rebuild
 * fills a new generation beside the active one and switches over at the end, so
 * readers never see a half-built state and placement never waits for it.
 */
@Entity({ tableName: 'insight_generation' })
export class InsightGeneration {
  [EntityName]?: 'InsightGeneration';

  @PrimaryKey({ type: 'integer', autoincrement: false })
  id: number;

  @Enum({ items: () => GenerationStatus, type: 'string' })
  status: GenerationStatus;

  /** Items counted in the term statistics: the N of IDF. */
  @Property({ type: 'integer', default: 0 })
  documents = 0;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  activatedAt?: Date;

  constructor(id: number, status: GenerationStatus) {
    this.id = id;
    this.status = status;
  }
}
