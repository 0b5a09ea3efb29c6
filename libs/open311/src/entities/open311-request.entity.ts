import { EntityName } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * What a GeoReport request carried beyond Suara's own feedback: the service the
 * partner chose, the coordinates, and the key that sent it. Keyed by the feedback
 * item it became; intake owns the item itself.
 */
@Entity({ tableName: 'open311_request' })
export class Open311Request {
  [EntityName]?: 'Open311Request';

  @PrimaryKey({ type: 'uuid' })
  feedbackId: string;

  @Property({ type: 'string', length: 32 })
  serviceCode: string;

  @Property({ type: 'float', columnType: 'double precision', nullable: true })
  lat?: number;

  @Property({ type: 'float', columnType: 'double precision', nullable: true })
  long?: number;

  @Index()
  @Property({ type: 'uuid' })
  partnerKeyId: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  constructor(init: {
    feedbackId: string;
    serviceCode: string;
    lat?: number;
    long?: number;
    partnerKeyId: string;
  }) {
    this.feedbackId = init.feedbackId;
    this.serviceCode = init.serviceCode;
    this.lat = init.lat;
    this.long = init.long;
    this.partnerKeyId = init.partnerKeyId;
  }
}
