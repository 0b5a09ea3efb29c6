import { Migration } from '@mikro-orm/migrations';

export class Migration20261130090936_notifications extends Migration {
  override name = 'Migration20261130090936_notifications';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "notification_opt_out" ("feedback_id" uuid not null, "stopped_at" timestamptz not null default now(), primary key ("feedback_id"));`,
    );

    this.addSql(
      `create table "notification" ("id" uuid not null, "feedback_id" uuid not null, "key" varchar(128) not null, "notice" varchar(16) not null, "channel" varchar(16) not null, "sent_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`create index "notification_feedback_id_index" on "notification" ("feedback_id");`);
    this.addSql(
      `alter table "notification" add constraint "notification_key_unique" unique ("key");`,
    );

    this.addSql(
      `alter table "notification_opt_out" add constraint "notification_opt_out_feedback_id_foreign" foreign key ("feedback_id") references "feedback" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "notification" add constraint "notification_feedback_id_foreign" foreign key ("feedback_id") references "feedback" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "notification_opt_out" cascade;`);
    this.addSql(`drop table if exists "notification" cascade;`);
  }
}
