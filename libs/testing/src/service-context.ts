import type { DynamicModule, LoggerService, Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { SuaraConfig, SuaraConfigModule } from '@suara/core';
import { DatabaseModule } from '@suara/database';
import { type TestDatabase, createTestDatabase, uniqueQueuePrefix } from './test-database.js';

/**
 * The middle tier of tests: a context's services as the apps inject them, on a
 * database of the file's own (cloned from the migrated, seeded template) and a
 * queue prefix of its own, without HTTP, GraphQL or a worker. Cheaper than an
 * end-to-end file, and it asserts what a service writes, not what a resolver shows.
 */
export class ServiceContext {
  private constructor(
    readonly db: TestDatabase,
    readonly config: SuaraConfig,
    readonly module: TestingModule,
  ) {}

  /** Boots only `imports` (the contexts under test) beside the configuration and the database. */
  static async start(
    imports: (Type | DynamicModule)[],
    env: Record<string, string> = {},
  ): Promise<ServiceContext> {
    const db = await createTestDatabase();
    const config = SuaraConfig.fromEnvironment({
      DATABASE_URL: db.url,
      REDIS_PREFIX: uniqueQueuePrefix(),
      ...env,
    });
    try {
      const builder = Test.createTestingModule({
        imports: [SuaraConfigModule, DatabaseModule, ...imports],
      })
        .overrideProvider(SuaraConfig)
        .useValue(config);
      if (config.env.LOG_LEVEL === 'silent') builder.setLogger(SILENT);
      const module = await builder.compile();
      await module.init();
      return new ServiceContext(db, config, module);
    } catch (error) {
      await db.drop();
      throw error;
    }
  }

  get<T>(type: Type<T>): T {
    return this.module.get(type, { strict: false });
  }

  /** Runs SQL on this context's database, outside any service: for setting up and for looking. */
  async sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.get(MikroORM).em.fork().execute(query, params) as Promise<T[]>;
  }

  /** Closes every connection the module opened (pool, Redis, queues), then drops the database. */
  async stop(): Promise<void> {
    try {
      await this.module.close();
    } finally {
      await this.db.drop();
    }
  }
}

const SILENT: LoggerService = {
  log: () => undefined,
  error: () => undefined,
  warn: () => undefined,
  debug: () => undefined,
  verbose: () => undefined,
};
