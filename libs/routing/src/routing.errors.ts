import { DomainError, defineErrors } from '@suara/core';

/** Every refusal of the routing context, in words an admin or coordinator can act on. */
export const RoutingErrors = defineErrors('routing', {
  feedbackNotFound: (id: string) =>
    new DomainError('NOT_FOUND', `Laporan ${id} tidak ditemukan.`, 'feedbackId'),
  noRoutingJob: (feedbackId: string) =>
    new DomainError(
      'NOT_FOUND',
      `Tidak ada pekerjaan perutean untuk laporan ${feedbackId}.`,
      'feedbackId',
    ),
  jobNotFailed: () =>
    new DomainError(
      'CONFLICT',
      'Pekerjaan ini tidak dalam keadaan gagal; tidak ada yang perlu diulang.',
      'feedbackId',
    ),
  unknownAgencyType: (agencyType: string) =>
    new DomainError(
      'BAD_USER_INPUT',
      `Jenis instansi "${agencyType}" tidak dikenal; gunakan mis. DLH, PUPR, DUKCAPIL.`,
      'agencyType',
    ),
  noPhrases: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'Isi paling sedikit satu frasa (2 sampai 120 karakter).',
      'phrases',
    ),
});
