import { terms } from '@suara/indonesian-text';
import { complementNaiveBayes, countTerms, mergeCounts } from './naive-bayes.js';
import { countRealText, withoutWords } from './real-text-counts.js';
import { SoftmaxRegression } from './softmax-regression.js';

// Written for this test; no sentence comes from the labeled set or the crawl.
const examples = [
  { text: 'blangko ktp habis di kantor', label: 'DUKCAPIL' },
  { text: 'rekam ktp elektronik antre lama', label: 'DUKCAPIL' },
  { text: 'jalan berlubang di depan kantor', label: 'PUPR' },
  { text: 'aspal jalan rusak parah', label: 'PUPR' },
  { text: 'sampah menumpuk di kantor lurah', label: 'DLH' },
];

const score = (weights: Record<string, number[]>, text: string) =>
  terms(text).reduce((s, t) => s.map((v, k) => v + (weights[t]?.[k] ?? 0)), [0, 0, 0] as number[]);

describe('complement naive Bayes', () => {
  const table = countTerms(examples);
  const weights = complementNaiveBayes(mergeCounts(['DLH', 'DUKCAPIL', 'PUPR'], table));

  it('counts a word that every JavaScript object answers to like any other word', () => {
    // Typed as any word: the literal would be read as Object's own `constructor`.
    const word: string = 'constructor';
    const table = countTerms([
      { text: `${word} proyek jalan rusak`, label: 'PUPR' },
      { text: `${word} gedung sekolah`, label: 'PUPR' },
    ]);
    expect(Object.hasOwn(table.counts, word)).toBe(true);
    expect(table.counts[word]).toEqual([expect.any(Number)]);
    expect(mergeCounts(['PUPR'], table).counts[word][0]).toBeGreaterThan(0);
  });

  it('scores a text for the agency whose words it uses', () => {
    const [dlh, dukcapil, pupr] = score(weights, 'ktp saya belum jadi');
    expect(dukcapil).toBeGreaterThan(Math.max(dlh, pupr));
    const road = score(weights, 'jalan rusak lagi');
    expect(road[2]).toBeGreaterThan(Math.max(road[0], road[1]));
  });

  it('centres every term, so a word all agencies share moves nothing much and unknown words nothing at all', () => {
    for (const w of Object.values(weights)) expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 3);
    expect(score(weights, 'zzz qqq')).toEqual([0, 0, 0]);
    const office = weights.kantor.map(Math.abs);
    expect(Math.max(...office)).toBeLessThan(Math.max(...weights.ktp.map(Math.abs)));
  });

  it('counts each term of a text 1/√n, so one word in a long letter counts less than a note of that word', () => {
    const t = countTerms([
      { text: 'ktp', label: 'A' },
      { text: 'ktp kk akta nik surat pindah', label: 'B' },
    ]);
    expect(t.counts.ktp[0]).toBeCloseTo(1, 6);
    // six words and five word pairs
    expect(t.counts.ktp[1]).toBeCloseTo(1 / Math.sqrt(11), 6);
  });

  it('merges tables over the given labels, adding counts and ignoring labels not asked for', () => {
    const a = { labels: ['X', 'Y'], counts: { ktp: [1, 2] } };
    const b = { labels: ['Y', 'Z'], counts: { ktp: [3, 4], kk: [1, 0] } };
    expect(mergeCounts(['X', 'Y'], a, b).counts).toEqual({ ktp: [1, 5], kk: [0, 1] });
  });
});

describe('counts of real reports', () => {
  const reports = [
    { text: 'Pak Sutrisno, blangko ktp habis', label: 'DUKCAPIL', group: 'capil kota a' },
    { text: 'blangko ktp kosong, kata Sutrisno', label: 'DUKCAPIL', group: 'capil kota b' },
    { text: 'blangko ktp belum datang', label: 'DUKCAPIL', group: 'capil kota b' },
    { text: 'jalan Sutrisno berlubang', label: 'PUPR', group: 'pu kota a' },
  ];

  it('keeps terms seen in three reports at two offices, never an excluded name', () => {
    const t = countRealText(reports, { exclude: new Set(['sutrisno']) });
    expect(Object.keys(t.counts).sort()).toEqual(['blangko', 'blangko_ktp', 'ktp']);
    expect(t.labels).toEqual(['DUKCAPIL', 'PUPR']);
    expect(t.counts.ktp[0]).toBeGreaterThan(0);
    expect(t.counts.ktp[1]).toBe(0);
  });

  it('drops a term only one office saw, however often', () => {
    const one = reports.map((r) => ({ ...r, group: 'one office' }));
    expect(Object.keys(countRealText(one).counts)).toEqual([]);
  });

  it('removes excluded words before reading the text', () => {
    expect(withoutWords('Lapor Pak Hendi: jalan rusak', new Set(['hendi']))).toBe(
      'lapor bapak jalan rusak',
    );
  });
});

describe('regression with naive Bayes beside it', () => {
  it('reads real-report counts it was given and keeps them through its state', () => {
    const real = { labels: ['DLH', 'PUPR'], counts: { selokan: [0, 4], limbah: [4, 0] } };
    const plain = SoftmaxRegression.train(examples);
    const withNb = SoftmaxRegression.train(examples, { naiveBayes: { weight: 1, counts: real } });
    const text = 'selokan mampet';
    expect(plain.logScores(text).known).toEqual([]);
    expect(withNb.predict(text).scores[0].label).toBe('PUPR');
    expect(withNb.predict(text).decisiveTerms).toContain('selokan');
    const copy = SoftmaxRegression.fromState(JSON.parse(JSON.stringify(withNb.toState())));
    expect(copy.predict(text)).toEqual(withNb.predict(text));
  });

  it('reads a model stored before naive Bayes existed exactly as before', () => {
    const state = SoftmaxRegression.train(examples).toState();
    const { naiveBayes, ...old } = state;
    expect(naiveBayes).toBeUndefined();
    expect(SoftmaxRegression.fromState(old).predict('jalan rusak')).toEqual(
      SoftmaxRegression.train(examples).predict('jalan rusak'),
    );
  });
});
