import { DomainError, defineErrors } from '@suara/core';

export const IdentityErrors = defineErrors('identity', {
  badCredentials: () => new DomainError('UNAUTHENTICATED', 'Email atau kata sandi salah.'),
  locked: (seconds: number) =>
    new DomainError(
      'RATE_LIMITED',
      `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${Math.ceil(seconds / 60)} menit.`,
    ),
  notSignedIn: () =>
    new DomainError(
      'UNAUTHENTICATED',
      'Silakan masuk (login) terlebih dahulu; sertakan header Authorization: Bearer <token>.',
    ),
  invalidToken: () =>
    new DomainError(
      'UNAUTHENTICATED',
      'Sesi tidak berlaku atau sudah berakhir. Silakan masuk lagi.',
    ),
  forbidden: (what: string) => new DomainError('FORBIDDEN', `Anda tidak berwenang ${what}.`),
  emailTaken: (email: string) =>
    new DomainError('CONFLICT', `Sudah ada akun dengan email ${email}.`, 'email'),
  userNotFound: (id: string) => new DomainError('NOT_FOUND', `Akun ${id} tidak ditemukan.`, 'id'),
  invalidScope: (message: string, field: string) =>
    new DomainError('BAD_USER_INPUT', message, field),
  controlCharacters: (field: string, label: string) =>
    new DomainError(
      'BAD_USER_INPUT',
      `${label} berisi karakter kendali yang tidak mungkin ada di dalamnya. Ketik ulang tanpa menempelkan teks.`,
      field,
    ),
  tooLong: (field: string, label: string, max: number) =>
    new DomainError('BAD_USER_INPUT', `${label} paling panjang ${max} karakter.`, field),
  weakPassword: () =>
    new DomainError('BAD_USER_INPUT', 'Kata sandi paling sedikit 10 karakter.', 'password'),
});
