import { checkFeedbackText, cleanText } from './submission.rules.js';

describe('cleanText', () => {
  it.each([
    ['zero-width spaces and joiners', '\u200B\u200C\u200D\u2060\uFEFF'],
    ['direction controls', '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F'],
    ['combining marks alone', '\u0301\u0308\u0323'],
    ['Hangul fillers', '\u3164\u115F\u1160\uFFA0'],
    ['the blank braille pattern', '\u2800\u2800\u2800'],
    ['C1 controls', '\u0080\u0085\u009F'],
    ['soft hyphens and variation selectors', '\u00AD\uFE0F\u034F'],
    ['punctuation and spaces only', ' ... !!! \n\t -- '],
    ['a mix of all of them', ' \u200B\u3164\u2800\u202E\u0301 \u0085 '],
  ])('treats %s as blank', (_name, text) => {
    expect(cleanText(text)).toBe('');
  });

  it('refuses invisible-only feedback text as empty, naming the field', () => {
    expect(() => checkFeedbackText('\u3164\u200B\u2800')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'text' }),
    );
  });

  it('strips C1 controls and direction overrides and isolates from real text', () => {
    expect(cleanText('Bayar \u202Eiloh 005\u202C ribu\u0085 di \u2066loket\u2069\u009B')).toBe(
      'Bayar iloh 005 ribu di loket',
    );
  });

  it('keeps Indonesian text, accents, tabs, new lines and emoji intact', () => {
    const text =
      'Pelayanan di kantor kelurahan lambat 😡\nAntre 3 jam.\tCafé “Bu Siti” 👨‍👩‍👧 ok 👍🏽, 🇮🇩';
    expect(cleanText(text)).toBe(text);
  });

  it('keeps text in other scripts and digits-only text', () => {
    expect(cleanText('12345')).toBe('12345');
    expect(cleanText('جالان رusak')).toBe('جالان رusak');
    expect(cleanText('한국어 텍스트')).toBe('한국어 텍스트');
  });

  it('keeps visible text next to invisible characters, composed', () => {
    expect(cleanText('\u200B\u3164 jalan rusa\u0301k \u2800\uFEFF')).toBe('jalan rus\u00E1k');
    expect(cleanText('Terima kasih ❤️')).toBe('Terima kasih ❤️');
  });
});
