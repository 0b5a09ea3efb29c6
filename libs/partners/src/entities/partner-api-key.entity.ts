import { EntityName } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * A partner system's key for the Open311 interface (a call centre, a kelurahan
 * app). Only the key's SHA-256 is kept: the key itself is shown once, when an
 * admin creates it, so a copy of this table lets nobody submit.
 */
@Entity({ tableName: 'partner_api_key' })
export class PartnerApiKey {
  [EntityName]?: 'PartnerApiKey';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 120 })
  name: string;

  @Property({ type: 'string', length: 64, unique: true, hidden: true })
  keyHash: string;

  /** The key's first symbols, so an admin can tell keys apart without the secret. */
  @Property({ type: 'string', length: 16 })
  keyPrefix: string;

  @Property({ type: 'uuid' })
  createdBy: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  /** From this moment the key is refused; it is never deleted, so the audit trail keeps its name. */
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date;

  constructor(init: { name: string; keyHash: string; keyPrefix: string; createdBy: string }) {
    this.name = init.name;
    this.keyHash = init.keyHash;
    this.keyPrefix = init.keyPrefix;
    this.createdBy = init.createdBy;
  }
}
