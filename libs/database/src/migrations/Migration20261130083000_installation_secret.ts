import { Migration } from '@mikro-orm/migrations';

export class Migration20261130083000_installation_secret extends Migration {
  override name = 'Migration20261130083000_installation_secret';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "installation_secret" ("name" varchar(64) not null, "value" text not null, "created_at" timestamptz not null default now(), primary key ("name"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "installation_secret" cascade;`);
  }
}
