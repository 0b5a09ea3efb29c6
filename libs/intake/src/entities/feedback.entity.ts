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
import { StaffUser } from '@suara/identity';
import { Agency, City } from '@suara/reference';
import { FeedbackChannel, FeedbackKind, FeedbackStatus } from '../feedback.enums.js';
import { ForumSession } from './forum-session.entity.js';

/**
 * A complaint, suggestion, compliment or question from a citizen. Who sent it
 * lives in `ReporterContact`, a separate table, so no query of feedback can leak it.
 */
@Entity({ tableName: 'feedback' })
@Unique({ properties: ['forumSession', 'externalRef'] })
@Index({ properties: ['status', 'submittedAt'] })
// The staff queue's keyset order (deadline, none last; submission; id), per scope.
@Index({
  name: 'feedback_queue_agency',
  expression: `create index "feedback_queue_agency" on "feedback" ("agency_code", "status", (coalesce("sla_due_at", 'infinity'::timestamptz)), "submitted_at", "id")`,
})
@Index({
  name: 'feedback_queue_agency_order',
  expression: `create index "feedback_queue_agency_order" on "feedback" ("agency_code", (coalesce("sla_due_at", 'infinity'::timestamptz)), "submitted_at", "id")`,
})
@Index({
  name: 'feedback_queue_city',
  expression: `create index "feedback_queue_city" on "feedback" ("city_code", "status", (coalesce("sla_due_at", 'infinity'::timestamptz)), "submitted_at", "id")`,
})
@Index({
  name: 'feedback_queue_order',
  expression: `create index "feedback_queue_order" on "feedback" ((coalesce("sla_due_at", 'infinity'::timestamptz)), "submitted_at", "id")`,
})
@Index({
  name: 'feedback_search',
  expression: `create index "feedback_search" on "feedback" using gin ("city_code", "search_vector")`,
})
// What the deadline watch looks for: open, past due, not yet escalated; resolved and due to close.
@Index({
  name: 'feedback_open_deadline',
  expression: `create index "feedback_open_deadline" on "feedback" ("sla_due_at") where "escalated_at" is null and "status" in ('RECEIVED', 'NEEDS_TRIAGE', 'ROUTED', 'ACKNOWLEDGED', 'IN_PROGRESS')`,
})
@Index({
  name: 'feedback_close_due',
  expression: `create index "feedback_close_due" on "feedback" ("close_due_at") where "status" = 'RESOLVED'`,
})
// The public list, newest first, per city and per agency; confidential reports never in it.
@Index({
  name: 'feedback_public_city',
  expression: `create index "feedback_public_city" on "feedback" ("city_code", "submitted_at" desc, "id" desc) where not "confidential"`,
})
@Index({
  name: 'feedback_public_agency',
  expression: `create index "feedback_public_agency" on "feedback" ("agency_code", "submitted_at" desc, "id" desc) where not "confidential"`,
})
@Index({ properties: ['assignee', 'status'] })
export class Feedback {
  /** Lets the typed query builder (em.getKysely) infer this entity's table. */
  [EntityName]?: 'Feedback';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 16, unique: true })
  trackingCode: string;

  @Enum({ items: () => FeedbackKind, type: 'string' })
  kind: FeedbackKind;

  @Enum({ items: () => FeedbackChannel, type: 'string' })
  channel: FeedbackChannel;

  @Property({ type: 'text' })
  text: string;

  /**
   * The text as PostgreSQL's Indonesian full-text search reads it (stemmed, no
   * stopwords), kept by the database so a search never recomputes it per row.
   */
  @Property({
    columnType: 'tsvector',
    generated: "(to_tsvector('indonesian', text)) stored",
    lazy: true,
    hidden: true,
    nullable: true,
  })
  searchVector?: string;

  @ManyToOne(() => City, { fieldName: 'city_code' })
  city: City;

  /** The agency the citizen named, if any: a hint for routing, not a decision. */
  @ManyToOne(() => Agency, { fieldName: 'agency_hint_code', nullable: true })
  agencyHint?: Agency;

  /** The agency responsible, once routed. */
  @ManyToOne(() => Agency, { fieldName: 'agency_code', nullable: true })
  agency?: Agency;

  @Property({ type: 'string', length: 300, nullable: true })
  location?: string;

  @Enum({ items: () => FeedbackStatus, type: 'string', default: FeedbackStatus.RECEIVED })
  status: FeedbackStatus = FeedbackStatus.RECEIVED;

  /** The agency never sees who reported it. */
  @Property({ type: 'boolean', default: false })
  anonymous = false;

  /** The report is not made public. */
  @Property({ type: 'boolean', default: false })
  confidential = false;

  @Property({ type: 'string', length: 128, nullable: true, unique: true })
  idempotencyKey?: string;

  /** Keyed hash of the request that used the idempotency key: a different report under the same key is refused. */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true, lazy: true })
  idempotencyBodyHash?: string;

  /**
   * SHA-256 of the secret only the citizen's receipt showed; acting as the citizen
   * (rating) needs it. None for items no citizen submitted (forum statements).
   */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true, lazy: true })
  citizenSecretHash?: string;

  @ManyToOne(() => ForumSession, { nullable: true })
  forumSession?: ForumSession;

  /** The forum recorder's own reference for the statement; unique per session. */
  @Property({ type: 'string', length: 128, nullable: true })
  externalRef?: string;

  @ManyToOne(() => Feedback, { fieldName: 'duplicate_of_id', nullable: true })
  duplicateOf?: Feedback;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  submittedAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  slaDueAt?: Date;

  /** The colleague of the agency working the item. */
  @ManyToOne(() => StaffUser, { fieldName: 'assignee_id', nullable: true, deleteRule: 'set null' })
  assignee?: StaffUser;

  @Property({ type: 'datetime', nullable: true })
  resolvedAt?: Date;

  /** When a resolved item the citizen does not answer closes itself. */
  @Property({ type: 'datetime', nullable: true })
  closeDueAt?: Date;

  /** The citizen may reopen a resolved item once. */
  @Property({ type: 'integer', default: 0 })
  reopenCount = 0;

  /** When the current deadline's breach was escalated to the coordinator. */
  @Property({ type: 'datetime', nullable: true })
  escalatedAt?: Date;

  /** Optimistic lock: a write based on an older version is refused, not applied. */
  @Property({ type: 'integer', version: true })
  version!: number;

  constructor(init: {
    trackingCode: string;
    kind: FeedbackKind;
    channel: FeedbackChannel;
    text: string;
    city: City;
  }) {
    this.trackingCode = init.trackingCode;
    this.kind = init.kind;
    this.channel = init.channel;
    this.text = init.text;
    this.city = init.city;
  }
}
