import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { Options, defineConfig } from '@mikro-orm/postgresql';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

export const MIGRATIONS_SOURCE_DIR = 'libs/database/src/migrations';

export function ormOptions(databaseUrl: string, poolMax = 10): Options {
  return defineConfig({
    clientUrl: databaseUrl,
    entities: ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    forceUtcTimezone: true,
    pool: { min: 0, max: poolMax },
    // A caller that cannot get a connection fails (and its job retries) instead of
    // waiting forever behind a starved pool.
    driverOptions: { connectionTimeoutMillis: 15_000 },
    // Relations are loaded on purpose (populate), never behind the reader's back.
    serialization: { forceObject: true },
    migrations: {
      migrationsList: MIGRATIONS,
      path: MIGRATIONS_SOURCE_DIR,
      emit: 'ts',
      // The committed migrations are the schema's history; a snapshot written at
      // migrate time would land in dist/ or fail on a read-only image.
      snapshot: false,
      snapshotOnMigrate: false,
      transactional: true,
      allOrNothing: true,
    },
  });
}
