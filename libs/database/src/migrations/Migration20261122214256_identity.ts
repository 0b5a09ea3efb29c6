import { Migration } from '@mikro-orm/migrations';

export class Migration20261122214256_identity extends Migration {
  override name = 'Migration20261122214256_identity';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "staff_user" ("id" uuid not null, "email" varchar(254) not null, "name" varchar(120) not null, "password_hash" text not null, "role" text not null, "agency_code" varchar(24) null, "city_code" varchar(8) null, "active" boolean not null default true, "created_at" timestamptz not null default now(), "deactivated_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "staff_user" add constraint "staff_user_email_unique" unique ("email");`,
    );

    this.addSql(
      `alter table "staff_user" add constraint "staff_user_agency_code_foreign" foreign key ("agency_code") references "agency" ("code") on delete set null;`,
    );
    this.addSql(
      `alter table "staff_user" add constraint "staff_user_city_code_foreign" foreign key ("city_code") references "city" ("code") on delete set null;`,
    );
    this.addSql(
      `alter table "staff_user" add constraint "staff_user_role_check" check ("role" in ('AGENCY_STAFF', 'COORDINATOR', 'PLANNER', 'ADMIN'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "staff_user" cascade;`);
  }
}
