import { competenciesFor } from './competencies.js';
import { ThemeDetector } from './theme-detector.js';
import { defaultThemeLexicon } from './theme-lexicon.js';

const detector = new ThemeDetector(defaultThemeLexicon());
const codes = (text: string, kind: Parameters<ThemeDetector['read']>[1] = 'COMPLAINT') =>
  detector.read(text, kind).themes.map((t) => t.code);

describe('ThemeDetector', () => {
  it('reads a rude clerk, also in chat spelling', () => {
    expect(codes('Petugas loketnya ketus dan tidak ramah.')).toEqual(['RUDE']);
    expect(codes('pegawainya gak ramah blas')).toEqual(['RUDE']);
  });

  it('reads a number written in words like one written in digits', () => {
    expect(codes('Kami menunggu lebih dari 5 jam di loket.')).toEqual(['SLOW']);
    expect(codes('Kami menunggu lebih dari lima jam di loket.')).toEqual(['SLOW']);
  });

  it('does not read a theme that the text denies', () => {
    expect(codes('Petugasnya ramah, tidak kasar, dan sabar menjelaskan.')).toEqual([]);
    expect(codes('Di kantor ini bebas pungli, tidak ada calo.')).toEqual([]);
    expect(codes('Saya belum pernah dibentak di sana.')).toEqual([]);
  });

  it('keeps a theme stated after a contrast', () => {
    expect(codes('Petugasnya tidak ramah sama sekali')).toEqual(['RUDE']);
    expect(codes('Petugasnya tidak cuek, tapi prosesnya lambat sekali.')).toEqual(['SLOW']);
  });

  it('gives a compliment no complaint theme whatever its words', () => {
    expect(
      codes('Dulu antreannya lama sekali dan banyak calo, sekarang sudah beres.', 'COMPLIMENT'),
    ).toEqual([]);
  });

  it('reads several themes at once, each with its trigger phrases', () => {
    const reading = detector.read(
      'Sudah berbulan-bulan izin saya tidak keluar, lalu petugas minta uang pelicin supaya cepat.',
    );
    expect(reading.themes).toEqual([
      { code: 'EXTORTION', triggers: expect.arrayContaining(['uang pelicin']) },
      { code: 'SLOW', triggers: expect.arrayContaining(['berbulan-bulan', 'tidak keluar']) },
    ]);
  });

  it('does not take an everyday word for a complaint phrase', () => {
    // "berhari-hari" stems to "hari", "perbaiki" to "baik": matching is on words, not stems.
    expect(codes('Hari ini saya ditanya baik-baik oleh petugas.')).toEqual([]);
  });

  it('notices an asset problem reported before and ignored', () => {
    const reading = detector.read('Jalan berlubang ini sudah dilaporkan tapi tidak ada tanggapan.');
    expect(reading.themes.map((t) => t.code)).toEqual(['ASSET']);
    expect(reading.assetIgnored).toBe(true);
  });
});

describe('competenciesFor', () => {
  it('maps themes to DOMAIN.md competencies with the agency technical one for SLOW', () => {
    expect(competenciesFor(['SLOW'], 'MDN-DUKCAPIL', 'COMPLAINT')).toEqual(['M.04', 'T-ADMINDUK']);
    expect(competenciesFor(['RUDE', 'EXTORTION'], 'DINKES', 'COMPLAINT')).toEqual([
      'M.01',
      'M.03',
      'M.05',
    ]);
  });

  it('gives ASSET alone no competency unless it was reported and ignored', () => {
    expect(competenciesFor(['ASSET'], 'PMS-PUPR', 'COMPLAINT')).toEqual([]);
    expect(competenciesFor(['ASSET'], 'PMS-PUPR', 'COMPLAINT', true)).toEqual(['M.04', 'T-PROYEK']);
  });

  it('gives competencies to complaints only', () => {
    expect(competenciesFor(['SLOW'], 'DINSOS', 'SUGGESTION')).toEqual([]);
  });
});
