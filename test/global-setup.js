// Migrates and seeds one template database per run (reference data, the router's
// first model, the demo staff accounts); each test file clones it
// (CREATE DATABASE … TEMPLATE), so files are isolated without truncating tables.
// Names carry the run's process id, so two runs on one server (a local run beside
// CI) never drop each other's databases.
import { execFileSync } from 'node:child_process';
import pg from 'pg';

const OURS = /^suara_(?:tpl|t)_(\d+)(?:_|$)/;

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

export default async function globalSetup() {
  const run = String(process.pid);
  const template = `suara_tpl_${run}`;
  process.env.SUARA_TEST_RUN = run;
  process.env.SUARA_TEST_TEMPLATE = template;

  const admin = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    // Databases left by interrupted runs: those whose run has ended, and any of the old naming.
    const found = await client.query(
      "select datname from pg_database where datname like 'suara\\_t%'",
    );
    for (const { datname } of found.rows) {
      const owner = OURS.exec(datname);
      if (owner && alive(Number(owner[1]))) continue;
      await client.query(`drop database if exists "${datname}" with (force)`);
    }
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${template}`;
  for (const command of ['db:setup', 'seed:demo']) {
    execFileSync(process.execPath, ['dist/apps/cli/src/main.js', command], {
      env: { ...process.env, DATABASE_URL: url.toString(), LOG_LEVEL: 'silent', NODE_ENV: 'test' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
}
