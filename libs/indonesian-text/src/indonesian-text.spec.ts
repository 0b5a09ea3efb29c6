import { normaliseText } from './normalise.js';
import { stem } from './stemmer.js';
import { terms, tokens } from './tokens.js';

describe('normaliseText', () => {
  it('keeps words that happen to name properties of every JavaScript object', () => {
    expect(normaliseText('constructor tostring valueof hasownproperty')).toBe(
      'constructor tostring valueof hasownproperty',
    );
  });

  it('maps chat spellings to standard words', () => {
    expect(
      normaliseText('Udh 3 bln gak ada kabar, yg ngurus jg gk jelas krn petugasnya ga ada'),
    ).toBe(
      'sudah angka bulan tidak ada kabar yang mengurus juga tidak jelas karena petugasnya tidak ada',
    );
    expect(normaliseText('nggak, tdk, enggak, udah, bgt, dgn')).toBe(
      'tidak tidak tidak sudah banget dengan',
    );
  });

  it('folds case, accents and stretched letters, keeps real double letters', () => {
    expect(normaliseText('LAMAAAA sekaliii, Café, maaf, saat')).toBe('lama sekali cafe maaf saat');
    expect(normaliseText('tolonggg parahhh')).toBe('tolong parah');
  });

  it('keeps acronyms that start with a repeated consonant', () => {
    expect(normaliseText('Seleksi PPPK dan pelantikan PPPK paruh waktu')).toBe(
      'seleksi pppk dan pelantikan pppk paruh waktu',
    );
  });

  it('replaces links, emails, phone numbers and numbers by tokens', () => {
    expect(
      normaliseText(
        'lihat https://siak.medan.go.id/x?id=1 atau email cs@dukcapil.go.id, wa 0812-3456-7890',
      ),
    ).toBe('lihat tautan atau email surel wa nomortelepon');
    expect(normaliseText('bayar Rp500.000 untuk 2 berkas')).toBe(
      'bayar rp angka untuk angka berkas',
    );
  });

  it('keeps reduplication, also when written with a 2', () => {
    expect(normaliseText('anak-anak, beda2, jalan2')).toBe('anak-anak beda-beda jalan-jalan');
  });

  it('leaves ambiguous abbreviations alone', () => {
    expect(normaliseText('KK dan KTP')).toBe('kk dan ktp');
  });
});

describe('stem (Sastrawi)', () => {
  it.each([
    ['pelayanannya', 'layan'],
    ['perizinan', 'izin'],
    ['kependudukan', 'duduk'],
    ['pengangkutan', 'angkut'],
    ['berlubang', 'lubang'],
    ['dibersihkan', 'bersih'],
    ['menumpuk', 'tumpuk'],
    ['penyeberangan', 'seberang'],
    ['mempertanyakan', 'tanya'],
    ['kelurahan', 'lurah'],
    ['puskesmas', 'puskesmas'],
    ['anak-anak', 'anak'],
  ])('%s → %s', (word, root) => expect(stem(word)).toBe(root));

  it('leaves unknown words and typos as they are', () => {
    expect(stem('tercooret')).toBe('tercooret');
    expect(stem('dukcapil')).toBe('dukcapil');
  });
});

describe('tokens and terms', () => {
  it('stems, drops function words and handles chat style', () => {
    expect(tokens('Sampahnya udah numpuk di TPS, gak diangkut2 sama petugas kebersihan!')).toEqual([
      'sampah',
      'tumpuk',
      'tps',
      'tidak',
      'angkut',
      'tugas',
      'bersih',
    ]);
  });

  it('gives the same terms for formal and chat writing of the same complaint', () => {
    const formal = terms('Sudah tiga bulan KTP elektronik saya belum dicetak');
    const chat = terms('udh 3 bln ktp elektronik sy blm dicetak');
    expect(chat.filter((t) => formal.includes(t))).toEqual(
      expect.arrayContaining(['ktp', 'elektronik', 'cetak', 'ktp_elektronik']),
    );
  });

  it('drops greetings, honorifics, addressees and handles, which say nothing about the service', () => {
    expect(
      tokens(
        'Assalamualaikum wr wb. Yth. Bapak Walikota, min @pemkot #laporpak: lampu jalan mati. Mohon ditindaklanjuti, terimakasih',
      ),
    ).toEqual(['lampu', 'jalan', 'mati']);
  });

  it('adds adjacent bigrams', () => {
    expect(terms('jalan rusak parah')).toEqual([
      'jalan',
      'rusak',
      'parah',
      'jalan_rusak',
      'rusak_parah',
    ]);
  });
});
