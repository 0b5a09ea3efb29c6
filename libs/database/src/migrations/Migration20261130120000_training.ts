import { Migration } from '@mikro-orm/migrations';

export class Migration20261130120000_training extends Migration {
  override name = 'Migration20261130120000_training';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "training_plan" ("id" uuid not null, "city_code" varchar(8) not null, "year" int not null, "title" varchar(200) not null, "competency_code" varchar(16) not null, "agency_codes" jsonb not null, "participants" int not null, "method" varchar(24) not null, "route" varchar(16) not null, "provider" varchar(200) not null, "starts_on" date not null, "ends_on" date not null, "hours_jp" int not null, "budget_idr" bigint not null, "gap_ids" jsonb not null, "status" varchar(16) not null default 'DRAFT', "completed_on" date null, "created_at" timestamptz not null default now(), "version" int not null default 1, primary key ("id"));`,
    );
    this.addSql(
      `create index "training_plan_city_code_year_index" on "training_plan" ("city_code", "year");`,
    );
    this.addSql(
      `create table "agency_workforce" ("agency_code" varchar(24) not null, "civil_servants" int not null, "updated_at" timestamptz not null default now(), primary key ("agency_code"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "agency_workforce" cascade;`);
    this.addSql(`drop table if exists "training_plan" cascade;`);
  }
}
