import { PrimaryKeyProp } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

@Entity({ tableName: 'city' })
export class City {
  [PrimaryKeyProp]?: 'code';

  @PrimaryKey({ type: 'string', length: 8 })
  code: string;

  @Property({ type: 'string', length: 120 })
  name: string;

  @Property({ type: 'string', length: 120 })
  province: string;

  constructor(code: string, name: string, province: string) {
    this.code = code;
    this.name = name;
    this.province = province;
  }
}
