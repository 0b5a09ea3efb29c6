import { DomainError, defineErrors } from '@suara/core';

export const TriageErrors = defineErrors('triage', {
  notFound: (id: string, field = 'id') =>
    new DomainError('NOT_FOUND', `Laporan ${id} tidak ditemukan.`, field),
  notFoundByCode: (code: string) =>
    new DomainError(
      'NOT_FOUND',
      `Kode lacak ${code} tidak ditemukan. Periksa kembali kodenya.`,
      'trackingCode',
    ),
  originalNotFound: (id: string) =>
    new DomainError('NOT_FOUND', `Laporan asli ${id} tidak ditemukan.`, 'duplicateOfId'),
  staleVersion: (current?: number, sent?: number) =>
    new DomainError(
      'CONFLICT',
      `Laporan ini baru saja diubah orang lain${
        current === undefined ? '' : ` (sekarang versi ${current}, Anda mengirim versi ${sent})`
      }. Muat ulang laporan, periksa perubahannya, lalu ulangi.`,
      'expectedVersion',
    ),
  closed: (status: string) =>
    new DomainError(
      'CONFLICT',
      `Laporan berstatus ${status} sudah final; tidak dapat diubah lagi.`,
      'status',
    ),
  notRoutedYet: () =>
    new DomainError(
      'CONFLICT',
      'Laporan belum diteruskan ke instansi; tanggapan publik dapat dikirim setelah laporan diteruskan.',
      'status',
    ),
  unknownAgency: (code: string) =>
    new DomainError('BAD_USER_INPUT', `Kode instansi ${code} tidak dikenal.`, 'agencyCode'),
  otherCity: (field: string) =>
    new DomainError(
      'BAD_USER_INPUT',
      'Laporan hanya dapat dipindahkan di dalam kota yang sama.',
      field,
    ),
  sameAgency: (code: string) =>
    new DomainError('BAD_USER_INPUT', `Laporan sudah berada di ${code}.`, 'agencyCode'),
  notColleague: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'Petugas yang ditunjuk harus akun aktif dari instansi yang menangani laporan ini.',
      'assigneeId',
    ),
  selfDuplicate: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'Laporan tidak dapat menjadi duplikat dirinya sendiri.',
      'duplicateOfId',
    ),
  badScore: () =>
    new DomainError('BAD_USER_INPUT', 'Nilai harus bilangan bulat 1 sampai 5.', 'score'),
  notRatable: (status: string) =>
    new DomainError(
      'CONFLICT',
      `Penilaian hanya dapat diberikan setelah laporan selesai ditangani (status sekarang: ${status}).`,
      'status',
    ),
  badCursor: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'Kursor halaman tidak valid; mulai lagi dari halaman pertama.',
      'after',
    ),
  controlCharacters: (field: string) =>
    new DomainError(
      'BAD_USER_INPUT',
      `Isian ${field} berisi karakter kendali (mis. NUL) yang tidak dapat dicari. Ketik ulang isiannya.`,
      field,
    ),
  badAssignee: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'assigneeId bukan ID petugas yang sah (harus UUID).',
      'assigneeId',
    ),
  badPageSize: (max: number) =>
    new DomainError('BAD_USER_INPUT', `first harus antara 1 dan ${max}.`, 'first'),
});
