import { Global, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { SuaraConfig } from '@suara/core';
import { ormOptions } from './orm.config.js';

@Global()
@Module({
  imports: [
    MikroOrmModule.forRootAsync({
      driver: PostgreSqlDriver,
      inject: [SuaraConfig],
      useFactory: (config: SuaraConfig) => ({
        ...ormOptions(config.env.DATABASE_URL, config.env.DB_POOL_MAX),
        registerRequestContext: false,
      }),
    }),
  ],
})
export class DatabaseModule {}
