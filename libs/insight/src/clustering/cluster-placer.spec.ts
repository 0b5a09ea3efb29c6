import { clusterLabel } from './cluster-label.js';
import { ClusterPlacer, DEFAULT_THRESHOLD } from './cluster-placer.js';
import { InMemoryClusterIndex, InMemoryTermStatistics } from './in-memory-cluster-index.js';
import { clusterTerms } from './signature.js';

const BACKGROUND = [
  'Jalan di depan sekolah berlubang dan tergenang air setiap hujan.',
  'Lampu jalan di gang kami mati sudah dua minggu.',
  'Sampah di pasar tidak diangkut, baunya sampai ke rumah warga.',
  'Antrean di puskesmas panjang, petugas pendaftaran lambat.',
  'Puskesmas Sering kehabisan vaksin imunisasi.',
  'Dokter puskesmas jarang ada di tempat.',
  'Puskesmas Tanjung Unggat tutup sebelum jam layanan.',
  'Obat hipertensi di puskesmas sering kosong.',
  'Petugas kelurahan meminta uang untuk surat pengantar.',
  'Bantuan sosial belum cair tiga bulan.',
  'Izin usaha saya belum terbit padahal berkas lengkap.',
  'Angkot ngetem sembarangan di depan terminal.',
];

async function setUp() {
  const index = new InMemoryClusterIndex();
  const stats = new InMemoryTermStatistics();
  const placer = new ClusterPlacer(index, stats, { threshold: DEFAULT_THRESHOLD });
  for (const text of BACKGROUND) await placer.place('X-OTHER', clusterTerms(text, 'COMPLAINT'));
  return { index, stats, placer };
}

describe('ClusterPlacer', () => {
  it('joins near-duplicates about one problem into one cluster', async () => {
    const { placer } = await setUp();
    const a = await placer.place(
      'PMS-DUKCAPIL',
      clusterTerms(
        'Blanko KTP-el habis di Dukcapil Siantar, sudah dua bulan belum dicetak.',
        'COMPLAINT',
      ),
    );
    const b = await placer.place(
      'PMS-DUKCAPIL',
      clusterTerms('blanko ktp habis trs di dukcapil siantar, udh 3 bln ga dicetak2', 'COMPLAINT'),
    );
    expect(a.created).toBe(true);
    expect(b).toMatchObject({ clusterId: a.clusterId, created: false });
  });

  it('keeps a look-alike about another problem at the same agency apart', async () => {
    const { placer } = await setUp();
    const queue = await placer.place(
      'MDN-DINKES',
      clusterTerms(
        'Antrean pendaftaran Puskesmas Helvetia panjang sekali, menunggu dari pagi.',
        'COMPLAINT',
      ),
    );
    await placer.place(
      'MDN-DINKES',
      clusterTerms(
        'Antre di loket Puskesmas Helvetia berjam-jam, nomor antrean tidak jelas.',
        'COMPLAINT',
      ),
    );
    const medicine = await placer.place(
      'MDN-DINKES',
      // Same agency and its everyday words, another problem. Known limit: the same
      // place with another problem can still join (held-out pairwise precision 0.73).
      clusterTerms(
        'Obat diabetes kosong di apotek puskesmas, pasien disuruh beli sendiri di luar.',
        'COMPLAINT',
      ),
    );
    expect(medicine).toMatchObject({ created: true });
    expect(medicine.clusterId).not.toBe(queue.clusterId);
  });

  it('never places an item in another agency’s cluster', async () => {
    const { placer } = await setUp();
    const text = 'Jembatan gantung Pasir Gala miring dan papannya lepas.';
    const a = await placer.place('KTC-PUPR', clusterTerms(text, 'COMPLAINT'));
    const b = await placer.place('KTC-DISHUB', clusterTerms(text, 'COMPLAINT'));
    expect(b.created).toBe(true);
    expect(b.clusterId).not.toBe(a.clusterId);
  });

  it('looks candidates up without walking the store', async () => {
    const { index, placer } = await setUp();
    // 3,000 distinct problems at one agency, each with its own rare place name.
    for (let i = 0; i < 3000; i++)
      await placer.place('MDN-PUPR', [`tempat${i}`, `kampung${i % 97}`, 'jalan', 'rusak']);
    index.postingsRead = 0;
    const placement = await placer.place('MDN-PUPR', ['tempat42', 'kampung42', 'jalan', 'rusak']);
    // Bounded by keys × perKeyLimit (30 × 50) and by the candidate limit, not by 3,000.
    expect(index.postingsRead).toBeLessThanOrEqual(4 * 50);
    expect(placement.compared).toBeLessThanOrEqual(50);
    expect(placement.clusterId).toBe(
      (
        await index.candidates({
          agency: 'MDN-PUPR',
          keys: ['tempat42'],
          limit: 1,
          perKeyLimit: 50,
        })
      )[0].id,
    );
  });
});

describe('clusterLabel', () => {
  it('names a cluster by the words most members share, rarest first', async () => {
    const { index, stats, placer } = await setUp();
    const texts = [
      'TPS Batu 9 penuh, sampah tumpah ke jalan.',
      'Sampah di TPS Batu 9 menggunung tidak diangkut.',
      'tps batu 9 penuh lagi sampahnya',
    ];
    let id = '';
    for (const t of texts)
      id = (await placer.place('TPI-DLH', clusterTerms(t, 'COMPLAINT'))).clusterId;
    const cluster = index.all().find((c) => c.id === id)!;
    const n = await stats.documentCount();
    const df = await stats.documentFrequencies([...cluster.termCounts.keys()]);
    const label = clusterLabel(cluster, (t) => Math.log((n + 2) / ((df.get(t) ?? 0) + 1)), 3);
    expect(label).toEqual(expect.arrayContaining(['tps', 'batu']));
  });
});
