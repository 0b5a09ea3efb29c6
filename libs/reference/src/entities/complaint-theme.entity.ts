import { PrimaryKeyProp } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A failure mode a complaint can reveal, and the competencies it points at. */
@Entity({ tableName: 'complaint_theme' })
export class ComplaintTheme {
  [PrimaryKeyProp]?: 'code';

  @PrimaryKey({ type: 'string', length: 16 })
  code: string;

  @Property({ type: 'string', length: 120 })
  name: string;

  @Property({ type: 'json' })
  competencyCodes: string[];

  constructor(code: string, name: string, competencyCodes: string[]) {
    this.code = code;
    this.name = name;
    this.competencyCodes = competencyCodes;
  }
}
