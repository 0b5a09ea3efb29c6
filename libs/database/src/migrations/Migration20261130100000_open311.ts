import { Migration } from '@mikro-orm/migrations';

/**
 * Partner systems' keys (only their SHA-256) and what an Open311 request carried
 * beyond the feedback it became: the chosen service, coordinates, the key that sent it.
 */
export class Migration20261130100000_open311 extends Migration {
  override name = 'Migration20261130100000_open311';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "partner_api_key" ("id" uuid not null, "name" varchar(120) not null, "key_hash" varchar(64) not null, "key_prefix" varchar(16) not null, "created_by" uuid not null, "created_at" timestamptz not null default now(), "revoked_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "partner_api_key" add constraint "partner_api_key_key_hash_unique" unique ("key_hash");`,
    );
    this.addSql(
      `create table "open311_request" ("feedback_id" uuid not null, "service_code" varchar(32) not null, "lat" double precision null, "long" double precision null, "partner_key_id" uuid not null, "created_at" timestamptz not null default now(), primary key ("feedback_id"));`,
    );
    this.addSql(
      `create index "open311_request_partner_key_id_index" on "open311_request" ("partner_key_id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "open311_request" cascade;`);
    this.addSql(`drop table if exists "partner_api_key" cascade;`);
  }
}
