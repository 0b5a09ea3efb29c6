import { EntityName } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export interface AuditActor {
  /** SYSTEM for the worker and jobs, CITIZEN for the public, STAFF for signed-in users, PARTNER for a partner system's key. */
  type: 'SYSTEM' | 'CITIZEN' | 'STAFF' | 'PARTNER';
  id?: string;
}

/**
 * One append-only line of the audit trail: who did what to which record, with the
 * state before and after. Nothing updates or deletes these rows.
 */
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['subjectId', 'at'] })
export class AuditEntry {
  /** Lets the typed query builder (em.getKysely) infer this entity's table. */
  [EntityName]?: 'AuditEntry';

  /** A sequence, so that entries written in the same millisecond keep their order. */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at: Date = new Date();

  @Property({ type: 'string', length: 16 })
  actorType: AuditActor['type'];

  @Property({ type: 'string', length: 64, nullable: true })
  actorId?: string;

  @Property({ type: 'string', length: 64 })
  action: string;

  @Property({ type: 'string', length: 32 })
  subjectType: string;

  @Property({ type: 'string', length: 64 })
  subjectId: string;

  @Property({ type: 'json', nullable: true })
  before?: Record<string, unknown>;

  @Property({ type: 'json', nullable: true })
  after?: Record<string, unknown>;

  /** A note meant for the citizen's timeline; internal reasons go in `after`. */
  @Property({ type: 'text', nullable: true })
  publicNote?: string;

  constructor(init: {
    actor: AuditActor;
    action: string;
    subjectType: string;
    subjectId: string;
    before?: Record<string, unknown>;
    after?: Record<string, unknown>;
    publicNote?: string;
  }) {
    this.actorType = init.actor.type;
    this.actorId = init.actor.id;
    this.action = init.action;
    this.subjectType = init.subjectType;
    this.subjectId = init.subjectId;
    this.before = init.before;
    this.after = init.after;
    this.publicNote = init.publicNote;
  }
}
