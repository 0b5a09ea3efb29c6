import { DomainError, UNSPECIFIED_REASON } from './domain-error.js';
import { defineErrors } from './define-errors.js';

describe('defineErrors', () => {
  const Errors = defineErrors('sample', {
    tooLong: (max: number, field = 'text') =>
      new DomainError('BAD_USER_INPUT', `Paling banyak ${max} karakter.`, field),
    gone: () => new DomainError('NOT_FOUND', 'Tidak ditemukan.'),
  });

  it('tags each refusal with its context and key as the reason', () => {
    expect(Errors.tooLong(10).reason).toBe('sample.tooLong');
    expect(Errors.gone().reason).toBe('sample.gone');
  });

  it('keeps the code, message and field the factory gave', () => {
    const error = Errors.tooLong(10, 'title');
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'Paling banyak 10 karakter.',
      field: 'title',
    });
  });

  it('leaves an error built outside a map visibly unspecified', () => {
    expect(new DomainError('CONFLICT', 'x').reason).toBe(UNSPECIFIED_REASON);
  });
});
