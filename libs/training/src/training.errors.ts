import { DomainError, defineErrors } from '@suara/core';
import { TrainingPlanStatus } from './training.enums.js';

const STATUS_ID: Record<TrainingPlanStatus, string> = {
  DRAFT: 'DRAFT (rancangan)',
  APPROVED: 'APPROVED (disetujui)',
  COMPLETED: 'COMPLETED (selesai)',
  CANCELLED: 'CANCELLED (dibatalkan)',
};

export const TrainingErrors = defineErrors('training', {
  planNotFound: (id: string) =>
    new DomainError('NOT_FOUND', `Rencana pelatihan ${id} tidak ditemukan.`, 'id'),
  illegalTransition: (
    from: TrainingPlanStatus,
    to: TrainingPlanStatus,
    allowed: readonly TrainingPlanStatus[],
  ) =>
    new DomainError(
      'CONFLICT',
      `Rencana berstatus ${STATUS_ID[from]} tidak dapat diubah menjadi ${STATUS_ID[to]}. ` +
        (allowed.length
          ? `Yang diperbolehkan: ${allowed.map((s) => STATUS_ID[s]).join(', ')}.`
          : 'Status ini sudah final.'),
      'status',
    ),
  notEditable: (status: TrainingPlanStatus) =>
    new DomainError(
      'CONFLICT',
      `Hanya rencana berstatus DRAFT yang dapat diubah; rencana ini ${STATUS_ID[status]}. Batalkan dan buat rencana baru bila perlu.`,
      'status',
    ),
  staleVersion: () =>
    new DomainError(
      'CONFLICT',
      'Rencana ini baru saja diubah orang lain. Muat ulang, periksa perubahannya, lalu ulangi.',
      'expectedVersion',
    ),
  required: (label: string, field: string) =>
    new DomainError('BAD_USER_INPUT', `${label} wajib diisi.`, field),
  tooLong: (label: string, max: number, field: string) =>
    new DomainError('BAD_USER_INPUT', `${label} paling panjang ${max} karakter.`, field),
  outOfRange: (label: string, min: number, max: number, field: string) =>
    new DomainError(
      'BAD_USER_INPUT',
      `${label} harus bilangan bulat antara ${min.toLocaleString('id-ID')} dan ${max.toLocaleString('id-ID')}.`,
      field,
    ),
  unknownCity: (code: string) =>
    new DomainError('BAD_USER_INPUT', `Kode kota ${code} tidak dikenal.`, 'cityCode'),
  unknownAgency: (code: string, field = 'agencyCodes') =>
    new DomainError('BAD_USER_INPUT', `Kode instansi ${code} tidak dikenal.`, field),
  mixedCities: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'Semua instansi sasaran harus dari kota yang sama; buat satu rencana per kota.',
      'agencyCodes',
    ),
  noAgencies: () =>
    new DomainError('BAD_USER_INPUT', 'Pilih paling sedikit satu instansi sasaran.', 'agencyCodes'),
  unknownCompetency: (code: string) =>
    new DomainError(
      'BAD_USER_INPUT',
      `Kode kompetensi ${code} tidak dikenal (lihat katalog PermenPANRB 38/2017, mis. M.05 atau T-ADMINDUK).`,
      'competencyCode',
    ),
  badDate: (field: string) =>
    new DomainError(
      'BAD_USER_INPUT',
      `Tanggal ${field} harus berbentuk YYYY-MM-DD dan ada di kalender.`,
      field,
    ),
  endsBeforeStart: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'Tanggal selesai tidak boleh sebelum tanggal mulai.',
      'endsOn',
    ),
  spansYears: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'Rencana pengembangan kompetensi disusun per tahun: tanggal mulai dan selesai harus di tahun yang sama.',
      'endsOn',
    ),
  badGapId: (id: string) =>
    new DomainError(
      'BAD_USER_INPUT',
      `${id} bukan ID kesenjangan yang sah (harus UUID).`,
      'gapIds',
    ),
  unknownGap: (id: string) =>
    new DomainError('BAD_USER_INPUT', `Kesenjangan kompetensi ${id} tidak ditemukan.`, 'gapIds'),
  gapNotAccepted: (id: string, status: string) =>
    new DomainError(
      'BAD_USER_INPUT',
      `Kesenjangan ${id} berstatus ${status}; hanya kesenjangan yang sudah diterima (ACCEPTED) dapat dijawab rencana pelatihan.`,
      'gapIds',
    ),
  gapMismatch: (id: string) =>
    new DomainError(
      'BAD_USER_INPUT',
      `Kesenjangan ${id} bukan tentang kompetensi dan instansi sasaran rencana ini.`,
      'gapIds',
    ),
  badBudget: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'Anggaran harus rupiah bulat, paling sedikit Rp 0 dan paling banyak Rp 10 triliun.',
      'budgetIdr',
    ),
  badYear: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'Tahun harus empat angka antara 2000 dan 2100 (mis. ?year=2026).',
      'year',
    ),
});
