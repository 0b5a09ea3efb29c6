import { derivePhrases } from '../model/derived-phrases.js';
import { agencyTypeOfInstitution, parseLaporCorpus, properNouns } from './lapor-corpus.js';

// Written for this test in the crawl's layout; no text of the crawl is stored in the repository.
const crawl = [
  '1001\nKTP belum jadi\nYth. Dinas Kependudukan dan Pencatatan Sipil Kota Contoh, <br><br>Sudah dua bulan KTP saya belum dicetak.<br><br>Mohon ditindaklanjuti, terima kasih',
  '1002\nKlaim JHT\nYth. BPJS Ketenagakerjaan, <br><br>Bagaimana cara klaim JHT?',
  '1003\nTanpa baris tujuan\nyth. admin, mohon info jadwal',
  '1004\nJalan berlubang\nYth. Kelurahan Sukamaju, <br><br>Jalan di depan kantor Bapak Sutrisno berlubang, Bapak Sutrisno sudah lapor.',
].join('\n\n');

describe('LAPOR! 2017 crawl', () => {
  it('maps institutions to agency types by general rules and drops the rest', () => {
    expect(agencyTypeOfInstitution('Suku Dinas Perhubungan Jakarta Selatan')).toBe('DISHUB');
    expect(agencyTypeOfInstitution('Kantor Satuan Polisi Pamong Praja Kota X')).toBe('SATPOLPP');
    expect(agencyTypeOfInstitution('Dinas Bina Marga Provinsi X')).toBe('PUPR');
    expect(agencyTypeOfInstitution('Direktorat Pengadaan dan Kepangkatan')).toBe('BKPSDM');
    expect(agencyTypeOfInstitution('BPJS Kesehatan KC X')).toBeUndefined();
    expect(agencyTypeOfInstitution('Kepolisian Republik Indonesia')).toBeUndefined();
  });

  it('keeps mapped reports only and removes the dispatch line, which would give away the label', () => {
    const reports = parseLaporCorpus(crawl);
    expect(reports.map((r) => [r.id, r.label])).toEqual([
      ['1001', 'DUKCAPIL'],
      ['1004', 'KECAMATAN'],
    ]);
    for (const r of reports) {
      expect(r.text).not.toMatch(/yth|kependudukan dan pencatatan|<br/i);
    }
    expect(properNouns(reports)).toContain('sutrisno');
  });

  it('derives only words seen at two offices, mostly in one agency, never excluded names', () => {
    const items = [
      { text: 'blanko ktp habis di loket', label: 'DUKCAPIL', group: 'a' },
      { text: 'blanko ktp kosong, pak sutrisno bilang', label: 'DUKCAPIL', group: 'b' },
      { text: 'blanko ktp belum ada, sutrisno lagi', label: 'DUKCAPIL', group: 'b' },
      { text: 'jalan berlubang di loket sutrisno', label: 'PUPR', group: 'c' },
    ];
    const lexicon = derivePhrases(items, { exclude: new Set(['sutrisno']) });
    expect(lexicon.DUKCAPIL).toEqual(expect.arrayContaining(['blanko', 'ktp', 'blanko ktp']));
    expect(lexicon.DUKCAPIL.join(' ')).not.toMatch(/sutrisno|loket/);
  });
});
