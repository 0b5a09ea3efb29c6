/**
 * npm run bench:routing — the real pipeline (outbox → relay → BullMQ → worker →
 * decision) on a database of its own, with the worker as its own process.
 *  1. 20,000 items: routed per second, beside a no-op BullMQ job at the same concurrency.
 *  2. A steady 100 items/s for 20 s: submit-to-routed latency p50 / p99.
 * Prints figures; asserts nothing.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { setTimeout as sleep } from 'node:timers/promises';
import { FeedbackChannel, FeedbackKind, IntakeService, writeFeedback } from '@suara/intake';
import { CliModule } from '../apps/cli/src/cli.module.js';
import { freshBenchDatabase, printTable, startProcess, stopProcess } from './support/bench-env.js';
import { noopRate } from './support/noop-rate.js';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 20_000);
const CONCURRENCY = Number(process.env.WORKER_CONCURRENCY ?? 50);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 20);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const TEXTS = [
  'Sampah di TPS dekat pasar sudah seminggu tidak diangkut, baunya sampai ke rumah.',
  'Jalan di gang kami berlubang besar, kalau hujan jadi kolam.',
  'KTP-el saya sudah tiga bulan belum dicetak, katanya blangko habis.',
  'Obat di puskesmas habis, pasien disuruh beli sendiri.',
  'Juru parkir liar minta uang padahal parkir gratis.',
  'Bansos PKH ibu saya tidak cair padahal terdaftar di DTKS.',
];

async function main() {
  const databaseUrl = await freshBenchDatabase('suara_bench_routing');
  const prefix = `bench${Date.now()}`;
  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_PREFIX = prefix;
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  const em = app.get(EntityManager);
  const routedCount = async () =>
    (
      await em
        .fork()
        .execute<{ n: number }[]>(
          "select count(*)::int as n from feedback where status <> 'RECEIVED'",
        )
    )[0].n;

  // 1. Throughput: the items wait in the outbox, then one worker process drains them.
  for (let i = 0; i < ITEMS; i += 1_000) {
    await writeFeedback(
      em.fork(),
      Array.from({ length: Math.min(1_000, ITEMS - i) }, (_, j) => ({
        kind: FeedbackKind.COMPLAINT,
        channel: FeedbackChannel.API,
        text: `${TEXTS[(i + j) % TEXTS.length]} (${i + j})`,
        cityCode: 'MDN',
      })),
    );
  }
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: prefix,
    WORKER_CONCURRENCY: String(CONCURRENCY),
    DB_POOL_MAX: String(CONCURRENCY + 2),
  };
  const started = performance.now();
  const worker = await startProcess('worker', env);
  while ((await routedCount()) < ITEMS) await sleep(100);
  const routedRate = ITEMS / ((performance.now() - started) / 1000);
  const noop = await noopRate({
    items: ITEMS,
    concurrency: CONCURRENCY,
    prefix: `${prefix}noop`,
    redisUrl: REDIS_URL,
  });
  printTable(
    `Routing throughput, ${ITEMS.toLocaleString('en')} items, worker concurrency ${CONCURRENCY}`,
    [
      {
        what: 'items routed (outbox → queue → worker → decision)',
        'per second': routedRate.toFixed(0),
      },
      { what: 'no-op BullMQ jobs, same concurrency', 'per second': noop.toFixed(0) },
      { what: 'ratio (target ≥ 0.10)', 'per second': (routedRate / noop).toFixed(3) },
    ],
  );

  // 2. Latency at a steady rate, measured in the database: submission to status change.
  const intake = app.get(IntakeService);
  const steadyStart = new Date();
  const total = RATE * STEADY_SECONDS;
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    void intake.submit({
      cityCode: 'PMS',
      kind: FeedbackKind.COMPLAINT,
      text: `${TEXTS[i % TEXTS.length]} [${i}]`,
    });
  }
  while ((await routedCount()) < ITEMS + total) await sleep(100);
  const [latency] = await em.fork().execute<{ p50: number; p99: number; n: number }[]>(
    `select percentile_cont(0.5) within group (order by ms) as p50, percentile_cont(0.99) within group (order by ms) as p99, count(*)::int as n
     from (select extract(epoch from (a.at - f.submitted_at)) * 1000 as ms
           from feedback f join audit_entry a on a.subject_id = f.id::text and a.action = 'feedback.status_changed'
           where f.submitted_at >= ?) t`,
    [steadyStart],
  );
  printTable(`Submit-to-routed latency at a steady ${RATE} items/s for ${STEADY_SECONDS} s`, [
    { what: 'p50 (target ≤ 50 ms)', ms: Number(latency.p50).toFixed(1), items: latency.n },
    { what: 'p99 (target ≤ 250 ms)', ms: Number(latency.p99).toFixed(1), items: latency.n },
  ]);
  await stopProcess(worker);
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
