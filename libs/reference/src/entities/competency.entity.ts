import { PrimaryKeyProp } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** An ASN competency of PermenPANRB 38/2017 or one of the platform's technical ones. */
@Entity({ tableName: 'competency' })
export class Competency {
  [PrimaryKeyProp]?: 'code';

  @PrimaryKey({ type: 'string', length: 16 })
  code: string;

  @Property({ type: 'string', length: 160 })
  name: string;

  @Property({ type: 'string', length: 16 })
  kind: string;

  constructor(code: string, name: string, kind: string) {
    this.code = code;
    this.name = name;
    this.kind = kind;
  }
}
