import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Agency, City } from '@suara/reference';

/** A "Masyarakat Bicara" hearing; each recorded statement becomes a feedback item. */
@Entity({ tableName: 'forum_session' })
export class ForumSession {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => City, { fieldName: 'city_code' })
  city: City;

  @Property({ type: 'string', length: 200 })
  title: string;

  @Property({ type: 'date' })
  heldOn: string;

  @Property({ type: 'string', length: 200, nullable: true })
  venue?: string;

  @ManyToOne(() => Agency, { fieldName: 'host_agency_code', nullable: true })
  hostAgency?: Agency;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  constructor(city: City, title: string, heldOn: string) {
    this.city = city;
    this.title = title;
    this.heldOn = heldOn;
  }
}
