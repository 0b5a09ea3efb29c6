import { DomainError, defineErrors } from '@suara/core';

/** Every refusal of the public record, in words a reader can act on. */
export const TransparencyErrors = defineErrors('transparency', {
  badMonth: (field: string) =>
    new DomainError(
      'BAD_USER_INPUT',
      'Bulan tidak valid. Gunakan format TTTT-BB, misalnya 2026-11.',
      field,
    ),
  rangeBackwards: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'Bulan awal harus sebelum atau sama dengan bulan akhir.',
      'from',
    ),
  rangeTooLong: (max: number) =>
    new DomainError(
      'BAD_USER_INPUT',
      `Rentang paling panjang ${max} bulan. Persempit rentang bulan.`,
      'to',
    ),
  unknownCity: (code: string) =>
    new DomainError(
      'BAD_USER_INPUT',
      `Kota/kabupaten "${code}" tidak dikenal. Pilih kota dari daftar.`,
      'cityCode',
    ),
  unknownAgency: (code: string) =>
    new DomainError(
      'BAD_USER_INPUT',
      `Instansi "${code}" tidak dikenal di kota ini. Pilih instansi dari daftar atau kosongkan.`,
      'agencyCode',
    ),
  badPageSize: (max: number) =>
    new DomainError('BAD_USER_INPUT', `first harus antara 1 dan ${max}.`, 'first'),
  badCursor: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'Penanda halaman (after) tidak valid. Muat ulang daftar dari awal.',
      'after',
    ),
});
