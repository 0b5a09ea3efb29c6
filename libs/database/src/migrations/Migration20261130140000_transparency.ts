import { Migration } from '@mikro-orm/migrations';

/**
 * The public record: a monthly roll-up of how each agency answers, and indexes
 * for the public list of non-confidential reports, newest first.
 */
export class Migration20261130140000_transparency extends Migration {
  override name = 'Migration20261130140000_transparency';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "agency_answer_month" ("agency_code" varchar(32) not null, "month" date not null, "city_code" varchar(16) not null, "received" int not null, "routed_in_time" int not null, "answered" int not null, "median_answer_days" double precision null, "resolved" int not null, "reopened" int not null, "rating_count" int not null, "rating_sum" int not null, "refreshed_at" timestamptz not null, primary key ("agency_code", "month"));`,
    );
    this.addSql(
      `create index "agency_answer_month_city_code_month_index" on "agency_answer_month" ("city_code", "month");`,
    );
    this.addSql(
      `create index "feedback_public_city" on "feedback" ("city_code", "submitted_at" desc, "id" desc) where not "confidential";`,
    );
    this.addSql(
      `create index "feedback_public_agency" on "feedback" ("agency_code", "submitted_at" desc, "id" desc) where not "confidential";`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "feedback_public_agency";`);
    this.addSql(`drop index if exists "feedback_public_city";`);
    this.addSql(`drop table if exists "agency_answer_month" cascade;`);
  }
}
