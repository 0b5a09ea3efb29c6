// Drops this run's template; the databases cloned from it are dropped by their files.
import pg from 'pg';

export default async function globalTeardown() {
  const template = process.env.SUARA_TEST_TEMPLATE;
  if (!template) return;
  const client = new pg.Client({
    connectionString: process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await client.connect();
  try {
    await client.query(`drop database if exists "${template}" with (force)`);
  } finally {
    await client.end();
  }
}
