import { Migration } from '@mikro-orm/migrations';

/**
 * The citizen's receipt secret (only its hash is kept) and the fingerprint of the
 * request behind an idempotency key. Rows written before stay null: they have no
 * secret to prove, and a replay of their key is refused rather than trusted.
 */
export class Migration20261130090000_citizen_secret extends Migration {
  override name = 'Migration20261130090000_citizen_secret';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "feedback" add "idempotency_body_hash" varchar(64) null, add "citizen_secret_hash" varchar(64) null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table "feedback" drop column "idempotency_body_hash", drop column "citizen_secret_hash";`,
    );
  }
}
