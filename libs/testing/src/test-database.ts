import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '@suara/database';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated, seeded template of this run. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = new URL(process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const run = process.env.SUARA_TEST_RUN;
  const template = process.env.SUARA_TEST_TEMPLATE;
  if (!run || !template)
    throw new Error('No template database: run the tests through jest (test/global-setup.js)');
  admin.pathname = `/suara_t_${run}_${randomBytes(5).toString('hex')}`;
  const url = admin.toString();
  await ensureDatabase(url, template);
  return { url, drop: () => dropDatabase(url) };
}

/** A queue prefix of its own, so files never see each other's jobs. */
export function uniqueQueuePrefix(): string {
  return `suara_t_${randomBytes(4).toString('hex')}`;
}
