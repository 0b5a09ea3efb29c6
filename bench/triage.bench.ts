/**
 * npm run bench:triage — the staff queue on 1,000,000 items, loaded with
 * INSERT … SELECT in batches (not through the API), indexes as the migrations
 * create them. Then p50 / p95 through FeedbackQueueService, the code the
 * GraphQL queue calls, total count included:
 *  (a) a page of 50 of one agency, filtered by status, as its staff see it;
 *  (b) the next page by cursor;
 *  (c) a full-text search in a city, as its coordinator sees it.
 * Prints figures; asserts nothing.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { SuaraConfigModule, SuaraLoggerModule } from '@suara/core';
import { DatabaseModule } from '@suara/database';
import { type Principal, StaffRole } from '@suara/identity';
import { FeedbackStatus } from '@suara/intake';
import { FeedbackQueueService, TriageModule } from '@suara/triage';
import { freshBenchDatabase, measure, printTable } from './support/bench-env.js';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const BATCH = 100_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 300);

// Sentence parts combined at random, so that words have realistic, uneven frequencies.
const SUBJECTS = [
  'sampah di TPS',
  'jalan berlubang',
  'lampu jalan mati',
  'drainase tersumbat',
  'KTP-el belum dicetak',
  'akta kelahiran',
  'antrean puskesmas',
  'obat di puskesmas',
  'juru parkir liar',
  'angkot ngetem',
  'bansos PKH',
  'izin usaha OSS',
  'PBB naik',
  'guru honorer',
  'zonasi PPDB',
  'pedagang kaki lima',
  'banjir di perumahan',
  'pohon tumbang',
  'air PDAM keruh',
  'petugas kelurahan',
  'blangko habis',
  'aplikasi pelayanan error',
  'pungutan liar',
  'petugas kasar',
  'jembatan rusak',
  'limbah pabrik',
];
const PROBLEMS = [
  'sudah seminggu tidak ditangani',
  'membuat warga resah',
  'tolong segera diperbaiki',
  'sudah dilaporkan tapi belum ada tindak lanjut',
  'petugas minta uang tambahan',
  'pelayanannya sangat lambat',
  'tidak ada kejelasan',
  'terjadi setiap hari',
  'membahayakan anak sekolah',
];
const PLACES = [
  'di Kecamatan Medan Baru',
  'dekat pasar',
  'di depan sekolah',
  'di gang kami',
  'di kelurahan',
  'sejak bulan lalu',
];

@Module({ imports: [SuaraConfigModule, SuaraLoggerModule, DatabaseModule, TriageModule] })
class BenchModule {}

const sqlArray = (items: string[]) =>
  `array[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(',')}]`;

async function load(em: EntityManager): Promise<void> {
  // The indexes are dropped for the load and built again after: the same indexes, built in bulk.
  const indexes = await em.execute<{ indexname: string; indexdef: string }[]>(
    `select indexname, indexdef from pg_indexes
      where tablename = 'feedback' and indexname not like '%pkey' and indexname not like '%unique'`,
  );
  for (const i of indexes) await em.execute(`drop index "${i.indexname}"`);
  const started = performance.now();
  for (let from = 0; from < ITEMS; from += BATCH) {
    const to = Math.min(ITEMS, from + BATCH);
    await em.execute(
      `with agencies as (select array_agg(code order by code) as codes from agency)
       insert into feedback (id, tracking_code, kind, channel, text, city_code, agency_code, status,
                             submitted_at, updated_at, sla_due_at, version)
       select gen_random_uuid(), 'B' || lpad(to_hex(g), 9, '0'),
              (array['COMPLAINT','COMPLAINT','COMPLAINT','SUGGESTION','QUESTION','COMPLIMENT'])[1 + g % 6],
              case when g % 5 = 0 then 'FORUM' else 'WEB_FORM' end,
              initcap(s.subjects[1 + (hashint4(g) & 1023) % ${SUBJECTS.length}]) || ' ' ||
                s.problems[1 + (hashint4(g + 7) & 1023) % ${PROBLEMS.length}] || ' ' ||
                s.places[1 + (hashint4(g + 13) & 1023) % ${PLACES.length}] || '. Laporan ' || g || '.',
              split_part(a.code, '-', 1), a.code,
              (array['ROUTED','ROUTED','ROUTED','ACKNOWLEDGED','IN_PROGRESS','IN_PROGRESS','RESOLVED','CLOSED','CLOSED','NEEDS_TRIAGE'])[1 + (hashint4(g + 3) & 1023) % 10],
              sub, sub, sub + interval '5 days' + ((hashint4(g + 5) & 1023) % 240) * interval '1 hour', 1
         from generate_series(${from}, ${to - 1}) g
         cross join agencies ag
         cross join (select ${sqlArray(SUBJECTS)} as subjects, ${sqlArray(PROBLEMS)} as problems, ${sqlArray(PLACES)} as places) s
         cross join lateral (select ag.codes[1 + (hashint4(g + 11) & 1023) % array_length(ag.codes, 1)] as code) a
         cross join lateral (select now() - ((hashint4(g + 17) & 65535) % 4320) * interval '1 hour' as sub) t`,
    );
    process.stdout.write(`\rLoaded ${to.toLocaleString('en')} items`);
  }
  const loadedIn = (performance.now() - started) / 1000;
  const indexStarted = performance.now();
  await em.execute("set maintenance_work_mem = '512MB'");
  for (const i of indexes) await em.execute(i.indexdef);
  // What autovacuum does in a running system: statistics, and the visibility map that lets
  // counts be answered from the indexes alone.
  await em.execute('vacuum analyze feedback');
  console.log(
    `\n${ITEMS.toLocaleString('en')} items loaded in ${loadedIn.toFixed(1)} s; ` +
      `${indexes.length} indexes built in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s`,
  );
}

async function main() {
  const databaseUrl = await freshBenchDatabase('suara_bench_triage');
  process.env.DATABASE_URL = databaseUrl;
  process.env.LOG_LEVEL = 'warn';
  const app = await NestFactory.createApplicationContext(BenchModule, {
    logger: ['error', 'warn'],
  });
  const em = app.get(EntityManager).fork();
  await load(em);

  const agencies = await em.execute<{ code: string; city_code: string }[]>(
    'select code, city_code from agency order by code',
  );
  const queue = app.get(FeedbackQueueService);
  const staffOf = (i: number): Principal => {
    const a = agencies[i % agencies.length];
    return {
      userId: 'bench',
      email: 'bench',
      role: StaffRole.AGENCY_STAFF,
      agencyCode: a.code,
      cityCode: a.city_code,
    };
  };
  const statuses = [FeedbackStatus.ROUTED, FeedbackStatus.IN_PROGRESS, FeedbackStatus.ACKNOWLEDGED];
  const firstPage = (i: number) =>
    queue.page(staffOf(i), { status: [statuses[i % statuses.length]] }, 50);
  const cursors = new Map<number, string>();
  for (let i = 0; i < RUNS + 20; i++) cursors.set(i, (await firstPage(i)).pageInfo.endCursor!);
  const cities = ['PMS', 'TPI', 'KTC', 'MDN'];
  const searches = [
    'blangko habis',
    'pungutan liar',
    'puskesmas',
    'parkir liar',
    'banjir',
    'petugas kasar',
    'PDAM keruh',
    'jembatan rusak',
  ];
  const coordinatorOf = (i: number): Principal => ({
    userId: 'bench',
    email: 'bench',
    role: StaffRole.COORDINATOR,
    cityCode: cities[i % cities.length],
  });

  const rows = [
    await measure('(a) 50 of an agency, by status', RUNS, firstPage),
    await measure('(b) the next page by cursor', RUNS, (i) =>
      queue.page(staffOf(i), { status: [statuses[i % statuses.length]] }, 50, cursors.get(i)),
    ),
    await measure('(c) full-text search in a city', RUNS, (i) =>
      queue.page(coordinatorOf(i), { search: searches[i % searches.length] }, 50),
    ),
  ];
  const sample = await queue.page(coordinatorOf(0), { search: 'blangko habis' }, 50);
  printTable(
    `Staff queue on ${ITEMS.toLocaleString('en')} items (FeedbackQueueService, page + total count; targets p95 (a)(b) ≤ 20 ms, (c) ≤ 100 ms)`,
    rows,
  );
  console.log(
    `A search for "blangko habis" in PMS matches ${sample.totalCount.toLocaleString('en')} items.`,
  );
  await app.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
