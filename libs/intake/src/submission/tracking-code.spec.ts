import { TRACKING_ALPHABET, generateTrackingCode, normaliseTrackingCode } from './tracking-code.js';

describe('tracking codes', () => {
  it('are two groups of five symbols from an alphabet without 0/O and 1/I', () => {
    for (let i = 0; i < 2_000; i++) {
      const code = generateTrackingCode();
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
      expect(code).not.toMatch(/[01OI]/);
    }
    expect(TRACKING_ALPHABET).toHaveLength(32);
  });

  it('carry at least 40 random bits: no repeats in 100,000 codes, every symbol used in every position', () => {
    const seen = new Set<string>();
    const perPosition = Array.from({ length: 10 }, () => new Set<string>());
    for (let i = 0; i < 100_000; i++) {
      const code = generateTrackingCode();
      seen.add(code);
      [...code.replace('-', '')].forEach((ch, pos) => perPosition[pos].add(ch));
    }
    expect(seen.size).toBe(100_000);
    // 10 positions × 5 bits = 50 bits, only if each position takes all 32 symbols.
    for (const symbols of perPosition) expect(symbols.size).toBe(32);
  });

  it('are recognised as people type them', () => {
    expect(normaliseTrackingCode('abcde-23456')).toBe('ABCDE-23456');
    expect(normaliseTrackingCode(' ABCDE 23456 ')).toBe('ABCDE-23456');
    expect(normaliseTrackingCode('ABCDE23456')).toBe('ABCDE-23456');
  });

  it('reject what cannot be a code', () => {
    expect(normaliseTrackingCode('')).toBeUndefined();
    expect(normaliseTrackingCode('ABCDE-2345')).toBeUndefined();
    expect(normaliseTrackingCode('ABCDE-2345O')).toBeUndefined();
    expect(normaliseTrackingCode("' OR 1=1 --")).toBeUndefined();
  });
});
