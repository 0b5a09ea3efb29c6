import { PrimaryKeyProp } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { City } from './city.entity.js';

/** An OPD: one per agency type and city, coded `<CITY>-<TYPE>`. */
@Entity({ tableName: 'agency' })
export class Agency {
  [PrimaryKeyProp]?: 'code';

  @PrimaryKey({ type: 'string', length: 24 })
  code: string;

  @ManyToOne(() => City, { fieldName: 'city_code' })
  city: City;

  @Property({ type: 'string', length: 16 })
  type: string;

  @Property({ type: 'string', length: 160 })
  name: string;

  @Property({ type: 'string', length: 16 })
  technicalCompetencyCode: string;

  constructor(
    code: string,
    city: City,
    type: string,
    name: string,
    technicalCompetencyCode: string,
  ) {
    this.code = code;
    this.city = city;
    this.type = type;
    this.name = name;
    this.technicalCompetencyCode = technicalCompetencyCode;
  }
}
