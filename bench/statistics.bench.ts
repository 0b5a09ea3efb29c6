/**
 * npm run bench:statistics — the public record on 1,000,000 items (BENCH_ITEMS
 * to change), loaded with INSERT … SELECT over two years: a routing step for
 * each, an acknowledgement for most, public answers and ratings for some. Then:
 *  - the rebuild of the monthly roll-up (the maintenance job), timed once;
 *  - p50 / p95 of what /statistik asks (AnswerStatsService.record, a city's
 *    twelve months), the target being p95 ≤ 200 ms;
 *  - p50 / p95 of a page of /laporan and the next page by cursor.
 * Prints figures; asserts nothing.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { SuaraConfigModule, SuaraLoggerModule } from '@suara/core';
import { DatabaseModule } from '@suara/database';
import { AnswerStatsService, PublicReportsService, TransparencyModule } from '@suara/transparency';
import { freshBenchDatabase, measure, printTable } from './support/bench-env.js';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const BATCH = 100_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const CITIES = ['PMS', 'TPI', 'KTC', 'MDN'];

@Module({ imports: [SuaraConfigModule, SuaraLoggerModule, DatabaseModule, TransparencyModule] })
class BenchModule {}

async function load(em: EntityManager): Promise<void> {
  const started = performance.now();
  for (let from = 0; from < ITEMS; from += BATCH) {
    const to = Math.min(ITEMS, from + BATCH);
    await em.execute(
      `with agencies as (select array_agg(code order by code) as codes from agency),
       items as (
         insert into feedback (id, tracking_code, kind, channel, text, city_code, agency_code, status,
                               confidential, reopen_count, submitted_at, updated_at, version)
         select gen_random_uuid(), 'S' || lpad(to_hex(g), 9, '0'), 'COMPLAINT', 'WEB_FORM',
                'Laporan uji ' || g || ': jalan rusak, hubungi 0812' || lpad((g % 100000000)::text, 8, '0'),
                split_part(a.code, '-', 1), a.code,
                (array['ROUTED','ACKNOWLEDGED','IN_PROGRESS','RESOLVED','CLOSED','CLOSED'])[1 + (hashint4(g + 3) & 1023) % 6],
                (hashint4(g + 9) & 1023) % 10 = 0, case when (hashint4(g + 4) & 1023) % 8 = 0 then 1 else 0 end,
                sub, sub, 1
           from generate_series(${from}, ${to - 1}) g
           cross join agencies ag
           cross join lateral (select ag.codes[1 + (hashint4(g + 11) & 1023) % array_length(ag.codes, 1)] as code) a
           cross join lateral (select now() - ((hashint4(g + 17) & 65535) % 17520) * interval '1 hour' as sub) t
         returning id, status, submitted_at
       ),
       routed as (
         insert into audit_entry (at, actor_type, action, subject_type, subject_id, before, after)
         select submitted_at + ((hashint4(hashtext(id::text)) & 1023) % 120) * interval '1 hour', 'SYSTEM',
                'feedback.status_changed', 'Feedback', id::text, '{"status":"RECEIVED"}', '{"status":"ROUTED"}'
           from items
       ),
       acknowledged as (
         insert into audit_entry (at, actor_type, action, subject_type, subject_id, before, after)
         select submitted_at + ((hashint4(hashtext(id::text) + 1) & 1023) % 300 + 120) * interval '1 hour', 'STAFF',
                'feedback.status_changed', 'Feedback', id::text, '{"status":"ROUTED"}', '{"status":"ACKNOWLEDGED"}'
           from items where status <> 'ROUTED'
       ),
       answered as (
         insert into feedback_response (id, feedback_id, author_id, message, public, created_at)
         select gen_random_uuid(), id, gen_random_uuid(), 'Sedang kami tangani.', true,
                submitted_at + ((hashint4(hashtext(id::text) + 2) & 1023) % 200 + 24) * interval '1 hour'
           from items where (hashint4(hashtext(id::text) + 5) & 1023) % 3 = 0
       )
       insert into resolution_rating (id, feedback_id, round, score, created_at)
       select gen_random_uuid(), id, 1, 1 + (hashint4(hashtext(id::text) + 6) & 1023) % 5, now()
         from items where status = 'CLOSED'`,
    );
    process.stdout.write(`\rLoaded ${to.toLocaleString('en')} items`);
  }
  await em.execute('vacuum analyze feedback');
  await em.execute('vacuum analyze audit_entry');
  await em.execute('vacuum analyze feedback_response');
  await em.execute('vacuum analyze resolution_rating');
  console.log(
    `\n${ITEMS.toLocaleString('en')} items with their steps, answers and ratings loaded in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function main() {
  const databaseUrl = await freshBenchDatabase('suara_bench_statistics');
  process.env.DATABASE_URL = databaseUrl;
  process.env.LOG_LEVEL = 'warn';
  const app = await NestFactory.createApplicationContext(BenchModule, {
    logger: ['error', 'warn'],
  });
  const em = app.get(EntityManager).fork();
  await load(em);
  const stats = app.get(AnswerStatsService);
  const reports = app.get(PublicReportsService);

  const refreshStarted = performance.now();
  const { rows } = await stats.refresh();
  const refreshMs = performance.now() - refreshStarted;

  const cursors = new Map<number, string>();
  for (let i = 0; i < RUNS + 20; i++)
    cursors.set(i, (await reports.page(CITIES[i % CITIES.length], null, 20)).endCursor!);
  const results = [
    await measure('/statistik: a city, 12 months (agencyAnswerStats)', RUNS, (i) =>
      stats.record(CITIES[i % CITIES.length]),
    ),
    await measure('/laporan: first 20 of a city (publicReports)', RUNS, (i) =>
      reports.page(CITIES[i % CITIES.length], null, 20),
    ),
    await measure('/laporan: the next page by cursor', RUNS, (i) =>
      reports.page(CITIES[i % CITIES.length], null, 20, cursors.get(i)),
    ),
  ];
  printTable(
    `Public record on ${ITEMS.toLocaleString('en')} items (target: /statistik p95 ≤ 200 ms); ` +
      `roll-up rebuilt in ${(refreshMs / 1000).toFixed(1)} s into ${rows} agency-months`,
    results,
  );
  await app.close();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
