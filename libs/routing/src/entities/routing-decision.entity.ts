import { EntityName } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import {
  Entity,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/decorators/legacy';
import { Feedback } from '@suara/intake';
import { Agency } from '@suara/reference';

export type RoutingBasis =
  'MODEL' | 'HINT' | 'HINT_CONFIRMED' | 'HINT_OVERRIDDEN' | 'LOW_CONFIDENCE' | 'STAFF_REROUTE';

export interface ScoredAgency {
  agencyCode: string;
  score: number;
}

/**
 * Why an item went where it went: the agency chosen (none when it went to
 * triage), how sure the router was, the runners-up, the words that decided it
 * and the model that read them. One automatic decision per item, enforced by a
 * partial unique index, so a job delivered twice cannot decide twice.
 */
@Entity({ tableName: 'routing_decision' })
@Index({ properties: ['feedback', 'createdAt'] })
@Unique({
  name: 'routing_decision_automatic_unique',
  expression: `create unique index "routing_decision_automatic_unique" on "routing_decision" ("feedback_id") where "kind" = 'AUTOMATIC'`,
})
export class RoutingDecision {
  /** Lets the typed query builder (em.getKysely) infer this entity's table. */
  [EntityName]?: 'RoutingDecision';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Feedback, { deleteRule: 'cascade' })
  feedback: Feedback;

  /** AUTOMATIC by the router, REROUTE by a person. */
  @Property({ type: 'string', length: 16 })
  kind: 'AUTOMATIC' | 'REROUTE';

  @Property({ type: 'string', length: 24 })
  basis: RoutingBasis;

  @ManyToOne(() => Agency, { fieldName: 'agency_code', nullable: true })
  agency?: Agency;

  @Property({ type: 'double' })
  confidence: number;

  @Property({ type: 'json' })
  alternatives: ScoredAgency[];

  @Property({ type: 'json' })
  decisiveTerms: string[];

  /** In Indonesian, for staff and coordinators. */
  @Property({ type: 'text' })
  explanation: string;

  @Property({ type: 'integer', nullable: true })
  modelVersion?: number;

  @Property({ type: 'string', length: 64, nullable: true })
  decidedBy?: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  constructor(init: Omit<RoutingDecision, 'id' | 'createdAt'>) {
    Object.assign(this, init);
  }
}
