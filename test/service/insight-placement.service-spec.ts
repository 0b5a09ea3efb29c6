import { Test } from '@nestjs/testing';
import { SuaraConfig, SuaraConfigModule } from '@suara/core';
import { DatabaseModule } from '@suara/database';
import {
  InsightAnalysisService,
  InsightCurationService,
  InsightModule,
  InsightReadService,
} from '@suara/insight';
import { FeedbackKind, IntakeService } from '@suara/intake';
import { ServiceContext } from '@suara/testing';
import { TriageModule, TriageService } from '@suara/triage';
import { principalOf } from './fixtures.js';

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
});
