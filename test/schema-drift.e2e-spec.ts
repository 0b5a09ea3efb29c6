import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '@suara/database';
import { type TestDatabase, createTestDatabase } from '@suara/testing';

/**
 * The committed migrations are the schema's only history: a database migrated
 * with them must be exactly what the entities describe. A changed entity without
 * its migration (or a hand-written migration that differs from the entity) fails
 * here, naming the SQL that would be needed.
 */
describe('schema drift between entities and migrations', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.url, 2));
  });

  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  it('a database migrated from the committed migrations matches the entities', async () => {
    const sql = await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false });
    expect(sql.trim()).toBe('');
  });
});
