// Migrates and seeds one template database per run (reference data, the router's
// first model, the demo staff accounts); each test file clones it
// (CREATE DATABASE … TEMPLATE), so files are isolated without truncating tables.
import { execFileSync } from 'node:child_process';
import pg from 'pg';

export const TEMPLATE_DB = 'suara_test_template';

export default async function globalSetup() {
  const admin = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    // Databases left by an interrupted run.
    const stale = await client.query("select datname from pg_database where datname like 'suara_t\\_%'");
    for (const { datname } of stale.rows) await client.query(`drop database if exists "${datname}" with (force)`);
    await client.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${TEMPLATE_DB}`;
  for (const command of ['db:setup', 'seed:demo']) {
    execFileSync(process.execPath, ['dist/apps/cli/src/main.js', command], {
      env: { ...process.env, DATABASE_URL: url.toString(), LOG_LEVEL: 'silent', NODE_ENV: 'test' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
}
