import { DomainError, defineErrors } from '@suara/core';

export const NotificationErrors = defineErrors('notifications', {
  badStopLink: () =>
    new DomainError(
      'BAD_USER_INPUT',
      'Tautan berhenti tidak valid atau terpotong. Buka lagi tautan lengkap dari bagian bawah e-mail Suara, ' +
        'atau salin seluruh tautannya ke peramban.',
      'token',
    ),
});
