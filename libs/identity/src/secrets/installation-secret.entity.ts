import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * A secret this installation generated for itself (the token signing key when
 * JWT_SECRET is unset). Kept in the database because that is what every API
 * process of one installation shares.
 */
@Entity({ tableName: 'installation_secret' })
export class InstallationSecret {
  @PrimaryKey({ type: 'string', length: 64 })
  name: string;

  @Property({ type: 'text', hidden: true })
  value: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  constructor(name: string, value: string) {
    this.name = name;
    this.value = value;
  }
}
