import { DomainError, defineErrors } from '@suara/core';

/** Every refusal of the partners context. */
export const PartnerErrors = defineErrors('partners', {
  nameRequired: () => new DomainError('BAD_USER_INPUT', 'Nama sistem mitra wajib diisi.', 'name'),
  nameTooLong: (max: number) =>
    new DomainError('BAD_USER_INPUT', `Nama sistem mitra paling panjang ${max} karakter.`, 'name'),
  notFound: (id: string) =>
    new DomainError('NOT_FOUND', `Kunci API mitra ${id} tidak ditemukan.`, 'id'),
  badKey: () =>
    new DomainError(
      'FORBIDDEN',
      'api_key tidak ada, tidak dikenal atau sudah dicabut. Minta kunci API kepada admin Suara.',
      'api_key',
    ),
  rateLimited: (seconds: number) =>
    new DomainError(
      'RATE_LIMITED',
      `Terlalu banyak laporan dari kunci API ini. Coba lagi dalam ${seconds} detik.`,
      'api_key',
    ),
});
