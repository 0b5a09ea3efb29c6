import { Migration } from '@mikro-orm/migrations';

export class Migration20261122235822_triage extends Migration {
  override name = 'Migration20261122235822_triage';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "feedback_response" ("id" uuid not null, "feedback_id" uuid not null, "author_id" uuid not null, "message" text not null, "public" boolean not null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "feedback_response_feedback_id_created_at_index" on "feedback_response" ("feedback_id", "created_at");`,
    );

    this.addSql(
      `create table "escalation" ("id" uuid not null, "feedback_id" uuid not null, "city_code" varchar(8) not null, "agency_code" varchar(24) null, "due_at" timestamptz not null, "status" varchar(16) not null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "escalation_city_code_created_at_index" on "escalation" ("city_code", "created_at");`,
    );
    this.addSql(
      `alter table "escalation" add constraint "escalation_feedback_id_due_at_unique" unique ("feedback_id", "due_at");`,
    );

    this.addSql(
      `create table "resolution_rating" ("id" uuid not null, "feedback_id" uuid not null, "round" smallint not null, "score" smallint not null, "comment" text null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `alter table "resolution_rating" add constraint "resolution_rating_feedback_id_round_unique" unique ("feedback_id", "round");`,
    );

    this.addSql(`drop index "feedback_agency_code_status_sla_due_at_index";`);
    this.addSql(
      `alter table "feedback" add "assignee_id" uuid null, add "resolved_at" timestamptz null, add "close_due_at" timestamptz null, add "reopen_count" int not null default 0, add "escalated_at" timestamptz null;`,
    );
    this.addSql(
      `create index "feedback_assignee_id_status_index" on "feedback" ("assignee_id", "status");`,
    );
    this.addSql(
      `create index "feedback_close_due" on "feedback" ("close_due_at") where "status" = 'RESOLVED';`,
    );
    this.addSql(
      `create index "feedback_open_deadline" on "feedback" ("sla_due_at") where "escalated_at" is null and "status" in ('RECEIVED', 'NEEDS_TRIAGE', 'ROUTED', 'ACKNOWLEDGED', 'IN_PROGRESS');`,
    );
    this.addSql(
      `alter table "feedback" add column "search_vector" tsvector generated always as (to_tsvector('indonesian', text)) stored;`,
    );
    // btree_gin (shipped with PostgreSQL, trusted) lets one GIN index hold the city with the
    // words, so a coordinator's search visits only that city's matching rows.
    this.addSql(`create extension if not exists btree_gin;`);
    this.addSql(
      `create index "feedback_search" on "feedback" using gin ("city_code", "search_vector");`,
    );
    this.addSql(
      `create index "feedback_queue_order" on "feedback" ((coalesce("sla_due_at", 'infinity'::timestamptz)), "submitted_at", "id");`,
    );
    this.addSql(
      `create index "feedback_queue_city" on "feedback" ("city_code", "status", (coalesce("sla_due_at", 'infinity'::timestamptz)), "submitted_at", "id");`,
    );
    this.addSql(
      `create index "feedback_queue_agency_order" on "feedback" ("agency_code", (coalesce("sla_due_at", 'infinity'::timestamptz)), "submitted_at", "id");`,
    );
    this.addSql(
      `create index "feedback_queue_agency" on "feedback" ("agency_code", "status", (coalesce("sla_due_at", 'infinity'::timestamptz)), "submitted_at", "id");`,
    );

    this.addSql(
      `alter table "feedback_response" add constraint "feedback_response_feedback_id_foreign" foreign key ("feedback_id") references "feedback" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "escalation" add constraint "escalation_feedback_id_foreign" foreign key ("feedback_id") references "feedback" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "resolution_rating" add constraint "resolution_rating_feedback_id_foreign" foreign key ("feedback_id") references "feedback" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "resolution_rating" add constraint "resolution_rating_score_check" check ((score >= 1) AND (score <= 5));`,
    );
    this.addSql(
      `alter table "feedback" add constraint "feedback_assignee_id_foreign" foreign key ("assignee_id") references "staff_user" ("id") on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "feedback" drop constraint if exists "feedback_assignee_id_foreign";`);
    this.addSql(`drop table if exists "feedback_response" cascade;`);
    this.addSql(`drop table if exists "escalation" cascade;`);
    this.addSql(`drop table if exists "resolution_rating" cascade;`);

    this.addSql(`drop index "feedback_assignee_id_status_index";`);
    this.addSql(`drop index "feedback_close_due";`);
    this.addSql(`drop index "feedback_open_deadline";`);
    this.addSql(`drop index "feedback_search";`);
    this.addSql(`alter table "feedback" drop column "search_vector";`);
    this.addSql(`drop index "feedback_queue_order";`);
    this.addSql(`drop index "feedback_queue_city";`);
    this.addSql(`drop index "feedback_queue_agency_order";`);
    this.addSql(`drop index "feedback_queue_agency";`);
    this.addSql(
      `alter table "feedback" drop column "assignee_id", drop column "resolved_at", drop column "close_due_at", drop column "reopen_count", drop column "escalated_at";`,
    );
    this.addSql(
      `create index "feedback_agency_code_status_sla_due_at_index" on "feedback" ("agency_code", "status", "sla_due_at");`,
    );
  }
}
