import { Migration } from '@mikro-orm/migrations';

export class Migration20261122212243_routing extends Migration {
  override name = 'Migration20261122212243_routing';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "routing_decision" ("id" uuid not null, "feedback_id" uuid not null, "kind" varchar(16) not null, "basis" varchar(24) not null, "agency_code" varchar(24) null, "confidence" double precision not null, "alternatives" jsonb not null, "decisive_terms" jsonb not null, "explanation" text not null, "model_version" int null, "decided_by" varchar(64) null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "routing_decision_feedback_id_created_at_index" on "routing_decision" ("feedback_id", "created_at");`,
    );
    this.addSql(
      `create unique index "routing_decision_automatic_unique" on "routing_decision" ("feedback_id") where "kind" = 'AUTOMATIC';`,
    );

    this.addSql(
      `create table "routing_example" ("id" uuid not null, "text" text not null, "agency_type" varchar(16) not null, "source" varchar(16) not null, "feedback_id" uuid null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `alter table "routing_example" add constraint "routing_example_feedback_id_unique" unique ("feedback_id");`,
    );

    this.addSql(
      `create table "routing_model" ("version" serial primary key, "state" jsonb not null, "held_out_accuracy" double precision not null, "held_out_size" int not null, "training_size" int not null, "active" boolean not null default false, "note" text null, "trained_at" timestamptz not null default now());`,
    );
    this.addSql(
      `create unique index "routing_model_one_active" on "routing_model" ("active") where "active";`,
    );

    this.addSql(
      `create table "routing_phrase" ("id" uuid not null, "agency_type" varchar(16) not null, "phrase" varchar(120) not null, "added_by" varchar(64) null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `alter table "routing_phrase" add constraint "routing_phrase_agency_type_phrase_unique" unique ("agency_type", "phrase");`,
    );

    this.addSql(`create index "outbox_message_job_id_index" on "outbox_message" ("job_id");`);

    this.addSql(
      `alter table "routing_decision" add constraint "routing_decision_feedback_id_foreign" foreign key ("feedback_id") references "feedback" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "routing_decision" add constraint "routing_decision_agency_code_foreign" foreign key ("agency_code") references "agency" ("code") on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "routing_decision" cascade;`);
    this.addSql(`drop table if exists "routing_example" cascade;`);
    this.addSql(`drop table if exists "routing_model" cascade;`);
    this.addSql(`drop table if exists "routing_phrase" cascade;`);

    this.addSql(`drop index "outbox_message_job_id_index";`);
  }
}
