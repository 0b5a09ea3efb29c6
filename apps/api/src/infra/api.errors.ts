import { DomainError, defineErrors } from '@suara/core';

/** Refusals of the API itself, before any context is asked. */
export const ApiErrors = defineErrors('api', {
  rateLimited: (what: string, seconds: number) =>
    new DomainError(
      'RATE_LIMITED',
      `Terlalu banyak ${what} dari perangkat Anda. Silakan coba lagi dalam ${seconds} detik.`,
    ),
});
