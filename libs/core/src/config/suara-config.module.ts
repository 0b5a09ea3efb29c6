import { Global, Module } from '@nestjs/common';
import { type Env, parseEnv } from './env.schema.js';

/**
 * The validated settings, injected as a typed object. Read when the application
 * is created rather than when this file is imported, so tests can start several
 * apps with different settings in one process.
 */
export class SuaraConfig {
  constructor(readonly env: Env) {}

  static fromEnvironment(overrides: Record<string, string | undefined> = {}): SuaraConfig {
    return new SuaraConfig(parseEnv({ ...process.env, ...overrides }));
  }
}

@Global()
@Module({
  providers: [{ provide: SuaraConfig, useFactory: () => SuaraConfig.fromEnvironment() }],
  exports: [SuaraConfig],
})
export class SuaraConfigModule {}
