import { NestFactory } from '@nestjs/core';
import { parseEnv } from '@suara/core';
import { migrateDatabase } from '@suara/database';
import { ReferenceDataLoader } from '@suara/reference';
import { RouterModelService } from '@suara/routing';
import { CliModule } from '../cli.module.js';

export async function dbSetup(): Promise<void> {
  const env = parseEnv(process.env);
  const { created, applied } = await migrateDatabase(env.DATABASE_URL);
  if (created) console.log(`Created database ${new URL(env.DATABASE_URL).pathname.slice(1)}`);
  console.log(
    applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date',
  );
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    const loaded = await app.get(ReferenceDataLoader).load();
    console.log(`Reference data: ${loaded.cities} cities, ${loaded.agencies} agencies`);
    const router = await app.get(RouterModelService).seed();
    console.log(
      `Router: ${router.phrases} lexicon phrases, ${router.examples} seed examples` +
        (router.trained
          ? `; trained model v${router.trained.version} (held-out accuracy ${router.trained.heldOutAccuracy.toFixed(3)})`
          : ''),
    );
  } finally {
    await app.close();
  }
}
