import { clusterLabel } from './cluster-label.js';
import { ClusterPlacer } from './cluster-placer.js';
import { InMemoryClusterIndex, InMemoryTermStatistics } from './in-memory-cluster-index.js';
import { clusterTerms, placeNameWords, termKey } from './signature.js';

describe('placeNameWords', () => {
  it('reads the capitalised name after a place head, within one sentence', () => {
    expect(
      placeNameWords('Antrean di Puskesmas Sungai Mati panjang. Jl. Cendana Raya juga rusak'),
    ).toEqual(new Set(['sungai', 'mati', 'cendana', 'raya']));
    expect(placeNameWords('Pasar Lama dan Kelurahan Sukamaju II')).toEqual(
      new Set(['lama', 'sukamaju', 'ii']),
    );
  });

  it('ignores lower-case words after a head and capitals elsewhere', () => {
    expect(placeNameWords('puskesmas lambat sekali. Petugas Dinas tidak ramah')).toEqual(new Set());
  });
});

describe('clusterTerms', () => {
  it('leaves out laughter, mashing and links that are no word, whatever their length', () => {
    const terms = clusterTerms(
      `Lampu jalan mati ${'wk'.repeat(40)} ${'haha'.repeat(20)} https://contoh.example.id/${'a1'.repeat(40)}`,
      'COMPLIMENT',
    );
    expect(terms).toEqual(expect.arrayContaining(['+lampu', '+mati']));
    for (const t of terms) expect(t.length).toBeLessThanOrEqual(42);
  });

  it('marks the words of a place name and keeps the others plain', () => {
    const terms = clusterTerms('Lampu jalan di Gang Kenanga mati', 'COMPLAINT');
    expect(terms).toEqual(expect.arrayContaining(['@kenanga', 'lampu', 'mati']));
    expect(terms.map(termKey)).toContain('kenanga');
  });

  it('keeps a compliment’s terms apart from a complaint’s', () => {
    const praise = clusterTerms('Petugas loket Puskesmas Kenanga ramah dan cepat', 'COMPLIMENT');
    const complaint = clusterTerms('Petugas loket Puskesmas Kenanga ketus dan lambat', 'COMPLAINT');
    expect(praise.filter((t) => complaint.includes(t))).toEqual([]);
  });
});

describe('place names in placement', () => {
  const place = async (placeWeight: number) => {
    const placer = new ClusterPlacer(new InMemoryClusterIndex(), new InMemoryTermStatistics(), {
      threshold: 0.3,
      placeWeight,
    });
    const background = [
      'Antrean loket pendaftaran panjang sekali di puskesmas',
      'Obat di apotek puskesmas sering kosong',
      'Petugas loket tidak ramah kepada pasien lansia',
      'Jalan di depan pasar berlubang',
    ];
    for (const t of background) await placer.place('X-DINKES', clusterTerms(t, 'COMPLAINT'));
    const a = await placer.place(
      'X-DINKES',
      clusterTerms(
        'Di Puskesmas Sungai Mati antrean loket sangat panjang, pasien menunggu lama',
        'COMPLAINT',
      ),
    );
    // Written in lower case: its "sungai mati" matches the marked name.
    const b = await placer.place(
      'X-DINKES',
      clusterTerms(
        'puskesmas sungai mati antre dari subuh, petugas pendaftaran lambat',
        'COMPLAINT',
      ),
    );
    return { a, b };
  };

  it('joins two complaints about one place more readily when place names weigh more', async () => {
    const light = await place(1);
    const heavy = await place(2);
    expect(heavy.b.similarity).toBeGreaterThan(light.b.similarity);
    expect(heavy.b.clusterId).toBe(heavy.a.clusterId);
  });
});

describe('clusterLabel', () => {
  it('shows words without their marks, a name written both ways once', () => {
    const label = clusterLabel(
      {
        size: 2,
        termCounts: new Map([
          ['@kenanga', 1],
          ['kenanga', 1],
          ['lampu', 2],
        ]),
      },
      () => 1,
    );
    expect(label).toEqual(['kenanga', 'lampu']);
  });
});
