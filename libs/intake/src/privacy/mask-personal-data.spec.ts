import { MASK, maskPersonalData } from './mask-personal-data.js';

describe('maskPersonalData', () => {
  it('masks NIK and KK numbers, also written in groups', () => {
    expect(
      maskPersonalData('NIK saya 1271012345670001 dan KK 1271-012345-670002 belum masuk'),
    ).toBe(`NIK saya ${MASK.nik} dan KK ${MASK.nik} belum masuk`);
  });

  it('masks phone numbers and e-mail addresses', () => {
    expect(
      maskPersonalData(
        'Hubungi 0812-3456-7890, +62 813 1234 5678 atau budi.s@gmail.com, kantor (061) 4567890',
      ),
    ).toBe(`Hubungi ${MASK.phone}, ${MASK.phone} atau ${MASK.email}, kantor ${MASK.phone}`);
  });

  it('masks vehicle plates but keeps RT/RW numbers, dates and amounts', () => {
    expect(
      maskPersonalData('Motor BK 1234 ABC ditahan, di RT 03 RW 05 sejak 12 Mei, bayar Rp 50.000'),
    ).toBe(`Motor ${MASK.plate} ditahan, di RT 03 RW 05 sejak 12 Mei, bayar Rp 50.000`);
  });

  it("masks the reporter's own name wherever it appears, not honorifics", () => {
    expect(
      maskPersonalData('Saya Budi Santoso, pak Budi dari RT 2, sudah lapor.', ['Pak Budi Santoso']),
    ).toBe(`Saya ${MASK.name}, pak ${MASK.name} dari RT 2, sudah lapor.`);
  });

  it('leaves a text without personal data alone', () => {
    const text = 'Petugas loket Puskesmas Helvetia membentak pasien lansia, antre 3 jam.';
    expect(maskPersonalData(text, [])).toBe(text);
  });
});
