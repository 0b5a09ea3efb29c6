import { Migration } from '@mikro-orm/migrations';

/**
 * Insight's tables: generations, clusters with their term postings and statistics,
 * each item's reading and membership, competency gaps with evidence and
 * dismissals, and the labeled examples people's corrections leave. Generation 1
 * starts active so the worker can place items from the first deployment on.
 */
export class Migration20261130130000_insight extends Migration {
  override name = 'Migration20261130130000_insight';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "competency_gap" ("id" uuid not null, "agency_code" varchar(24) not null, "city_code" varchar(8) not null, "competency_code" varchar(16) not null, "status" text not null default 'OPEN', "reviewed_by" uuid null, "reviewed_at" timestamptz null, "review_note" varchar(1000) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "competency_gap_city_code_status_index" on "competency_gap" ("city_code", "status");`,
    );
    this.addSql(
      `alter table "competency_gap" add constraint "competency_gap_agency_code_competency_code_unique" unique ("agency_code", "competency_code");`,
    );

    this.addSql(
      `create table "complaint_cluster" ("id" uuid not null, "generation" int not null, "agency_code" varchar(24) not null, "city_code" varchar(8) not null, "label" varchar(300) not null default '', "size" int not null default 0, "distinct_reporters" int not null default 0, "complaints" int not null default 0, "first_seen_at" timestamptz not null, "last_seen_at" timestamptz not null, "themes" jsonb not null, "competencies" jsonb not null, "recurring" boolean not null default false, "status" text not null default 'OPEN', "merged_into_id" uuid null, "term_counts" jsonb not null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "complaint_cluster_generation_agency_code_size_index" on "complaint_cluster" ("generation", "agency_code", "size");`,
    );
    this.addSql(
      `create index "complaint_cluster_generation_city_code_size_index" on "complaint_cluster" ("generation", "city_code", "size");`,
    );

    this.addSql(
      `create table "cluster_term" ("cluster_id" uuid not null, "term" varchar(64) not null, "generation" int not null, "agency_code" varchar(24) not null, "count" int not null, "last_seen_at" timestamptz not null, primary key ("cluster_id", "term"));`,
    );
    this.addSql(
      `create index "cluster_term_lookup" on "cluster_term" ("generation", "agency_code", "term", "last_seen_at" desc);`,
    );

    this.addSql(
      `create table "gap_dismissal" ("gap_id" uuid not null, "cluster_id" uuid not null, "dismissed_at" timestamptz not null default now(), primary key ("gap_id", "cluster_id"));`,
    );

    this.addSql(
      `create table "gap_evidence" ("gap_id" uuid not null, "cluster_id" uuid not null, "linked_at" timestamptz not null default now(), primary key ("gap_id", "cluster_id"));`,
    );

    this.addSql(
      `create table "insight_example" ("id" uuid not null, "kind" text not null, "actor_id" uuid not null, "payload" jsonb not null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "insight_example_kind_created_at_index" on "insight_example" ("kind", "created_at");`,
    );

    this.addSql(
      `create table "insight_generation" ("id" int not null, "status" text not null, "documents" int not null default 0, "created_at" timestamptz not null default now(), "activated_at" timestamptz null, primary key ("id"));`,
    );

    this.addSql(
      `create table "insight_item" ("generation" int not null, "feedback_id" uuid not null, "cluster_id" uuid not null, "agency_code" varchar(24) not null, "reporter_key" varchar(80) not null, "kind" varchar(16) not null, "themes" jsonb not null, "triggers" jsonb not null, "competencies" jsonb not null, "terms" jsonb not null, "submitted_at" timestamptz not null, "placed_at" timestamptz not null default now(), primary key ("generation", "feedback_id"));`,
    );
    this.addSql(
      `create index "insight_item_cluster_id_submitted_at_index" on "insight_item" ("cluster_id", "submitted_at");`,
    );

    this.addSql(
      `create table "term_frequency" ("generation" int not null, "term" varchar(64) not null, "df" int not null, primary key ("generation", "term"));`,
    );
    this.addSql(
      `insert into "insight_generation" ("id", "status", "activated_at") values (1, 'ACTIVE', now());`,
    );

    this.addSql(
      `alter table "competency_gap" add constraint "competency_gap_agency_code_foreign" foreign key ("agency_code") references "agency" ("code");`,
    );
    this.addSql(
      `alter table "competency_gap" add constraint "competency_gap_competency_code_foreign" foreign key ("competency_code") references "competency" ("code");`,
    );
    this.addSql(
      `alter table "competency_gap" add constraint "competency_gap_status_check" check ("status" in ('OPEN', 'ACCEPTED', 'DISMISSED', 'ADDRESSED'));`,
    );

    this.addSql(
      `alter table "complaint_cluster" add constraint "complaint_cluster_status_check" check ("status" in ('OPEN', 'MERGED'));`,
    );

    this.addSql(
      `alter table "cluster_term" add constraint "cluster_term_cluster_id_foreign" foreign key ("cluster_id") references "complaint_cluster" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "gap_dismissal" add constraint "gap_dismissal_gap_id_foreign" foreign key ("gap_id") references "competency_gap" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "gap_evidence" add constraint "gap_evidence_gap_id_foreign" foreign key ("gap_id") references "competency_gap" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "gap_evidence" add constraint "gap_evidence_cluster_id_foreign" foreign key ("cluster_id") references "complaint_cluster" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "insight_example" add constraint "insight_example_kind_check" check ("kind" in ('GAP_ACCEPTED', 'GAP_DISMISSED', 'CLUSTERS_MERGED', 'ITEM_MOVED_OUT'));`,
    );

    this.addSql(
      `alter table "insight_generation" add constraint "insight_generation_status_check" check ("status" in ('BUILDING', 'ACTIVE', 'RETIRED'));`,
    );

    this.addSql(
      `alter table "insight_item" add constraint "insight_item_feedback_id_foreign" foreign key ("feedback_id") references "feedback" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "insight_item" add constraint "insight_item_cluster_id_foreign" foreign key ("cluster_id") references "complaint_cluster" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "gap_dismissal" drop constraint "gap_dismissal_gap_id_foreign";`);
    this.addSql(`alter table "gap_evidence" drop constraint "gap_evidence_gap_id_foreign";`);
    this.addSql(`alter table "cluster_term" drop constraint "cluster_term_cluster_id_foreign";`);
    this.addSql(`alter table "gap_evidence" drop constraint "gap_evidence_cluster_id_foreign";`);
    this.addSql(`alter table "insight_item" drop constraint "insight_item_cluster_id_foreign";`);

    this.addSql(`drop table if exists "competency_gap" cascade;`);
    this.addSql(`drop table if exists "complaint_cluster" cascade;`);
    this.addSql(`drop table if exists "cluster_term" cascade;`);
    this.addSql(`drop table if exists "gap_dismissal" cascade;`);
    this.addSql(`drop table if exists "gap_evidence" cascade;`);
    this.addSql(`drop table if exists "insight_example" cascade;`);
    this.addSql(`drop table if exists "insight_generation" cascade;`);
    this.addSql(`drop table if exists "insight_item" cascade;`);
    this.addSql(`drop table if exists "term_frequency" cascade;`);
  }
}
