/**
 * The reference data of DOMAIN.md. Codes are the platform's identifiers everywhere
 * (database keys, GraphQL, data sets), so they are never renamed here.
 */
export const CITIES = [
  { code: 'PMS', name: 'Kota Pematangsiantar', province: 'Sumatera Utara' },
  { code: 'TPI', name: 'Kota Tanjungpinang', province: 'Kepulauan Riau' },
  { code: 'KTC', name: 'Kutacane (Kabupaten Aceh Tenggara)', province: 'Aceh' },
  { code: 'MDN', name: 'Kota Medan', province: 'Sumatera Utara' },
] as const;

export const AGENCY_TYPES = [
  { type: 'DUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil', competency: 'T-ADMINDUK' },
  {
    type: 'DPMPTSP',
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    competency: 'T-PERIZINAN',
  },
  { type: 'DINKES', name: 'Dinas Kesehatan', competency: 'T-YANKES' },
  { type: 'DISDIK', name: 'Dinas Pendidikan', competency: 'T-REGULASI' },
  { type: 'PUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', competency: 'T-PROYEK' },
  { type: 'DLH', name: 'Dinas Lingkungan Hidup', competency: 'T-PROYEK' },
  { type: 'DISHUB', name: 'Dinas Perhubungan', competency: 'T-PROYEK' },
  { type: 'DINSOS', name: 'Dinas Sosial', competency: 'T-BANSOS' },
  { type: 'SATPOLPP', name: 'Satuan Polisi Pamong Praja', competency: 'T-REGULASI' },
  { type: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika', competency: 'T-DIGITAL' },
  {
    type: 'BKPSDM',
    name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    competency: 'T-REGULASI',
  },
  { type: 'KECAMATAN', name: 'Kantor Kecamatan / Kelurahan', competency: 'T-REGULASI' },
] as const;

export const COMPETENCIES = [
  { code: 'M.01', name: 'Integritas', kind: 'MANAGERIAL' },
  { code: 'M.02', name: 'Kerjasama', kind: 'MANAGERIAL' },
  { code: 'M.03', name: 'Komunikasi', kind: 'MANAGERIAL' },
  { code: 'M.04', name: 'Orientasi pada Hasil', kind: 'MANAGERIAL' },
  { code: 'M.05', name: 'Pelayanan Publik', kind: 'MANAGERIAL' },
  { code: 'M.06', name: 'Pengembangan Diri dan Orang Lain', kind: 'MANAGERIAL' },
  { code: 'M.07', name: 'Mengelola Perubahan', kind: 'MANAGERIAL' },
  { code: 'M.08', name: 'Pengambilan Keputusan', kind: 'MANAGERIAL' },
  { code: 'S.01', name: 'Perekat Bangsa', kind: 'SOCIO_CULTURAL' },
  { code: 'T-ADMINDUK', name: 'Administrasi kependudukan (SIAK, KTP-el, akta)', kind: 'TECHNICAL' },
  { code: 'T-PERIZINAN', name: 'Perizinan berusaha (OSS-RBA, PBG)', kind: 'TECHNICAL' },
  { code: 'T-YANKES', name: 'Standar pelayanan kesehatan dasar', kind: 'TECHNICAL' },
  {
    code: 'T-DIGITAL',
    name: 'Literasi digital dan pengelolaan layanan e-government (SPBE)',
    kind: 'TECHNICAL',
  },
  { code: 'T-REGULASI', name: 'Pemahaman regulasi dan prosedur layanan', kind: 'TECHNICAL' },
  { code: 'T-PROYEK', name: 'Manajemen proyek dan pemeliharaan infrastruktur', kind: 'TECHNICAL' },
  { code: 'T-ANGGARAN', name: 'Pengelolaan anggaran dan keuangan daerah', kind: 'TECHNICAL' },
  { code: 'T-BANSOS', name: 'Verifikasi data dan penyaluran bantuan sosial', kind: 'TECHNICAL' },
] as const;

/** `AGENCY_TECHNICAL` stands for the technical competency of the agency concerned. */
export const COMPLAINT_THEMES = [
  { code: 'RUDE', name: 'Petugas tidak ramah', competencies: ['M.05', 'M.03'] },
  { code: 'EXTORTION', name: 'Pungutan liar', competencies: ['M.01'] },
  { code: 'SLOW', name: 'Layanan lambat', competencies: ['M.04', 'AGENCY_TECHNICAL'] },
  { code: 'UNCLEAR_INFO', name: 'Informasi tidak jelas', competencies: ['M.03', 'T-REGULASI'] },
  { code: 'SYSTEM_SKILL', name: 'Tidak menguasai sistem', competencies: ['T-DIGITAL', 'M.07'] },
  { code: 'PASSED_AROUND', name: 'Dilempar ke sana kemari', competencies: ['M.02'] },
  { code: 'ABSENT', name: 'Petugas tidak di tempat', competencies: ['M.04', 'M.01'] },
  { code: 'FAVORITISM', name: 'Pilih kasih', competencies: ['M.01', 'S.01'] },
  { code: 'INDECISIVE', name: 'Tidak berani memutuskan', competencies: ['M.08'] },
  { code: 'ASSET', name: 'Kerusakan sarana', competencies: [] },
] as const;

export type CityCode = (typeof CITIES)[number]['code'];
export type AgencyType = (typeof AGENCY_TYPES)[number]['type'];

export const agencyCode = (city: string, type: string): string => `${city}-${type}`;

/**
 * Where each city lies, as a centre (WGS84) and a radius that covers its
 * territory with about 30 km to spare: a citizen standing just outside the
 * border, or a phone's fix off by a few kilometres, is still believed.
 * Aceh Tenggara is a regency of about 4,200 km², hence its larger circle.
 */
export const CITY_AREAS: Readonly<
  Record<CityCode, { latitude: number; longitude: number; radiusKm: number }>
> = {
  PMS: { latitude: 2.9595, longitude: 99.0687, radiusKm: 40 },
  TPI: { latitude: 0.9186, longitude: 104.4665, radiusKm: 40 },
  KTC: { latitude: 3.4667, longitude: 97.8, radiusKm: 85 },
  MDN: { latitude: 3.5952, longitude: 98.6722, radiusKm: 45 },
};

/** Great-circle distance in kilometres (haversine; the earth as a sphere is close enough here). */
export function distanceKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Whether a point lies in or near the city (inside its circle). */
export function isNearCity(cityCode: string, point: { latitude: number; longitude: number }) {
  const area = (CITY_AREAS as Record<string, (typeof CITY_AREAS)[CityCode] | undefined>)[cityCode];
  return area !== undefined && distanceKm(area, point) <= area.radiusKm;
}
