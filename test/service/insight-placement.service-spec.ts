import { Test } from '@nestjs/testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { SuaraConfig, SuaraConfigModule } from '@suara/core';
import { DatabaseModule } from '@suara/database';
import {
  InsightAnalysisService,
  InsightCurationService,
  InsightModule,
  InsightReadService,
  clusterTerms,
} from '@suara/insight';
import { FeedbackKind, IntakeService } from '@suara/intake';
import { ServiceContext } from '@suara/testing';
import { TriageModule, TriageService } from '@suara/triage';
import { principalOf } from './fixtures.js';

/** Resolves once `ready()` is true, or once `settled` settles (then the test fails on what it sees). */
const until = async (ready: () => Promise<boolean>, settled: Promise<unknown>) => {
  let done = false;
  void settled.finally(() => (done = true));
  while (!done && !(await ready())) await new Promise((r) => setTimeout(r, 20));
};

const BLANKO = [
  'Blanko KTP-el habis lagi di Disdukcapil Siantar, KTP saya belum dicetak sudah tiga bulan.',
  'Sudah tiga bulan KTP elektronik belum dicetak di Disdukcapil Siantar, katanya blanko KTP habis.',
  'KTP-el anak saya belum juga dicetak, petugas Disdukcapil Siantar bilang blanko habis terus.',
  'Blanko KTP habis terus di Dukcapil Siantar, sudah bolak balik tiga bulan KTP-el tidak dicetak.',
];
const AKTA =
  'Akta kelahiran anak saya salah ketik nama ayah, minta perbaikan akta di Disdukcapil Siantar ditolak tanpa alasan.';
const RUDE = [
  'Petugas loket Puskesmas Helvetia membentak pasien lansia, kasar sekali.',
  'Petugas pendaftaran Puskesmas Helvetia ketus dan membentak pasien lansia di loket.',
  'Di loket Puskesmas Helvetia petugasnya kasar, membentak ibu saya yang sudah lansia.',
];
const POTHOLE = [
  'Jalan Rakutta Sembiring rusak parah berlubang besar, sudah setahun tidak diperbaiki.',
  'Jalan Rakutta Sembiring berlubang besar dan rusak parah, banyak pengendara jatuh.',
  'Lubang besar di Jalan Rakutta Sembiring rusak parah, mohon segera diperbaiki.',
];

/** Placement as the worker does it, against PostgreSQL. */
describe('insight placement', () => {
  let ctx: ServiceContext;
  let insight: InsightAnalysisService;
  let n = 0;

  beforeAll(async () => {
    ctx = await ServiceContext.start([InsightModule, TriageModule]);
    insight = ctx.get(InsightAnalysisService);
  });
  afterAll(() => ctx?.stop());

  /** A routed item from its own reporter (or the one named). */
  const item = async (
    agencyCode: string,
    text: string,
    reporter = `warga${++n}@contoh.id`,
    kind = FeedbackKind.COMPLAINT,
  ) => {
    const { trackingCode } = await ctx.get(IntakeService).submit({
      cityCode: agencyCode.split('-')[0],
      kind,
      text,
      reporter: { name: 'Budi Santoso', email: reporter },
    });
    const [{ id }] = await ctx.sql<{ id: string }>(
      `update feedback set status = 'ROUTED', agency_code = ? where tracking_code = ? returning id`,
      [agencyCode, trackingCode],
    );
    return id;
  };
  const membership = async (id: string) =>
    (
      await ctx.sql<{
        cluster_id: string;
        agency_code: string;
        size: number;
        distinct_reporters: number;
      }>(
        `select i.cluster_id, i.agency_code, c.size, c.distinct_reporters
           from insight_item i join complaint_cluster c on c.id = i.cluster_id
          where i.feedback_id = ? and i.generation = 1`,
        [id],
      )
    )[0];

  /** The generation's document count and the document frequency of `term` in it. */
  const statistics = async (term: string) =>
    (
      await ctx.sql<{ documents: number; df: number }>(
        `select g.documents,
                coalesce((select df from term_frequency f where f.generation = g.id and f.term = ?), 0) as df
           from insight_generation g where g.id = 1`,
        [term],
      )
    )[0];
  /** Clusters of generation 1 nobody is a member of (a ghost stays a candidate). */
  const ghosts = async () =>
    (
      await ctx.sql<{ n: number }>(
        `select count(*)::int as n from complaint_cluster c
          where c.generation = 1
            and not exists (select 1 from insight_item i where i.cluster_id = c.id)`,
      )
    )[0].n;
  /** Advisory lock requests waiting, in this database. */
  const waiting = async () =>
    (
      await ctx.sql<{ n: number }>(
        `select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database
          where l.locktype = 'advisory' and not l.granted and d.datname = current_database()`,
      )
    )[0].n;
  /** Holds an agency's placement lock of generation 1 in a transaction of its own until `release()`. */
  const holdAgency = async (agency: string) => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let held!: () => void;
    const holding = new Promise<void>((r) => (held = r));
    const done = ctx
      .get(MikroORM)
      .em.fork()
      .transactional(async (tx) => {
        await tx.execute(`select pg_advisory_xact_lock(hashtext('insight:1:${agency}'))`);
        held();
        await released;
      });
    await holding;
    return async () => {
      release();
      await done;
    };
  };
  const secondWorker = async () => {
    const other = await Test.createTestingModule({
      imports: [SuaraConfigModule, DatabaseModule, InsightModule],
    })
      .overrideProvider(SuaraConfig)
      .useValue(ctx.config)
      .compile();
    await other.init();
    return other;
  };

  it('puts near-duplicates in one cluster and a look-alike about another problem apart', async () => {
    const ids = [];
    for (const text of BLANKO) {
      ids.push(await item('PMS-DUKCAPIL', text));
      expect(await insight.analyse(ids.at(-1)!)).toBe('PLACED');
    }
    const akta = await item('PMS-DUKCAPIL', AKTA);
    await insight.analyse(akta);
    const clusters = new Set(
      await Promise.all(ids.map(async (id) => (await membership(id)).cluster_id)),
    );
    expect(clusters.size).toBe(1);
    const first = await membership(ids[0]);
    expect(first).toMatchObject({ size: 4, distinct_reporters: 4 });
    expect((await membership(akta)).cluster_id).not.toBe(first.cluster_id);
  });

  it('keeps praise of a service out of the cluster of complaints about it', async () => {
    const complaints = [];
    for (const text of BLANKO.slice(0, 2)) {
      complaints.push(await item('PMS-DUKCAPIL', text));
      await insight.analyse(complaints.at(-1)!);
    }
    const praise = await item('PMS-DUKCAPIL', BLANKO[0], undefined, FeedbackKind.COMPLIMENT);
    expect(await insight.analyse(praise)).toBe('PLACED');
    expect((await membership(praise)).cluster_id).not.toBe(
      (await membership(complaints[0])).cluster_id,
    );
  });

  it('never counts an item twice when it is processed again', async () => {
    const id = await item('PMS-DUKCAPIL', BLANKO[0]);
    await insight.analyse(id);
    const before = await membership(id);
    expect(await insight.analyse(id)).toBe('UNCHANGED');
    expect(await insight.analyse(id)).toBe('UNCHANGED');
    expect(await membership(id)).toEqual(before);
    const [{ n: rows }] = await ctx.sql<{ n: number }>(
      'select count(*)::int as n from insight_item where feedback_id = ?',
      [id],
    );
    expect(rows).toBe(1);
  });

  it('moves an item to the new agency when it is rerouted, and queues that analysis through the outbox', async () => {
    const id = await item('PMS-DUKCAPIL', BLANKO[1]);
    await insight.analyse(id);
    const before = await membership(id);
    const coordinator = await principalOf(ctx, 'coordinator.pms@demo.suara.id');
    await ctx.get(TriageService).reroute(coordinator, id, 'PMS-KECAMATAN', 'Salah instansi');
    const jobs = await ctx.sql<{ job_name: string; payload: { feedbackId: string } }>(
      `select job_name, payload from outbox_message where job_name = 'analyse-feedback'`,
    );
    expect(jobs.map((j) => j.payload.feedbackId)).toContain(id);
    await insight.analyse(id);
    const after = await membership(id);
    expect(after.agency_code).toBe('PMS-KECAMATAN');
    const [old] = await ctx.sql<{ size: number }>(
      'select size from complaint_cluster where id = ?',
      [before.cluster_id],
    );
    expect(old.size).toBe(before.size - 1);
  });

  it('places a duplicate in its original cluster', async () => {
    const original = await item('PMS-DUKCAPIL', AKTA);
    await insight.analyse(original);
    const dup = await item(
      'PMS-DUKCAPIL',
      'Tolong ditindaklanjuti, sama seperti laporan tetangga saya.',
    );
    await insight.analyse(dup);
    const coordinator = await principalOf(ctx, 'coordinator.pms@demo.suara.id');
    await ctx.get(TriageService).markDuplicate(coordinator, dup, original);
    await insight.analyse(dup);
    expect((await membership(dup)).cluster_id).toBe((await membership(original)).cluster_id);
  });

  it('links a recurring cluster of rude treatment to competency gaps, and an asset-only one to none', async () => {
    for (const text of RUDE) await insight.analyse(await item('MDN-DINKES', text));
    for (const text of POTHOLE) await insight.analyse(await item('PMS-PUPR', text));
    const gaps = await ctx.sql<{ agency_code: string; competency_code: string }>(
      `select g.agency_code, g.competency_code from competency_gap g
        where g.agency_code in ('MDN-DINKES', 'PMS-PUPR')
          and exists (select 1 from gap_evidence e where e.gap_id = g.id) order by 1, 2`,
    );
    expect(gaps).toEqual([
      { agency_code: 'MDN-DINKES', competency_code: 'M.03' },
      { agency_code: 'MDN-DINKES', competency_code: 'M.05' },
    ]);
    const [pupr] = await ctx.sql<{ recurring: boolean; themes: string[] }>(
      `select recurring, themes from complaint_cluster where agency_code = 'PMS-PUPR' order by size desc limit 1`,
    );
    expect(pupr).toEqual({ recurring: true, themes: ['ASSET'] });
  });

  it('makes one cluster of near-identical items placed at the same moment by two workers', async () => {
    const other = await Test.createTestingModule({
      imports: [SuaraConfigModule, DatabaseModule, InsightModule],
    })
      .overrideProvider(SuaraConfig)
      .useValue(ctx.config)
      .compile();
    await other.init();
    try {
      const ids = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          item(
            'MDN-DISHUB',
            `Lampu lalu lintas simpang Jalan Gatot Subroto mati lagi nomor ${i}, rawan tabrakan.`,
          ),
        ),
      );
      const workers = [insight, other.get(InsightAnalysisService)];
      await Promise.all(ids.map((id, i) => workers[i % 2].analyse(id)));
      const clusters = await ctx.sql<{ size: number }>(
        `select size from complaint_cluster where agency_code = 'MDN-DISHUB'`,
      );
      expect(clusters).toEqual([{ size: 20 }]);
    } finally {
      await other.close();
    }
  });

  it('keeps a dismissed gap dismissed when its cluster grows, and answers the review by id', async () => {
    const rude = RUDE.map((t) => t.replace('Helvetia', 'Sunggal'));
    for (const text of rude) await insight.analyse(await item('PMS-DINKES', text));
    const principal = await principalOf(ctx, 'planner@demo.suara.id');
    const gapOf = async (competency: string) =>
      (
        await ctx.sql<{ id: string; status: string; evidence: number }>(
          `select g.id, g.status, (select count(*)::int from gap_evidence e where e.gap_id = g.id) as evidence
             from competency_gap g where g.agency_code = 'PMS-DINKES' and g.competency_code = ?`,
          [competency],
        )
      )[0];
    const dismissed = await gapOf('M.03');
    expect(dismissed).toMatchObject({ status: 'OPEN', evidence: 1 });
    await ctx
      .get(InsightCurationService)
      .reviewGap(principal, dismissed.id, 'DISMISS', 'bukan soal pelatihan');
    expect(await ctx.get(InsightReadService).gap(dismissed.id)).toMatchObject({
      id: dismissed.id,
      status: 'DISMISSED',
    });

    await insight.analyse(
      await item(
        'PMS-DINKES',
        'Petugas loket Puskesmas Sunggal kasar dan membentak pasien lansia lagi.',
      ),
    );
    expect(await gapOf('M.03')).toMatchObject({ status: 'DISMISSED', evidence: 0 });
    expect(await gapOf('M.05')).toMatchObject({ status: 'OPEN', evidence: 1 });
  });
  it('places two revisions of one item processed at once by two workers one after the other', async () => {
    const other = await secondWorker();
    try {
      const text = 'Petugas loket Puskesmas Marelan membentak pasien, antrean obat kacau balau.';
      const id = await item('PMS-DINKES', text);
      const before = await statistics(clusterTerms(text, 'COMPLAINT')[0]);
      const release = await holdAgency('PMS-DINKES');
      // The first worker reads the routed revision and waits for the agency's lock ...
      const first = insight.analyse(id);
      await until(async () => (await waiting()) >= 1, first);
      // ... while the item is rerouted and a second worker processes the new revision.
      await ctx.sql(`update feedback set agency_code = 'PMS-PUPR' where id = ?`, [id]);
      const second = other.get(InsightAnalysisService).analyse(id);
      await until(async () => (await waiting()) >= 2, second);
      await release();
      await Promise.all([first, second]);

      expect(await membership(id)).toMatchObject({ agency_code: 'PMS-PUPR', size: 1 });
      const [{ n: rows }] = await ctx.sql<{ n: number }>(
        'select count(*)::int as n from insight_item where feedback_id = ?',
        [id],
      );
      expect(rows).toBe(1);
      const after = await statistics(clusterTerms(text, 'COMPLAINT')[0]);
      expect(after.documents - before.documents).toBe(1);
      expect(after.df - before.df).toBe(1);
      expect(await ghosts()).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('counts an item in the statistics exactly while it is placed, however often it leaves and comes back', async () => {
    const text = 'Arsip berkas kartu keluarga hilang di loket Disdukcapil Siantar, antrean macet.';
    const term = clusterTerms(text, 'COMPLAINT')[0];
    const id = await item('PMS-DUKCAPIL', text);
    const start = await statistics(term);
    const counted = { documents: start.documents + 1, df: start.df + 1 };
    expect(await insight.analyse(id)).toBe('PLACED');
    expect(await statistics(term)).toEqual(counted);
    await ctx.sql(`update feedback set status = 'REJECTED' where id = ?`, [id]);
    expect(await insight.analyse(id)).toBe('REMOVED');
    expect(await statistics(term)).toEqual(start);
    await ctx.sql(`update feedback set status = 'ROUTED' where id = ?`, [id]);
    expect(await insight.analyse(id)).toBe('PLACED');
    expect(await insight.analyse(id)).toBe('UNCHANGED');
    expect(await statistics(term)).toEqual(counted);
  });

  it('counts a duplicate analysed for the first time as a duplicate', async () => {
    const original = await item(
      'PMS-DUKCAPIL',
      'Legalisir akta cerai di Disdukcapil Siantar dipungut biaya tanpa kuitansi.',
    );
    await insight.analyse(original);
    const text = 'Pungutan legalisir tanpa kuitansi itu juga menimpa tetangga saya, mohon diusut.';
    const dup = await item('PMS-DUKCAPIL', text);
    const coordinator = await principalOf(ctx, 'coordinator.pms@demo.suara.id');
    await ctx.get(TriageService).markDuplicate(coordinator, dup, original);
    const term =
      clusterTerms(text, 'COMPLAINT').find((t) => t.startsWith('tetangga')) ??
      clusterTerms(text, 'COMPLAINT')[0];
    const before = await statistics(term);
    expect(await insight.analyse(dup)).toBe('PLACED');
    expect((await membership(dup)).cluster_id).toBe((await membership(original)).cluster_id);
    const after = await statistics(term);
    expect(after.documents - before.documents).toBe(1);
    expect(after.df - before.df).toBe(1);
  });

  it("reports the active generation's outcome while a rebuild's generation is being built", async () => {
    const id = await item('PMS-DUKCAPIL', 'Formulir pindah domisili di Disdukcapil Siantar habis.');
    expect(await insight.analyse(id)).toBe('PLACED');
    const [{ id: building }] = await ctx.sql<{ id: number }>(
      `insert into insight_generation (id, status) select max(id) + 1, 'BUILDING' from insight_generation returning id`,
    );
    try {
      // New to the generation being built (PLACED there), processed again for the one everybody reads.
      expect(await insight.analyse(id)).toBe('UNCHANGED');
      const [{ n }] = await ctx.sql<{ n: number }>(
        'select count(*)::int as n from insight_item where generation = ? and feedback_id = ?',
        [building, id],
      );
      expect(n).toBe(1);
    } finally {
      await ctx.sql('delete from complaint_cluster where generation = ?', [building]);
      await ctx.sql('delete from term_frequency where generation = ?', [building]);
      await ctx.sql('delete from insight_generation where id = ?', [building]);
    }
  });

  it('starts no cluster for a text without a word to compare, and takes such an item out of its own', async () => {
    const empty = await item('PMS-DUKCAPIL', 'Kartu keluarga saya hilang di kantor.');
    await ctx.sql('update feedback set text = ? where id = ?', ['!!! ??? ...', empty]);
    expect(await insight.analyse(empty)).toBe('NOT_PLACEABLE');
    expect(await membership(empty)).toBeUndefined();

    // An agency no other test places in: the item starts a cluster of its own.
    const edited = await item(
      'PMS-DLH',
      'Pencetakan kartu identitas anak di Disdukcapil Siantar berbayar lima puluh ribu.',
    );
    expect(await insight.analyse(edited)).toBe('PLACED');
    const { cluster_id } = await membership(edited);
    await ctx.sql('update feedback set text = ? where id = ?', ['!!! ??? ...', edited]);
    expect(await insight.analyse(edited)).toBe('NOT_PLACEABLE');
    expect(await membership(edited)).toBeUndefined();
    expect(await ctx.sql('select id from complaint_cluster where id = ?', [cluster_id])).toEqual(
      [],
    );
    const unlabeled = await ctx.sql(
      `select id from complaint_cluster where generation = 1 and coalesce(label, '') = ''`,
    );
    expect(unlabeled).toEqual([]);
  });
  it('reads the term statistics a fixed number of times per batch, whatever its size', async () => {
    const texts = [
      'Truk sampah Kelurahan Bantan tidak datang, sampah menumpuk di parit.',
      'Drainase Jalan Sisingamangaraja tersumbat lumpur, air meluap ke rumah.',
      'Pohon tumbang di Jalan Asahan belum dipotong petugas, menutup trotoar.',
      'Bau limbah pabrik tahu di Kelurahan Martoba menyengat setiap malam.',
      'Pembakaran sampah di lapangan Kelurahan Sukadame membuat asap tebal.',
      'Sungai Bah Bolon keruh dan berbusa, ikan mati mengapung di Kelurahan Karo.',
      'Tong sampah di Taman Bunga rusak dan tidak pernah diganti.',
      'Penebangan pohon pelindung di Jalan Merdeka tanpa pemberitahuan warga.',
    ];
    const ids = await Promise.all(texts.map((t) => item('PMS-DLH', t)));
    await Promise.all(ids.map((id) => insight.analyse(id)));
    // One batch (the queue gathered them): its terms and its candidates' terms, nothing per item.
    expect(insight.statisticsReads.at(-1)).toBeLessThanOrEqual(2);
  });
});
