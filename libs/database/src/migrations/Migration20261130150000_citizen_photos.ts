import { Migration } from '@mikro-orm/migrations';

/**
 * What citizens add to a report: photos (uploaded first, claimed by the
 * submission), the phone's position, and follow-up messages after submitting.
 */
export class Migration20261130150000_citizen_photos extends Migration {
  override name = 'Migration20261130150000_citizen_photos';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "feedback" add "latitude" double precision null, add "longitude" double precision null;`,
    );
    this.addSql(
      `create table "feedback_photo" ("id" uuid not null, "feedback_id" uuid null, "upload_token" varchar(64) not null, "storage_key" varchar(200) not null, "content_type" varchar(32) not null, "width" int not null, "height" int not null, "byte_size" int not null, "uploaded_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `alter table "feedback_photo" add constraint "feedback_photo_upload_token_unique" unique ("upload_token");`,
    );
    this.addSql(
      `create index "feedback_photo_unclaimed" on "feedback_photo" ("uploaded_at") where "feedback_id" is null;`,
    );
    this.addSql(
      `create index "feedback_photo_feedback_id_index" on "feedback_photo" ("feedback_id");`,
    );
    this.addSql(
      `alter table "feedback_photo" add constraint "feedback_photo_feedback_id_foreign" foreign key ("feedback_id") references "feedback" ("id") on delete cascade;`,
    );
    this.addSql(
      `create table "citizen_follow_up" ("id" uuid not null, "feedback_id" uuid not null, "message" text not null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "citizen_follow_up_feedback_id_created_at_index" on "citizen_follow_up" ("feedback_id", "created_at");`,
    );
    this.addSql(
      `alter table "citizen_follow_up" add constraint "citizen_follow_up_feedback_id_foreign" foreign key ("feedback_id") references "feedback" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "citizen_follow_up" cascade;`);
    this.addSql(`drop table if exists "feedback_photo" cascade;`);
    this.addSql(`alter table "feedback" drop column "latitude", drop column "longitude";`);
  }
}
