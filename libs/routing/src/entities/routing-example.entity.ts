import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';

/**
 * A text with the agency type that should handle it: the seed set, and every
 * reroute by staff (the latest reroute of an item is its label).
 */
@Entity({ tableName: 'routing_example' })
export class RoutingExample {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  text: string;

  @Property({ type: 'string', length: 16 })
  agencyType: string;

  @Property({ type: 'string', length: 16 })
  source: 'SEED' | 'REROUTE' | 'ADMIN';

  @Property({ type: 'uuid', nullable: true, unique: true })
  feedbackId?: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  constructor(text: string, agencyType: string, source: RoutingExample['source']) {
    this.text = text;
    this.agencyType = agencyType;
    this.source = source;
  }
}

/** A phrase that points at an agency type; the shipped lexicon plus what admins add. */
@Entity({ tableName: 'routing_phrase' })
@Unique({ properties: ['agencyType', 'phrase'] })
export class RoutingPhrase {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 16 })
  agencyType: string;

  @Property({ type: 'string', length: 120 })
  phrase: string;

  @Property({ type: 'string', length: 64, nullable: true })
  addedBy?: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  constructor(agencyType: string, phrase: string, addedBy?: string) {
    this.agencyType = agencyType;
    this.phrase = phrase;
    this.addedBy = addedBy;
  }
}
