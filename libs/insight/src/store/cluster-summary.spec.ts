import { summariseCluster } from './cluster-summary.js';

const rule = { minItems: 3, minReporters: 3, windowDays: 90 };
const at = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000);
const member = (
  reporterKey: string,
  day: number,
  themes: string[] = ['RUDE'],
  kind = 'COMPLAINT',
) => ({
  reporterKey,
  kind,
  themes,
  competencies: themes.includes('RUDE') ? ['M.03', 'M.05'] : [],
  submittedAt: at(day),
});

describe('summariseCluster', () => {
  it('is recurring at three items from three reporters within the window', () => {
    const s = summariseCluster([member('a', 0), member('b', 10), member('c', 20)], rule)!;
    expect(s).toMatchObject({ size: 3, distinctReporters: 3, recurring: true, themes: ['RUDE'] });
    expect(s.competencies).toEqual(['M.03', 'M.05']);
  });

  it('is not recurring when one person writes three times or the items are spread beyond the window', () => {
    expect(
      summariseCluster([member('a', 0), member('a', 1), member('a', 2)], rule)!.recurring,
    ).toBe(false);
    expect(
      summariseCluster([member('a', 0), member('b', 100), member('c', 200)], rule)!.recurring,
    ).toBe(false);
  });

  it('keeps only themes at least half the members show', () => {
    const s = summariseCluster(
      [member('a', 0, ['SLOW']), member('b', 1, ['SLOW', 'RUDE']), member('c', 2, ['ASSET'])],
      rule,
    )!;
    expect(s.themes).toEqual(['SLOW']);
  });

  it('links a competency only when the complaints pointing at it recur themselves', () => {
    const suggestion = (reporterKey: string, day: number) =>
      member(reporterKey, day, [], 'SUGGESTION');
    const oneRude = summariseCluster(
      [member('a', 0), suggestion('b', 1), suggestion('c', 2)],
      rule,
    )!;
    expect(oneRude.recurring).toBe(true);
    expect(oneRude.competencies).toEqual([]);
    const twoOfFour = summariseCluster(
      [member('a', 0), member('b', 1), member('c', 2, ['SLOW']), member('d', 3, ['SLOW'])],
      rule,
    )!;
    expect(twoOfFour.competencies).toEqual([]);
    const sameComplainant = summariseCluster(
      [member('a', 0), member('a', 1), member('a', 2), member('b', 3, []), member('c', 4, [])],
      rule,
    )!;
    expect(sameComplainant.recurring).toBe(true);
    expect(sameComplainant.competencies).toEqual([]);
  });
});
