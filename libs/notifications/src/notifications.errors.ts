import { DomainError } from '@suara/core';

export const NotificationErrors = {
  badStopLink: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'Tautan berhenti tidak valid atau terpotong. Buka lagi tautan lengkap dari bagian bawah e-mail Suara, ' +
        'atau salin seluruh tautannya ke peramban.',
      'token',
    ),
};
