import { DomainError, defineErrors } from '@suara/core';

/** Every error insight gives a client, in one place. */
export const InsightErrors = defineErrors('insight', {
  gapNotFound: (id: string) =>
    new DomainError('NOT_FOUND', `Kesenjangan kompetensi ${id} tidak ditemukan.`, 'id'),
  clusterNotFound: (id: string, field = 'id') =>
    new DomainError('NOT_FOUND', `Kelompok keluhan ${id} tidak ditemukan.`, field),
  notClustered: (feedbackId: string) =>
    new DomainError(
      'NOT_FOUND',
      `Laporan ${feedbackId} belum masuk kelompok keluhan mana pun.`,
      'feedbackId',
    ),
  sameCluster: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'Pilih dua kelompok yang berbeda untuk digabung.',
      'sourceId',
    ),
  otherAgency: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'Hanya kelompok dari instansi yang sama yang dapat digabung.',
      'sourceId',
    ),
  rebuildRunning: (generation: number) =>
    new DomainError(
      'CONFLICT',
      `Pembangunan ulang wawasan (generasi ${generation}) sedang berjalan. Tunggu sampai selesai, atau hapus generasi itu bila prosesnya sudah berhenti.`,
    ),
  alone: () =>
    new DomainError(
      'CONFLICT',
      'Laporan ini satu-satunya anggota kelompoknya; tidak ada yang perlu dipisahkan.',
      'feedbackId',
    ),
});
