import { readFileSync } from 'node:fs';
import { LEXICON_WEIGHT, defaultLexicon, lexiconExamples } from '../model/lexicon.js';
import { SoftmaxRegression } from '../model/softmax-regression.js';
import { decideRoute } from './route-decision.js';
import { trainRouter } from './training.js';

const policy = { minConfidence: 0.7, hintOverrideConfidence: 0.95 };

describe('router', () => {
  let model: SoftmaxRegression;

  beforeAll(() => {
    const seeds = readFileSync(new URL('../lexicon/seed-examples.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l, i) => ({ id: `seed-${i}`, ...(JSON.parse(l) as { text: string; agency: string }) }))
      .map((s) => ({ id: s.id, text: s.text, label: s.agency }));
    model = trainRouter(lexiconExamples(defaultLexicon(), LEXICON_WEIGHT), seeds).model;
  });

  // Written for this test, in the styles citizens use; none is in the seed set.
  it.each([
    [
      'DUKCAPIL',
      'sdh 2 bln ngurus akta kelahiran anak sy blm jg keluar, katanya nunggu tanda tangan kadis',
    ],
    [
      'DPMPTSP',
      'Pengajuan NIB lewat OSS untuk warung kopi saya ditolak terus tanpa alasan yang jelas',
    ],
    [
      'DINKES',
      'Obat hipertensi di puskesmas habis sudah tiga minggu, pasien lansia disuruh beli sendiri di apotek',
    ],
    [
      'DISDIK',
      'Sekolah negeri anak saya minta uang komite 1,5 juta untuk renovasi kelas, katanya wajib',
    ],
    [
      'PUPR',
      'jalan di gang mawar berlubang besar, kalo hujan jadi kolam, udah ada yg jatuh dari motor',
    ],
    [
      'DLH',
      'Sampah di TPS dekat pasar sudah seminggu tidak diangkut, baunya sampai ke rumah warga',
    ],
    [
      'DISHUB',
      'Juru parkir liar di depan minimarket minta 5 ribu padahal ada tulisan parkir gratis',
    ],
    [
      'DINSOS',
      'Ibu saya janda tua tidak pernah dapat bansos PKH padahal tetangga yang mampu malah dapat',
    ],
    [
      'SATPOLPP',
      'PKL berjualan di trotoar sampai pejalan kaki harus turun ke jalan, tolong ditertibkan',
    ],
    [
      'DISKOMINFO',
      'Aplikasi layanan online pemko error terus sejak kemarin, tidak bisa login sama sekali',
    ],
    [
      'BKPSDM',
      'Banyak pegawai honorer yang sudah lulus seleksi PPPK belum menerima SK pengangkatan',
    ],
    [
      'KECAMATAN',
      'Minta surat keterangan domisili di kantor lurah harus bolak balik tiga kali karena lurahnya tidak ada',
    ],
  ])('routes a %s matter there, confidently', (agency, text) => {
    const outcome = decideRoute(model.predict(text), undefined, policy);
    expect(outcome.agencyType).toBe(agency);
    expect(outcome.basis).toBe('MODEL');
    expect(outcome.confidence).toBeGreaterThanOrEqual(policy.minConfidence);
    expect(outcome.alternatives).toHaveLength(3);
    expect(outcome.alternatives[0]).toEqual({ agencyType: agency, score: outcome.confidence });
    expect(outcome.decisiveTerms.length).toBeGreaterThan(0);
    expect(outcome.explanation).toContain(agency);
  });

  it('follows a hint the text agrees with', () => {
    const outcome = decideRoute(
      model.predict('Sampah menumpuk di TPS, truk sampah tidak datang'),
      'DLH',
      policy,
    );
    expect(outcome).toMatchObject({ basis: 'HINT_CONFIRMED', agencyType: 'DLH' });
  });

  it('overrides a hint the text clearly contradicts, and says so', () => {
    const outcome = decideRoute(
      model.predict(
        'Blangko KTP-el habis di Disdukcapil, perekaman KTP elektronik tidak bisa dicetak',
      ),
      'DISHUB',
      policy,
    );
    expect(outcome.basis).toBe('HINT_OVERRIDDEN');
    expect(outcome.agencyType).toBe('DUKCAPIL');
    expect(outcome.explanation).toMatch(
      /Pelapor memilih DISHUB, tetapi isi laporan jelas menunjuk DUKCAPIL/,
    );
  });

  it('trusts the hint when the text does not clearly point elsewhere', () => {
    const outcome = decideRoute(
      model.predict('Pelayanan di kantor kurang memuaskan, mohon diperbaiki'),
      'DINSOS',
      policy,
    );
    expect(outcome).toMatchObject({ basis: 'HINT', agencyType: 'DINSOS' });
  });

  it('sends text it cannot read with confidence to triage, with suggestions', () => {
    const outcome = decideRoute(
      model.predict('Halo, selamat pagi, saya mau menyampaikan sesuatu'),
      undefined,
      policy,
    );
    expect(outcome.basis).toBe('LOW_CONFIDENCE');
    expect(outcome.agencyType).toBeUndefined();
    expect(outcome.confidence).toBeLessThan(policy.minConfidence);
    expect(outcome.explanation).toMatch(/koordinator kota perlu memilih instansi. Saran: /);
  });

  it('produces probabilities that sum to one', () => {
    const { scores } = model.predict('jalan rusak dan sampah menumpuk');
    expect(scores.reduce((s, x) => s + x.probability, 0)).toBeCloseTo(1, 6);
    expect(scores).toHaveLength(12);
  });

  it('round-trips through its stored state', () => {
    const text = 'antrean pasien di puskesmas panjang sekali';
    const copy = SoftmaxRegression.fromState(JSON.parse(JSON.stringify(model.toState())));
    expect(copy.predict(text)).toEqual(model.predict(text));
  });
});
