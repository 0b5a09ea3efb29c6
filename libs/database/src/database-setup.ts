import { MikroORM } from '@mikro-orm/postgresql';
import { ensureDatabase } from './ensure-database.js';
import { ormOptions } from './orm.config.js';

/**
 * What `npm start` does before the processes start, once: create the database,
 * apply pending migrations. Never at boot of the API or the worker, which would
 * race each other.
 */
export async function migrateDatabase(
  databaseUrl: string,
): Promise<{ created: boolean; applied: string[] }> {
  const created = await ensureDatabase(databaseUrl);
  const orm = await MikroORM.init(ormOptions(databaseUrl, 2));
  try {
    const applied = await orm.migrator.up();
    return { created, applied: applied.map((m) => m.name) };
  } finally {
    await orm.close(true);
  }
}
