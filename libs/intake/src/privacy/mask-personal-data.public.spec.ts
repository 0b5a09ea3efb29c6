import { maskPersonalData } from './mask-personal-data.js';

describe('maskPersonalData', () => {
  it.each([
    ['NIK saya 1271012345670001 belum aktif', 'NIK saya [NIK/KK] belum aktif'],
    ['KK 1271 0123 4567 0001 salah nama', 'KK [NIK/KK] salah nama'],
    ['hubungi 0812-3456-7890 ya', 'hubungi [telepon] ya'],
    ['atau +62 812 3456 7890', 'atau [telepon]'],
    ['telp (061) 4567890 kantor', 'telp [telepon] kantor'],
    ['6281234567890.', '[telepon].'],
    ['email siti.aminah@contoh.co.id tolong', 'email [email] tolong'],
    ['mobil BK 1234 ABC parkir liar', 'mobil [plat nomor] parkir liar'],
    ['motor B1234XYZ kabur', 'motor [plat nomor] kabur'],
  ])('masks %s', (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
  });

  it.each([
    'Jalan rusak di RT 05 RW 03 sejak 2024, sudah 3 bulan.',
    'Antrean 120 orang, loket buka jam 08.00.',
    'Biaya Rp 150.000 tanpa kuitansi.',
    'Kelurahan Sei Sikambing B nomor 12.',
  ])('leaves ordinary text alone: %s', (input) => {
    expect(maskPersonalData(input)).toBe(input);
  });
});
