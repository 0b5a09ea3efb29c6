import { DomainError, defineErrors } from '@suara/core';

/** Every refusal of the intake context, in words a citizen or recorder can act on. */
export const IntakeErrors = defineErrors('intake', {
  textEmpty: (field = 'text') =>
    new DomainError(
      'BAD_USER_INPUT',
      'Isi laporan tidak boleh kosong. Ceritakan apa yang terjadi.',
      field,
    ),
  textTooLong: (max: number, actual: number, field = 'text') =>
    new DomainError(
      'BAD_USER_INPUT',
      `Isi laporan terlalu panjang: ${actual.toLocaleString('id-ID')} karakter, paling banyak ${max.toLocaleString('id-ID')}. Ringkas laporan Anda.`,
      field,
    ),
  tooLong: (label: string, max: number, field: string) =>
    new DomainError(
      'BAD_USER_INPUT',
      `${label} terlalu panjang (paling banyak ${max} karakter).`,
      field,
    ),
  required: (label: string, field: string) =>
    new DomainError('BAD_USER_INPUT', `${label} wajib diisi.`, field),
  unknownCity: (code: string, known: string[]) =>
    new DomainError(
      'BAD_USER_INPUT',
      `Kota/kabupaten "${code}" tidak dikenal. Pilih salah satu: ${known.join(', ')}.`,
      'cityCode',
    ),
  unknownAgency: (code: string, field = 'agencyCode') =>
    new DomainError(
      'BAD_USER_INPUT',
      `Instansi "${code}" tidak dikenal. Kosongkan pilihan instansi jika Anda tidak tahu; kami yang akan meneruskannya.`,
      field,
    ),
  agencyOfOtherCity: (code: string, cityCode: string, field = 'agencyCode') =>
    new DomainError(
      'BAD_USER_INPUT',
      `Instansi "${code}" bukan instansi di ${cityCode}. Pilih instansi di kota yang sama atau kosongkan pilihan instansi.`,
      field,
    ),
  invalidEmail: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'Alamat email tidak valid. Contoh yang benar: nama@contoh.id',
      'reporter.email',
    ),
  invalidPhone: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'Nomor telepon tidak valid. Gunakan nomor Indonesia, misalnya 0812-3456-7890 atau +62 812 3456 7890.',
      'reporter.phone',
    ),
  invalidIdempotencyKey: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'idempotencyKey harus 8 sampai 128 karakter huruf, angka, titik, garis bawah atau tanda hubung.',
      'idempotencyKey',
    ),
  idempotencyKeyReused: () =>
    new DomainError(
      'CONFLICT',
      'idempotencyKey ini sudah dipakai untuk laporan lain; laporan ini tidak disimpan. Kirim ulang dengan idempotencyKey baru.',
      'idempotencyKey',
    ),
  citizenSecretMissing: (act = 'memberi nilai') =>
    new DomainError(
      'BAD_USER_INPUT',
      `Masukkan kode rahasia dari tanda terima laporan Anda. Hanya pengirim laporan yang dapat ${act}.`,
      'citizenSecret',
    ),
  notFoundByCode: (code: string) =>
    new DomainError(
      'NOT_FOUND',
      `Kode lacak ${code} tidak ditemukan. Periksa kembali kodenya.`,
      'trackingCode',
    ),
  citizenSecretWrong: () =>
    new DomainError(
      'FORBIDDEN',
      'Kode rahasia tidak cocok dengan laporan ini. Periksa kode rahasia pada tanda terima Anda (28 huruf/angka, tanpa huruf O dan I).',
      'citizenSecret',
    ),
  invalidDate: (field: string) =>
    new DomainError(
      'BAD_USER_INPUT',
      'Tanggal tidak valid. Gunakan format TTTT-BB-HH, misalnya 2026-11-22.',
      field,
    ),
  forumSessionNotFound: (id: string) =>
    new DomainError(
      'NOT_FOUND',
      `Sesi forum "${id}" tidak ditemukan. Periksa ID sesi atau catat sesi baru.`,
      'sessionId',
    ),
  unreadableCsv: (detail: string) =>
    new DomainError('BAD_USER_INPUT', `Berkas CSV tidak dapat dibaca: ${detail}`, 'file'),
  csvWithoutColumns: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'Baris judul CSV harus memuat kolom ref dan text (ref,speaker,text,agency,kind).',
      'file',
    ),
  badJsonLine: (line: number) =>
    new DomainError('BAD_USER_INPUT', `Baris ${line} bukan JSON yang valid.`, 'file'),
  unknownKind: (kind: string, known: string[]) =>
    new DomainError(
      'BAD_USER_INPUT',
      `Jenis "${kind}" tidak dikenal; gunakan ${known.join(', ')}.`,
      'kind',
    ),
  illegalTransition: (from: string, fromLabel: string, to: string, allowed: string[]) =>
    new DomainError(
      'CONFLICT',
      `Laporan berstatus ${from} (${fromLabel}) tidak dapat diubah menjadi ${to}. ` +
        (allowed.length ? `Yang diizinkan: ${allowed.join(', ')}.` : 'Status ini sudah final.'),
      'status',
    ),
  tooManyStatements: (max: number, actual: number) =>
    new DomainError(
      'BAD_USER_INPUT',
      `Terlalu banyak pernyataan dalam satu permintaan (${actual}); kirim paling banyak ${max} sekaligus.`,
      'statements',
    ),
});
