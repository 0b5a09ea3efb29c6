/**
 * npm run bench:intake — intake throughput against a real API process.
 *  1. submitFeedback at 50 connections for 10 s beside `{ __typename }` on the same server.
 *  2. A 50,000-statement forum import beside raw 500-row INSERTs of the same rows.
 * Prints figures; asserts nothing. Set BENCH_URL to measure a server you started
 * yourself (with PUBLIC_RATE_LIMIT high enough); otherwise it starts its own.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { NestFactory } from '@nestjs/core';
import { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { SYSTEM_ACTOR } from '@suara/identity';
import { ForumService } from '@suara/intake';
import { CliModule } from '../apps/cli/src/cli.module.js';
import { freshBenchDatabase, printTable, startProcess, stopProcess } from './support/bench-env.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const STATEMENTS = Number(process.env.BENCH_STATEMENTS ?? 50_000);

async function load(url: string, body: string) {
  const result = await autocannon({
    url: `${url}/graphql`,
    connections: CONNECTIONS,
    duration: DURATION,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function httpBenchmark(url: string) {
  const trivial = JSON.stringify({ query: '{ __typename }' });
  const submit = JSON.stringify({
    query: `mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { trackingCode status submittedAt } }`,
    variables: {
      input: {
        cityCode: 'MDN',
        kind: 'COMPLAINT',
        text: 'Sudah tiga bulan KTP-el saya belum dicetak, petugas selalu bilang blangko habis. Mohon kejelasan.',
        reporter: { name: 'Warga Uji', phone: '081234567890' },
      },
    },
  });
  await load(url, trivial); // warm-up: JIT, connection pools
  const baseline = await load(url, trivial);
  const intake = await load(url, submit);
  printTable(`GraphQL over HTTP, ${CONNECTIONS} connections, ${DURATION} s each`, [
    {
      operation: '{ __typename }',
      'req/s': baseline.rps.toFixed(0),
      'p50 ms': baseline.p50,
      'p99 ms': baseline.p99,
      errors: baseline.errors,
    },
    {
      operation: 'submitFeedback',
      'req/s': intake.rps.toFixed(0),
      'p50 ms': intake.p50,
      'p99 ms': intake.p99,
      errors: intake.errors,
    },
    {
      operation: 'ratio submit / trivial (target ≥ 0.40)',
      'req/s': (intake.rps / baseline.rps).toFixed(2),
      'p50 ms': '',
      'p99 ms': 'target ≤ 100',
      errors: '',
    },
  ]);
}

function statements(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    externalRef: `BENCH-${i}`,
    speaker: i % 4 === 0 ? `Warga ${i}` : null,
    text: `Pernyataan ${i}: jalan di lingkungan ${i % 37} berlubang dan drainase tersumbat sejak musim hujan, mohon segera diperbaiki oleh dinas terkait.`,
  }));
}

async function forumBenchmark(databaseUrl: string) {
  process.env.DATABASE_URL = databaseUrl;
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  const forum = app.get(ForumService);
  const em = app.get(EntityManager);
  const session = await forum.recordSession(SYSTEM_ACTOR, {
    cityCode: 'TPI',
    title: 'Benchmark',
    heldOn: '2026-11-22',
  });
  const rows = statements(STATEMENTS);

  const started = performance.now();
  for (let i = 0; i < rows.length; i += 10_000)
    await forum.importStatements(SYSTEM_ACTOR, session.id, rows.slice(i, i + 10_000));
  const importSeconds = (performance.now() - started) / 1000;
  const [{ n }] = await em
    .fork()
    .execute<{ n: number }[]>(
      'select count(*)::int as n from feedback where forum_session_id = ?',
      [session.id],
    );
  await app.close();

  // The same rows, as plain 500-row INSERTs into a scratch copy of the table.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(
    'drop table if exists scratch_feedback; create table scratch_feedback (like feedback including defaults)',
  );
  const rawStarted = performance.now();
  await client.query('begin');
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    const params: unknown[] = [];
    const values = batch.map((r, j) => {
      params.push(r.externalRef, `T${i + j}`, r.text);
      const k = j * 3;
      return `(gen_random_uuid(), $${k + 2}, 'COMPLAINT', 'FORUM', $${k + 3}, 'TPI', 'RECEIVED', $${k + 1})`;
    });
    await client.query(
      `insert into scratch_feedback (id, tracking_code, kind, channel, text, city_code, status, external_ref) values ${values.join(',')}`,
      params,
    );
  }
  await client.query('commit');
  const rawSeconds = (performance.now() - rawStarted) / 1000;
  await client.query('drop table scratch_feedback');
  await client.end();

  const importRate = n / importSeconds;
  const rawRate = rows.length / rawSeconds;
  printTable(`Forum import of ${STATEMENTS.toLocaleString('en')} statements`, [
    {
      what: 'importStatements (validate, dedupe, items + speakers + routing jobs)',
      'rows/s': importRate.toFixed(0),
      seconds: importSeconds.toFixed(2),
      rows: n,
    },
    {
      what: 'raw 500-row INSERT into a scratch table',
      'rows/s': rawRate.toFixed(0),
      seconds: rawSeconds.toFixed(2),
      rows: rows.length,
    },
    {
      what: 'ratio (target ≥ 0.25)',
      'rows/s': (importRate / rawRate).toFixed(2),
      seconds: '',
      rows: '',
    },
  ]);
}

async function main() {
  const databaseUrl = await freshBenchDatabase('suara_bench');
  if (process.env.BENCH_URL) {
    await httpBenchmark(process.env.BENCH_URL);
  } else {
    const port = String(3900 + Math.floor(Math.random() * 90));
    const api = await startProcess('api', {
      DATABASE_URL: databaseUrl,
      PORT: port,
      PUBLIC_RATE_LIMIT: '100000000',
      NODE_ENV: 'production',
      // Production refuses the public development secret; this one lives as long as the run.
      JWT_SECRET: randomBytes(32).toString('hex'),
    });
    try {
      await httpBenchmark(`http://127.0.0.1:${port}`);
    } finally {
      await stopProcess(api);
    }
  }
  await forumBenchmark(databaseUrl);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
