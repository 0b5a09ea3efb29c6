/**
 * npm run bench:insight [-- --file ../shared/data/feedback-dev.jsonl] — placement of
 * complaints into recurring clusters on a database of its own.
 *  1. A store of 10,000 analysed complaints, then of 100,000, generated from the labeled
 *     texts with variations (word swaps, place names, numbers). The store is loaded in bulk
 *     with SQL, not placed one by one: feedback rows, then the rows placement writes
 *     (insight_item, complaint_cluster, cluster_term, term_frequency), each item read by the
 *     service's own reading (themes, competencies, terms). Stored clusters are groups of
 *     about CLUSTER_SIZE variations of one labeled text, so a larger store has more
 *     clusters, not larger ones.
 *  2. 1,000 new complaints placed into each store through InsightAnalysisService.analyse,
 *     one at a time: per-item time, the 100k / 10k ratio and the candidate lookup p95.
 *  3. End to end through the worker process (outbox → routing → insight job → placed),
 *     beside BullMQ's no-op rate in the same run.
 * Prints figures; asserts nothing.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { FeedbackChannel, FeedbackKind, writeFeedback } from '@suara/intake';
import { InsightAnalysisService } from '@suara/insight';
import { CliModule } from '../apps/cli/src/cli.module.js';
import {
  freshBenchDatabase,
  percentile,
  printTable,
  startProcess,
  stopProcess,
} from './support/bench-env.js';
import { noopRate } from './support/noop-rate.js';
import { cpuPerItem, readCpu } from './support/cpu-meter.js';

const SMALL = Number(process.env.BENCH_SMALL_STORE ?? 10_000);
const LARGE = Number(process.env.BENCH_LARGE_STORE ?? 100_000);
const PLACED = Number(process.env.BENCH_PLACED ?? 1_000);
const E2E_ITEMS = Number(process.env.BENCH_E2E_ITEMS ?? 2_000);
const NOOP_ITEMS = Number(process.env.BENCH_NOOP_ITEMS ?? 10_000);
const CONCURRENCY = Number(process.env.WORKER_CONCURRENCY ?? 50);
const INSIGHT_CONCURRENCY = Number(process.env.INSIGHT_CONCURRENCY ?? 50);
const E2E_TIMEOUT_MS = Number(process.env.BENCH_E2E_TIMEOUT_S ?? 180) * 1000;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CLUSTER_SIZE = 8;
const GENERATION = 1;
const BATCH = 5_000;

const PLACES = [
  'Jalan Gatot Subroto',
  'Kelurahan Sei Sikambing',
  'Kecamatan Siantar Barat',
  'Pasar Horas',
  'Jalan Sisingamangaraja',
  'Perumnas Simalingkar',
  'Kelurahan Bantan',
  'Jalan Sutomo',
  'Desa Lawe Sigala',
  'Kutacane Lama',
  'Jalan Merdeka',
  'Kampung Baru',
  'Tebing Tinggi Kota',
  'Kelurahan Martoba',
  'Jalan Diponegoro',
  'Simpang Limun',
];
/** Words citizens write either way; swapped at random. */
const SWAPS: Record<string, string> = {
  sudah: 'telah',
  telah: 'sudah',
  tidak: 'tak',
  rusak: 'hancur',
  petugas: 'pegawai',
  pegawai: 'petugas',
  warga: 'masyarakat',
  minta: 'meminta',
  habis: 'kosong',
  tolong: 'mohon',
  lama: 'lambat',
  sangat: 'sekali',
  segera: 'cepat',
};

interface Base {
  text: string;
  kind: FeedbackKind;
  city: string;
  agency: string;
}

interface Generated extends Base {
  /** The labeled text it varies: a stored item's cluster follows it. */
  base: number;
  id: string;
  at: Date;
  reporterKey: string;
}

/** A small seeded generator, so every run builds the same store. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

function vary(text: string, rnd: () => number): string {
  const words = text
    .replace(/\d+/g, () => String(1 + Math.floor(rnd() * 30)))
    .split(' ')
    .map((w) => {
      const swap = SWAPS[w.toLowerCase()];
      return swap && rnd() < 0.5 ? swap : w;
    });
  if (words.length > 3 && rnd() < 0.3) {
    const i = 1 + Math.floor(rnd() * (words.length - 2));
    [words[i], words[i + 1]] = [words[i + 1], words[i]];
  }
  const place = pick(rnd, PLACES);
  const where =
    rnd() < 0.5
      ? ` Lokasinya di ${place}.`
      : ` Di ${place} RT ${1 + Math.floor(rnd() * 12)}/RW ${1 + Math.floor(rnd() * 8)}.`;
  return words.join(' ') + where;
}

function loadBases(file: string, agencies: Set<string>): Base[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map(
      (l) =>
        JSON.parse(l) as { text: string; kind: FeedbackKind; city: string; agency: string | null },
    )
    .filter((r) => r.agency && agencies.has(`${r.city}-${r.agency}`))
    .map((r) => ({ text: r.text, kind: r.kind, city: r.city, agency: `${r.city}-${r.agency}` }));
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
let trackingSeq = 0;

function generate(bases: Base[], count: number, rnd: () => number, at: () => Date): Generated[] {
  return Array.from({ length: count }, () => {
    const i = Math.floor(rnd() * bases.length);
    const base = bases[i];
    return {
      ...base,
      base: i,
      id: randomUUID(),
      text: vary(base.text, rnd),
      at: at(),
      // Some reporters write more than once: a pool smaller than the store.
      reporterKey: `c:${md5(String(Math.floor(rnd() * 40_000)))}`,
    };
  });
}

async function insertFeedback(em: EntityManager, items: Generated[]): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) {
    const rows = items.slice(i, i + BATCH).map((g) => ({
      id: g.id,
      tracking_code: `Z${(trackingSeq++).toString(36).padStart(9, '0')}`,
      kind: g.kind,
      text: g.text,
      city_code: g.city,
      agency_code: g.agency,
      submitted_at: g.at.toISOString(),
    }));
    await em.execute(
      `insert into feedback (id, tracking_code, kind, channel, text, city_code, agency_code, status,
                             submitted_at, updated_at, sla_due_at, version)
       select id, tracking_code, kind, 'WEB_FORM', text, city_code, agency_code, 'ROUTED',
              submitted_at, submitted_at, submitted_at + interval '5 days', 1
         from jsonb_to_recordset(?::jsonb) as x(id uuid, tracking_code text, kind text, text text,
              city_code text, agency_code text, submitted_at timestamptz)`,
      [JSON.stringify(rows)],
    );
  }
}

interface StoredCluster {
  id: string;
  agency: string;
  city: string;
  items: number;
  complaints: number;
  reporters: Set<string>;
  first: number;
  last: number;
  themes: Set<string>;
  competencies: Set<string>;
  terms: Map<string, { count: number; last: number }>;
}

/**
 * Writes, in bulk, what placement would have written for `items`: each item read by the
 * service, grouped CLUSTER_SIZE at a time per labeled text, with the clusters' centroids,
 * postings, counters and labels, and the generation's document frequencies.
 */
async function insertAnalysis(
  em: EntityManager,
  service: InsightAnalysisService,
  items: Generated[],
  rnd: () => number,
): Promise<number> {
  const open = new Map<number, StoredCluster>();
  const clusters: StoredCluster[] = [];
  const df = new Map<string, number>();
  const itemRows: object[] = [];
  for (const g of items) {
    const reading = service.read({ text: g.text, kind: g.kind }, g.agency);
    let c = open.get(g.base);
    // About a quarter of the complaints stay alone, as real stores have many single items.
    if (!c || c.items >= CLUSTER_SIZE || rnd() < 0.25) {
      c = {
        id: randomUUID(),
        agency: g.agency,
        city: g.city,
        items: 0,
        complaints: 0,
        reporters: new Set(),
        first: Infinity,
        last: -Infinity,
        themes: new Set(),
        competencies: new Set(),
        terms: new Map(),
      };
      clusters.push(c);
      open.set(g.base, c);
    }
    const t = g.at.getTime();
    c.items++;
    if (g.kind === FeedbackKind.COMPLAINT) c.complaints++;
    c.reporters.add(g.reporterKey);
    c.first = Math.min(c.first, t);
    c.last = Math.max(c.last, t);
    reading.themes.forEach((x) => c.themes.add(x));
    reading.competencies.forEach((x) => c.competencies.add(x));
    for (const term of new Set(reading.terms)) {
      const p = c.terms.get(term) ?? { count: 0, last: -Infinity };
      c.terms.set(term, { count: p.count + 1, last: Math.max(p.last, t) });
      df.set(term, (df.get(term) ?? 0) + 1);
    }
    itemRows.push({
      feedback_id: g.id,
      cluster_id: c.id,
      agency_code: g.agency,
      reporter_key: g.reporterKey,
      kind: g.kind,
      themes: reading.themes,
      triggers: reading.triggers,
      competencies: reading.competencies,
      terms: reading.terms,
      submitted_at: g.at.toISOString(),
    });
  }
  const iso = (t: number) => new Date(t).toISOString();
  const clusterRows = clusters.map((c) => ({
    id: c.id,
    agency_code: c.agency,
    city_code: c.city,
    label: [...c.terms]
      .filter(([, v]) => v.count * 2 >= c.items)
      .slice(0, 4)
      .map(([k]) => k)
      .join(' '),
    size: c.items,
    distinct_reporters: c.reporters.size,
    complaints: c.complaints,
    first_seen_at: iso(c.first),
    last_seen_at: iso(c.last),
    themes: [...c.themes],
    competencies: [...c.competencies],
    recurring: c.items >= 3 && c.reporters.size >= 3,
    term_counts: Object.fromEntries([...c.terms].map(([k, v]) => [k, v.count])),
  }));
  for (let i = 0; i < clusterRows.length; i += BATCH)
    await em.execute(
      `insert into complaint_cluster (id, generation, agency_code, city_code, label, size, distinct_reporters,
              complaints, first_seen_at, last_seen_at, themes, competencies, recurring, term_counts)
       select id, ${GENERATION}, agency_code, city_code, label, size, distinct_reporters, complaints,
              first_seen_at, last_seen_at, themes, competencies, recurring, term_counts
         from jsonb_to_recordset(?::jsonb) as x(id uuid, agency_code text, city_code text, label text,
              size int, distinct_reporters int, complaints int, first_seen_at timestamptz,
              last_seen_at timestamptz, themes jsonb, competencies jsonb, recurring boolean, term_counts jsonb)`,
      [JSON.stringify(clusterRows.slice(i, i + BATCH))],
    );
  const termRows = clusters.flatMap((c) =>
    [...c.terms].map(([term, v]) => ({
      cluster_id: c.id,
      term,
      agency_code: c.agency,
      count: v.count,
      last_seen_at: iso(v.last),
    })),
  );
  for (let i = 0; i < termRows.length; i += BATCH * 4)
    await em.execute(
      `insert into cluster_term (cluster_id, term, generation, agency_code, count, last_seen_at)
       select cluster_id, term, ${GENERATION}, agency_code, count, last_seen_at
         from jsonb_to_recordset(?::jsonb) as x(cluster_id uuid, term text, agency_code text, count int,
              last_seen_at timestamptz)`,
      [JSON.stringify(termRows.slice(i, i + BATCH * 4))],
    );
  for (let i = 0; i < itemRows.length; i += BATCH)
    await em.execute(
      `insert into insight_item (generation, feedback_id, cluster_id, agency_code, reporter_key, kind,
              themes, triggers, competencies, terms, submitted_at)
       select ${GENERATION}, feedback_id, cluster_id, agency_code, reporter_key, kind, themes, triggers,
              competencies, terms, submitted_at
         from jsonb_to_recordset(?::jsonb) as x(feedback_id uuid, cluster_id uuid, agency_code text,
              reporter_key text, kind text, themes jsonb, triggers jsonb, competencies jsonb, terms jsonb,
              submitted_at timestamptz)`,
      [JSON.stringify(itemRows.slice(i, i + BATCH))],
    );
  const dfRows = [...df].map(([term, n]) => ({ term, n }));
  await em.execute(
    `insert into term_frequency (generation, term, df)
     select ${GENERATION}, term, n from jsonb_to_recordset(?::jsonb) as x(term text, n int) order by term
     on conflict (generation, term) do update set df = term_frequency.df + excluded.df`,
    [JSON.stringify(dfRows)],
  );
  await em.execute(`update insight_generation set documents = documents + ? where id = ?`, [
    items.length,
    GENERATION,
  ]);
  return clusters.length;
}

/** Grows the store to `size` items: feedback rows, then their analysis, indexes built after. */
async function growStore(
  em: EntityManager,
  service: InsightAnalysisService,
  bases: Base[],
  size: number,
  rnd: () => number,
): Promise<string> {
  const [{ n }] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from insight_item where generation = ?`,
    [GENERATION],
  );
  const started = performance.now();
  const now = Date.now();
  // Spread over half a year, oldest first, as they arrived.
  const items = generate(bases, size - n, rnd, () => new Date(now - rnd() * 180 * 86_400_000));
  items.sort((a, b) => a.at.getTime() - b.at.getTime());
  const indexes = await em.execute<{ indexname: string; indexdef: string }[]>(
    `select indexname, indexdef from pg_indexes
      where tablename = 'feedback' and indexname not like '%pkey' and indexname not like '%unique'`,
  );
  for (const i of indexes) await em.execute(`drop index "${i.indexname}"`);
  await insertFeedback(em, items);
  await em.execute("set maintenance_work_mem = '256MB'");
  for (const i of indexes) await em.execute(i.indexdef);
  const clusters = await insertAnalysis(em, service, items, rnd);
  await em.execute(
    'vacuum analyze feedback, insight_item, complaint_cluster, cluster_term, term_frequency',
  );
  return `${(size - n).toLocaleString('en')} items and ${clusters.toLocaleString('en')} clusters loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`;
}

async function placeNew(
  em: EntityManager,
  service: InsightAnalysisService,
  bases: Base[],
  rnd: () => number,
) {
  const items = generate(bases, PLACED, rnd, () => new Date());
  await insertFeedback(em, items);
  service.lookupMs.length = 0;
  const times: number[] = [];
  const outcomes = new Map<string, number>();
  for (const g of items) {
    const t = performance.now();
    const outcome = await service.analyse(g.id);
    times.push(performance.now() - t);
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  }
  const lookups = [...service.lookupMs].sort((a, b) => a - b);
  const mean = times.reduce((s, x) => s + x, 0) / times.length;
  times.sort((a, b) => a - b);
  return { mean, p50: percentile(times, 50), p95: percentile(times, 95), lookups, outcomes };
}

async function main() {
  const { values } = parseArgs({
    options: { file: { type: 'string', default: '../shared/data/feedback-dev.jsonl' } },
  });
  const benchStarted = performance.now();
  const databaseUrl = await freshBenchDatabase('suara_bench_insight');
  const prefix = `bench${Date.now()}`;
  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_PREFIX = prefix;
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  const em = app.get(EntityManager).fork();
  const service = app.get(InsightAnalysisService);
  const agencies = new Set(
    (await em.execute<{ code: string }[]>('select code from agency')).map((a) => a.code),
  );
  const bases = loadBases(values.file, agencies);
  const rnd = random(9);

  const placements: { store: number; load: string; r: Awaited<ReturnType<typeof placeNew>> }[] = [];
  for (const size of [SMALL, LARGE]) {
    const load = await growStore(em, service, bases, size, rnd);
    console.log(`Store of ${size.toLocaleString('en')}: ${load}`);
    placements.push({ store: size, load, r: await placeNew(em, service, bases, random(size)) });
  }
  const [small, large] = placements;
  const fmt = (x: number) => x.toFixed(2);
  printTable(
    `Placement of ${PLACED.toLocaleString('en')} new complaints, one at a time (InsightAnalysisService.analyse)`,
    placements.map(({ store, r }) => ({
      store: store.toLocaleString('en'),
      'mean ms': fmt(r.mean),
      'p50 ms': fmt(r.p50),
      'p95 ms': fmt(r.p95),
      'lookup p50 ms': fmt(percentile(r.lookups, 50)),
      'lookup p95 ms': fmt(percentile(r.lookups, 95)),
      lookups: r.lookups.length,
      outcomes: [...r.outcomes].map(([k, v]) => `${k} ${v}`).join(', '),
    })),
  );
  printTable('Growth from the small store to the large one (target ≤ 1.3)', [
    { what: 'mean per item, large / small', ratio: (large.r.mean / small.r.mean).toFixed(3) },
    { what: 'p50 per item, large / small', ratio: (large.r.p50 / small.r.p50).toFixed(3) },
    { what: 'p95 per item, large / small', ratio: (large.r.p95 / small.r.p95).toFixed(3) },
  ]);

  // End to end: the items wait in the outbox, then one worker process routes, themes and places them.
  const e2eStart = new Date();
  const rndE2e = random(77);
  await writeFeedback(
    em.fork(),
    Array.from({ length: E2E_ITEMS }, () => {
      const base = pick(rndE2e, bases);
      return {
        kind: base.kind,
        channel: FeedbackChannel.API,
        text: vary(base.text, rndE2e),
        cityCode: base.city,
      };
    }),
  );
  const progress = async () =>
    (
      await em.fork().execute<{ received: number; unplaced: number; placed: number }[]>(
        `select count(*) filter (where f.status = 'RECEIVED')::int as received,
                count(*) filter (where f.status = 'ROUTED' and i.feedback_id is null)::int as unplaced,
                count(i.feedback_id)::int as placed
           from feedback f left join insight_item i on i.feedback_id = f.id and i.generation = ?
          where f.submitted_at >= ?`,
        [GENERATION, e2eStart],
      )
    )[0];
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: prefix,
    WORKER_CONCURRENCY: String(CONCURRENCY),
    INSIGHT_CONCURRENCY: String(INSIGHT_CONCURRENCY),
    // Insight places a batch per transaction: a few connections, whatever its concurrency.
    DB_POOL_MAX: String(CONCURRENCY + 12),
  };
  const started = performance.now();
  const worker = await startProcess('worker', env);
  let state = await progress();
  // The worker's boot (loading modules and the router model) is not throughput: the
  // steady clock starts when it has taken its first item, as the no-op rate's does.
  let taking: number | undefined;
  let cpuAtFirst = readCpu(worker.pid!);
  while (
    (state.received > 0 || state.unplaced > 0) &&
    performance.now() - started < E2E_TIMEOUT_MS
  ) {
    await sleep(taking ? 100 : 10);
    state = await progress();
    if (!taking && state.received < E2E_ITEMS) {
      taking = performance.now();
      cpuAtFirst = readCpu(worker.pid!);
    }
  }
  const ended = performance.now();
  const cpuAtEnd = readCpu(worker.pid!);
  const seconds = (ended - (taking ?? started)) / 1000;
  const withBoot = (ended - started) / 1000;
  await stopProcess(worker);
  const finished = state.received === 0 && state.unplaced === 0;
  const e2eRate = (E2E_ITEMS - state.received) / seconds;
  const noop = await noopRate({
    items: NOOP_ITEMS,
    concurrency: CONCURRENCY,
    prefix: `${prefix}noop`,
    redisUrl: REDIS_URL,
  });
  // Insight's concurrency only sizes its batches; a second no-op run is worth it when it differs.
  const noopInsight =
    INSIGHT_CONCURRENCY === CONCURRENCY
      ? undefined
      : await noopRate({
          items: NOOP_ITEMS,
          concurrency: INSIGHT_CONCURRENCY,
          prefix: `${prefix}noop-insight`,
          redisUrl: REDIS_URL,
        });
  printTable(
    `End to end, ${E2E_ITEMS.toLocaleString('en')} items into the ${LARGE.toLocaleString('en')} store (outbox → routing → insight job → placed), worker concurrency ${CONCURRENCY}, insight ${INSIGHT_CONCURRENCY}${finished ? '' : ' — TIMED OUT, partial'}`,
    [
      {
        what: `items through the pipeline (${state.placed} placed, the rest to triage)`,
        'per second': e2eRate.toFixed(1),
      },
      {
        what: 'items placed',
        'per second': (state.placed / seconds).toFixed(1),
      },
      {
        what: `items through the pipeline, the worker's boot included (${((withBoot - seconds) * 1000).toFixed(0)} ms)`,
        'per second': ((E2E_ITEMS - state.received) / withBoot).toFixed(1),
      },
      { what: `no-op BullMQ jobs, concurrency ${CONCURRENCY}`, 'per second': noop.toFixed(0) },
      {
        what: `ratio to no-op at ${CONCURRENCY} (target ≥ 0.10)`,
        'per second': (e2eRate / noop).toFixed(3),
      },
      ...(noopInsight === undefined
        ? []
        : [
            {
              what: `no-op BullMQ jobs, concurrency ${INSIGHT_CONCURRENCY}`,
              'per second': noopInsight.toFixed(0),
            },
            {
              what: `ratio to no-op at ${INSIGHT_CONCURRENCY}`,
              'per second': (e2eRate / noopInsight).toFixed(3),
            },
          ]),
    ],
  );
  printTable(
    'Where the end-to-end CPU went, from the first item taken to the last placed (whole machine: run it quiet)',
    cpuPerItem(cpuAtFirst, cpuAtEnd, E2E_ITEMS - state.received, noop * 0.1),
  );
  console.log(`Total ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
