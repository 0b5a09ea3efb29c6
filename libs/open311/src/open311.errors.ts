import { DomainError, defineErrors } from '@suara/core';

/**
 * Every refusal of the Open311 interface. The field is the GeoReport parameter
 * at fault, so the description can name what the partner sent.
 */
export const Open311Errors = defineErrors('open311', {
  missing: (param: string) =>
    new DomainError('BAD_USER_INPUT', `Parameter ${param} wajib diisi.`, param),
  invalid: (param: string, what: string) =>
    new DomainError('BAD_USER_INPUT', `Parameter ${param} tidak valid: ${what}`, param),
  repeated: (param: string) =>
    new DomainError('BAD_USER_INPUT', `Parameter ${param} hanya boleh dikirim sekali.`, param),
  tooLong: (param: string, max: number) =>
    new DomainError(
      'BAD_USER_INPUT',
      `Parameter ${param} terlalu panjang (paling banyak ${max.toLocaleString('id-ID')} karakter).`,
      param,
    ),
  unknownJurisdiction: (code: string, known: string[]) =>
    new DomainError(
      'NOT_FOUND',
      `jurisdiction_id "${code}" tidak dikenal. Pilih salah satu: ${known.join(', ')}.`,
      'jurisdiction_id',
    ),
  unknownService: (code: string) =>
    new DomainError(
      'NOT_FOUND',
      `service_code "${code}" tidak dikenal. Lihat daftar layanan di services.json atau services.xml.`,
      'service_code',
    ),
  unknownRequest: (id: string) =>
    new DomainError(
      'NOT_FOUND',
      `service_request_id "${id}" tidak ditemukan. Periksa kembali kode laporannya.`,
      'service_request_id',
    ),
  unknownAttribute: (code: string) =>
    new DomainError(
      'BAD_USER_INPUT',
      `attribute[${code}] tidak dikenal. Atribut yang tersedia tercantum di definisi layanan (services/{service_code}).`,
      `attribute[${code}]`,
    ),
  unknownFormat: (format: string) =>
    new DomainError(
      'NOT_FOUND',
      `Format "${format}" tidak tersedia. Gunakan .xml atau .json.`,
      'format',
    ),
  unknownEndpoint: () =>
    new DomainError(
      'NOT_FOUND',
      'Endpoint ini tidak ada. Lihat discovery.json atau discovery.xml untuk daftar endpoint.',
    ),
  addressIdUnsupported: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'address_id tidak didukung. Kirim lat dan long, atau address_string.',
      'address_id',
    ),
  locationMissing: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'Lokasi wajib diisi: kirim lat dan long, atau address_string.',
      'lat',
    ),
  /** An intake refusal, named by the GeoReport parameter the partner sent. */
  fromIntake: (error: DomainError, param: string) =>
    new DomainError(error.code, `${param}: ${error.message}`, param),
  windowTooLong: (days: number) =>
    new DomainError(
      'BAD_USER_INPUT',
      `Rentang start_date sampai end_date paling panjang ${days} hari.`,
      'start_date',
    ),
});
