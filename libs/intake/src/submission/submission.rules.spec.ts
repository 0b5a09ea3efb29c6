import { DomainError } from '@suara/core';
import { FeedbackKind } from '../feedback.enums.js';
import { isValidEmail, normaliseIndonesianPhone } from './contact.rules.js';
import { MAX_TEXT_LENGTH, type SubmissionInput, checkSubmission } from './submission.rules.js';

const valid: SubmissionInput = {
  cityCode: 'mdn',
  kind: FeedbackKind.COMPLAINT,
  text: '  Jalan rusak di depan SD 12  ',
};

function refusal(input: Partial<SubmissionInput>): DomainError {
  try {
    checkSubmission({ ...valid, ...input });
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('submission rules', () => {
  it('cleans a valid submission', () => {
    const clean = checkSubmission({
      ...valid,
      agencyCode: ' mdn-pupr ',
      reporter: { name: ' Siti ', email: 'Siti@Contoh.ID', phone: '0812 3456 7890' },
      idempotencyKey: 'form-123456',
    });
    expect(clean).toMatchObject({
      cityCode: 'MDN',
      text: 'Jalan rusak di depan SD 12',
      agencyCode: 'MDN-PUPR',
      reporter: { name: 'Siti', email: 'siti@contoh.id', phone: '+6281234567890' },
      anonymous: false,
      confidential: false,
    });
  });

  it('leaves out an empty contact entirely', () => {
    expect(
      checkSubmission({ ...valid, reporter: { name: ' ', email: '', phone: null } }).reporter,
    ).toBeUndefined();
  });

  it.each([
    ['empty text', { text: '' }, 'text', 'intake.textEmpty'],
    ['whitespace text', { text: ' \n\t ' }, 'text', 'intake.textEmpty'],
    ['only control characters', { text: '\u0000\u0007' }, 'text', 'intake.textEmpty'],
    [
      'text over the limit',
      { text: 'a'.repeat(MAX_TEXT_LENGTH + 1) },
      'text',
      'intake.textTooLong',
    ],
    ['malformed email', { reporter: { email: 'siti@' } }, 'reporter.email', 'intake.invalidEmail'],
    [
      'foreign phone',
      { reporter: { phone: '+1 202 555 0100' } },
      'reporter.phone',
      'intake.invalidPhone',
    ],
    [
      'letters in phone',
      { reporter: { phone: '0812-ABCD-7890' } },
      'reporter.phone',
      'intake.invalidPhone',
    ],
    ['long location', { location: 'x'.repeat(301) }, 'location', 'intake.tooLong'],
    [
      'odd idempotency key',
      { idempotencyKey: 'a b' },
      'idempotencyKey',
      'intake.invalidIdempotencyKey',
    ],
  ])('refuses %s with BAD_USER_INPUT naming the field', (_name, input, field, reason) => {
    const error = refusal(input as Partial<SubmissionInput>);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe(field);
    expect(error.reason).toBe(reason);
  });

  it('keeps markup as text, removes NUL and normalises line breaks', () => {
    const clean = checkSubmission({
      ...valid,
      text: '<script>alert(1)</script>\r\nbaris\u0000 dua',
    });
    expect(clean.text).toBe('<script>alert(1)</script>\nbaris dua');
  });
});

describe('Indonesian phone numbers', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['(061) 4567890', '+62614567890'],
    ['0771 123456', '+62771123456'],
  ])('%s is %s', (input, expected) => expect(normaliseIndonesianPhone(input)).toBe(expected));

  it.each(['12345', '0812', '+1 202 555 0100', '0800000000000000', '08123456789012345'])(
    '%s is refused',
    (input) => expect(normaliseIndonesianPhone(input)).toBeUndefined(),
  );
});

describe('email addresses', () => {
  it('accepts ordinary addresses and refuses broken ones', () => {
    expect(isValidEmail('warga@contoh.id')).toBe(true);
    expect(isValidEmail('warga.kota+lapor@mail.co.id')).toBe(true);
    expect(isValidEmail('warga@')).toBe(false);
    expect(isValidEmail('warga@contoh')).toBe(false);
    expect(isValidEmail('Warga <warga@contoh.id>')).toBe(false);
  });
});
