import { Inject, Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { Principal } from '@suara/identity';
import { COMPETENCIES, ReferenceService } from '@suara/reference';
import { TrainingEffectivenessService } from '../effectiveness/training-effectiveness.service.js';
import { TrainingPlansService } from '../plans/training-plans.service.js';
import { GAP_SOURCE, type GapSource } from '../sources/gap-source.port.js';
import { METHOD_LABEL, ROUTE_LABEL } from '../training.enums.js';
import { TrainingErrors } from '../training.errors.js';
import { TrainingPolicy } from '../training.policy.js';

/** `?year=YYYY` of the export links, checked before any work. */
export function parseExportYear(raw: string | undefined): number {
  if (!raw || !/^\d{4}$/.test(raw)) throw TrainingErrors.badYear();
  const year = Number(raw);
  if (year < 2000 || year > 2100) throw TrainingErrors.badYear();
  return year;
}

/** Excel opens UTF-8 as UTF-8 only when the file starts with a byte-order mark. */
const BOM = '\uFEFF';
const competencyName = new Map<string, string>(COMPETENCIES.map((c) => [c.code, c.name]));
const round = (n: number | undefined | null, digits = 4) =>
  n === undefined || n === null ? '' : Number(n.toFixed(digits));

function csv(columns: Record<string, string>, rows: Record<string, unknown>[]): string {
  return (
    BOM +
    stringify(rows, {
      header: true,
      columns: Object.entries(columns).map(([key, header]) => ({ key, header })),
      record_delimiter: 'windows',
    })
  );
}

/** The planners' CSV files, for BKPSDM's own reports. */
@Injectable()
export class TrainingExportService {
  constructor(
    private readonly plans: TrainingPlansService,
    private readonly effectiveness: TrainingEffectivenessService,
    private readonly reference: ReferenceService,
    @Inject(GAP_SOURCE) private readonly gapSource: GapSource,
  ) {}

  async gapsCsv(principal: Principal): Promise<string> {
    TrainingPolicy.read(principal, 'mengunduh daftar kesenjangan kompetensi');
    const agencies = await this.reference.agencyIndex();
    const gaps = await this.gapSource.list({});
    return csv(
      {
        id: 'ID kesenjangan',
        city: 'Kota',
        agency: 'Kode instansi',
        agencyName: 'Nama instansi',
        competency: 'Kode kompetensi',
        competencyName: 'Nama kompetensi',
        severity: 'Keparahan',
        status: 'Status',
        clusters: 'Jumlah klaster bukti',
        evidence: 'Jumlah pengaduan bukti',
      },
      gaps.map((g) => ({
        id: g.id,
        city: g.cityCode,
        agency: g.agencyCode,
        agencyName: agencies.get(g.agencyCode)?.name ?? '',
        competency: g.competencyCode,
        competencyName: competencyName.get(g.competencyCode) ?? '',
        severity: round(g.severity),
        status: g.status,
        clusters: g.evidenceClusterIds.length,
        evidence: g.evidenceCount,
      })),
    );
  }

  /** The yearly plan in the columns of PP 11/2017 Pasal 207. */
  async plansCsv(principal: Principal, year: number): Promise<string> {
    TrainingPolicy.read(principal, 'mengunduh rencana pelatihan');
    const plans = await this.plans.plansOf(undefined, year);
    const agencies = await this.reference.agencyIndex();
    return csv(
      {
        year: 'Tahun',
        city: 'Kota',
        title: 'Nama kegiatan',
        competency: 'Kode kompetensi',
        competencyName: 'Kompetensi yang dikembangkan',
        agencies: 'Instansi sasaran',
        participants: 'Jumlah peserta',
        method: 'Jenis pengembangan',
        route: 'Jalur',
        provider: 'Penyelenggara',
        startsOn: 'Tanggal mulai',
        endsOn: 'Tanggal selesai',
        hoursJp: 'Jumlah JP',
        budget: 'Anggaran (Rp)',
        status: 'Status',
        gaps: 'Kesenjangan yang dijawab',
      },
      plans.map((p) => ({
        year: p.year,
        city: p.cityCode,
        title: p.title,
        competency: p.competencyCode,
        competencyName: competencyName.get(p.competencyCode) ?? '',
        agencies: p.agencyCodes.map((c) => agencies.get(c)?.name ?? c).join('; '),
        participants: p.participants,
        method: METHOD_LABEL[p.method],
        route: ROUTE_LABEL[p.route],
        provider: p.provider,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        hoursJp: p.hoursJp,
        budget: p.budgetIdr,
        status: p.status,
        gaps: p.gapIds.join('; '),
      })),
    );
  }

  async effectivenessCsv(principal: Principal, year: number): Promise<string> {
    const results = await this.effectiveness.forYear(principal, year);
    return csv(
      {
        planId: 'ID rencana',
        city: 'Kota',
        title: 'Nama kegiatan',
        competency: 'Kode kompetensi',
        agencies: 'Instansi yang dilatih',
        completedOn: 'Tanggal selesai',
        weeks: 'Minggu dibandingkan',
        before: 'Pengaduan terkait sebelum',
        after: 'Pengaduan terkait sesudah',
        rateRatio: 'Rasio laju',
        ciLow: 'IK 95% bawah',
        ciHigh: 'IK 95% atas',
        comparison: 'Rasio laju pembanding',
        ratioOfRatios: 'Rasio terhadap pembanding',
        rorLow: 'IK 95% bawah (terhadap pembanding)',
        rorHigh: 'IK 95% atas (terhadap pembanding)',
        verdict: 'Kesimpulan',
        explanation: 'Penjelasan',
      },
      results.map(({ plan, effect }) => ({
        planId: plan.id,
        city: plan.cityCode,
        title: plan.title,
        competency: plan.competencyCode,
        agencies: plan.agencyCodes.join('; '),
        completedOn: plan.completedOn ?? '',
        weeks: effect.weeksCompared,
        before: effect.windows.trainedBefore.complaints,
        after: effect.windows.trainedAfter.complaints,
        rateRatio: round(effect.trained?.ratio),
        ciLow: round(effect.trained?.ciLow),
        ciHigh: round(effect.trained?.ciHigh),
        comparison: round(effect.comparison?.ratio),
        ratioOfRatios: round(effect.ratioOfRatios?.ratio),
        rorLow: round(effect.ratioOfRatios?.ciLow),
        rorHigh: round(effect.ratioOfRatios?.ciHigh),
        verdict: effect.verdict,
        explanation: effect.explanation,
      })),
    );
  }
}
