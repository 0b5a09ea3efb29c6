import { Migration } from '@mikro-orm/migrations';

export class Migration20261122204329_initial extends Migration {
  override name = 'Migration20261122204329_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "audit_entry" ("id" bigserial primary key, "at" timestamptz not null default now(), "actor_type" varchar(16) not null, "actor_id" varchar(64) null, "action" varchar(64) not null, "subject_type" varchar(32) not null, "subject_id" varchar(64) not null, "before" jsonb null, "after" jsonb null, "public_note" text null);`,
    );
    this.addSql(
      `create index "audit_entry_subject_id_at_index" on "audit_entry" ("subject_id", "at");`,
    );

    this.addSql(
      `create table "city" ("code" varchar(8) not null, "name" varchar(120) not null, "province" varchar(120) not null, primary key ("code"));`,
    );

    this.addSql(
      `create table "agency" ("code" varchar(24) not null, "city_code" varchar(8) not null, "type" varchar(16) not null, "name" varchar(160) not null, "technical_competency_code" varchar(16) not null, primary key ("code"));`,
    );

    this.addSql(
      `create table "competency" ("code" varchar(16) not null, "name" varchar(160) not null, "kind" varchar(16) not null, primary key ("code"));`,
    );

    this.addSql(
      `create table "complaint_theme" ("code" varchar(16) not null, "name" varchar(120) not null, "competency_codes" jsonb not null, primary key ("code"));`,
    );

    this.addSql(
      `create table "forum_session" ("id" uuid not null, "city_code" varchar(8) not null, "title" varchar(200) not null, "held_on" date not null, "venue" varchar(200) null, "host_agency_code" varchar(24) null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );

    this.addSql(
      `create table "feedback" ("id" uuid not null, "tracking_code" varchar(16) not null, "kind" text not null, "channel" text not null, "text" text not null, "city_code" varchar(8) not null, "agency_hint_code" varchar(24) null, "agency_code" varchar(24) null, "location" varchar(300) null, "status" text not null default 'RECEIVED', "anonymous" boolean not null default false, "confidential" boolean not null default false, "idempotency_key" varchar(128) null, "forum_session_id" uuid null, "external_ref" varchar(128) null, "duplicate_of_id" uuid null, "submitted_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "sla_due_at" timestamptz null, "version" int not null default 1, primary key ("id"));`,
    );
    this.addSql(
      `alter table "feedback" add constraint "feedback_tracking_code_unique" unique ("tracking_code");`,
    );
    this.addSql(
      `alter table "feedback" add constraint "feedback_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(
      `create index "feedback_agency_code_status_sla_due_at_index" on "feedback" ("agency_code", "status", "sla_due_at");`,
    );
    this.addSql(
      `create index "feedback_status_submitted_at_index" on "feedback" ("status", "submitted_at");`,
    );
    this.addSql(
      `alter table "feedback" add constraint "feedback_forum_session_id_external_ref_unique" unique ("forum_session_id", "external_ref");`,
    );
    this.addSql(
      `alter table "feedback" add constraint "feedback_kind_check" check ("kind" in ('COMPLAINT', 'SUGGESTION', 'COMPLIMENT', 'QUESTION'));`,
    );
    this.addSql(
      `alter table "feedback" add constraint "feedback_channel_check" check ("channel" in ('WEB_FORM', 'FORUM', 'API', 'OPEN311'));`,
    );
    this.addSql(
      `alter table "feedback" add constraint "feedback_status_check" check ("status" in ('RECEIVED', 'ROUTED', 'NEEDS_TRIAGE', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED', 'DUPLICATE'));`,
    );

    this.addSql(
      `create table "outbox_message" ("id" bigserial primary key, "job_name" varchar(64) not null, "job_id" varchar(128) not null, "payload" jsonb not null, "created_at" timestamptz not null default now());`,
    );

    this.addSql(
      `create table "reporter_contact" ("id" uuid not null, "feedback_id" uuid not null, "name" varchar(120) null, "email" varchar(254) null, "phone" varchar(20) null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "reporter_contact" add constraint "reporter_contact_feedback_id_unique" unique ("feedback_id");`,
    );

    this.addSql(
      `alter table "agency" add constraint "agency_city_code_foreign" foreign key ("city_code") references "city" ("code");`,
    );

    this.addSql(
      `alter table "forum_session" add constraint "forum_session_city_code_foreign" foreign key ("city_code") references "city" ("code");`,
    );
    this.addSql(
      `alter table "forum_session" add constraint "forum_session_host_agency_code_foreign" foreign key ("host_agency_code") references "agency" ("code") on delete set null;`,
    );

    this.addSql(
      `alter table "feedback" add constraint "feedback_city_code_foreign" foreign key ("city_code") references "city" ("code");`,
    );
    this.addSql(
      `alter table "feedback" add constraint "feedback_agency_hint_code_foreign" foreign key ("agency_hint_code") references "agency" ("code") on delete set null;`,
    );
    this.addSql(
      `alter table "feedback" add constraint "feedback_agency_code_foreign" foreign key ("agency_code") references "agency" ("code") on delete set null;`,
    );
    this.addSql(
      `alter table "feedback" add constraint "feedback_forum_session_id_foreign" foreign key ("forum_session_id") references "forum_session" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "feedback" add constraint "feedback_duplicate_of_id_foreign" foreign key ("duplicate_of_id") references "feedback" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "reporter_contact" add constraint "reporter_contact_feedback_id_foreign" foreign key ("feedback_id") references "feedback" ("id") on delete cascade;`,
    );
  }
}
