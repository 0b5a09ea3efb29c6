import { FeedbackKind } from '@suara/intake';

/** A GeoReport service: what a citizen would pick, one per agency type of DOMAIN.md. */
export interface ServiceEntry {
  code: string;
  name: string;
  description: string;
  keywords: string[];
  group: string;
  /** The agency type the service hints at; none for the general service, routed from the text. */
  agencyType?: string;
}

/** The service Suara routes from the text, as it routes any report without a hint. */
export const GENERAL_SERVICE = 'UMUM';

export const SERVICES: readonly ServiceEntry[] = [
  {
    code: GENERAL_SERVICE,
    name: 'Laporan umum',
    description:
      'Tidak tahu instansinya? Tulis saja apa yang terjadi; Suara meneruskannya ke instansi yang tepat.',
    keywords: ['umum', 'lainnya', 'pengaduan', 'aspirasi'],
    group: 'Umum',
  },
  {
    code: 'DUKCAPIL',
    agencyType: 'DUKCAPIL',
    name: 'Kependudukan dan pencatatan sipil',
    description: 'KTP-el, Kartu Keluarga, akta kelahiran dan kematian, pindah datang.',
    keywords: [
      'ktp-el',
      'ktp',
      'kartu keluarga',
      'kk',
      'akta kelahiran',
      'akta kematian',
      'pindah datang',
      'disdukcapil',
    ],
    group: 'Administrasi',
  },
  {
    code: 'DPMPTSP',
    agencyType: 'DPMPTSP',
    name: 'Perizinan dan penanaman modal',
    description: 'Izin usaha, NIB/OSS, PBG (dahulu IMB), izin reklame.',
    keywords: ['izin usaha', 'nib', 'oss', 'pbg', 'imb', 'izin reklame', 'ptsp'],
    group: 'Administrasi',
  },
  {
    code: 'DINKES',
    agencyType: 'DINKES',
    name: 'Kesehatan dan puskesmas',
    description: 'Puskesmas, antrean, obat, BPJS di puskesmas, imunisasi.',
    keywords: ['puskesmas', 'antrean', 'obat', 'bpjs', 'imunisasi', 'dinkes'],
    group: 'Layanan dasar',
  },
  {
    code: 'DISDIK',
    agencyType: 'DISDIK',
    name: 'Pendidikan dan sekolah',
    description: 'PPDB dan zonasi, sekolah negeri, pungutan sekolah, guru.',
    keywords: ['ppdb', 'zonasi', 'sekolah', 'pungutan sekolah', 'guru', 'disdik'],
    group: 'Layanan dasar',
  },
  {
    code: 'PUPR',
    agencyType: 'PUPR',
    name: 'Jalan, drainase dan banjir',
    description: 'Jalan rusak atau berlubang, drainase tersumbat, banjir, jembatan.',
    keywords: ['jalan rusak', 'jalan berlubang', 'drainase', 'parit', 'banjir', 'jembatan', 'pupr'],
    group: 'Infrastruktur',
  },
  {
    code: 'DLH',
    agencyType: 'DLH',
    name: 'Sampah dan lingkungan',
    description: 'Sampah menumpuk, TPS, kebersihan, pencemaran.',
    keywords: ['sampah', 'tps', 'kebersihan', 'pencemaran', 'limbah', 'dlh'],
    group: 'Lingkungan',
  },
  {
    code: 'DISHUB',
    agencyType: 'DISHUB',
    name: 'Perhubungan dan parkir',
    description: 'Angkot, parkir liar dan juru parkir, lampu lalu lintas, terminal.',
    keywords: ['angkot', 'parkir liar', 'juru parkir', 'lampu lalu lintas', 'terminal', 'dishub'],
    group: 'Infrastruktur',
  },
  {
    code: 'DINSOS',
    agencyType: 'DINSOS',
    name: 'Bantuan sosial',
    description: 'Bansos, PKH, BPNT, DTKS.',
    keywords: ['bansos', 'pkh', 'bpnt', 'dtks', 'bantuan sosial', 'dinsos'],
    group: 'Sosial',
  },
  {
    code: 'SATPOLPP',
    agencyType: 'SATPOLPP',
    name: 'Ketertiban umum',
    description: 'Pedagang kaki lima, ketertiban umum, penegakan perda.',
    keywords: ['pkl', 'pedagang kaki lima', 'ketertiban', 'perda', 'satpol pp'],
    group: 'Ketertiban',
  },
  {
    code: 'DISKOMINFO',
    agencyType: 'DISKOMINFO',
    name: 'Layanan digital pemerintah daerah',
    description: 'Website dan aplikasi pemda, layanan daring yang mati, data publik.',
    keywords: ['website', 'aplikasi', 'layanan online', 'data publik', 'diskominfo'],
    group: 'Layanan digital',
  },
  {
    code: 'BKPSDM',
    agencyType: 'BKPSDM',
    name: 'Kepegawaian (ASN)',
    description: 'Disiplin dan pengembangan aparatur sipil negara.',
    keywords: ['asn', 'pns', 'pegawai', 'disiplin pegawai', 'bkpsdm', 'bkd'],
    group: 'Kepegawaian',
  },
  {
    code: 'KECAMATAN',
    agencyType: 'KECAMATAN',
    name: 'Layanan kecamatan dan kelurahan',
    description: 'Surat keterangan, surat pengantar, layanan kelurahan.',
    keywords: ['surat keterangan', 'surat pengantar', 'kelurahan', 'kecamatan', 'lurah', 'camat'],
    group: 'Administrasi',
  },
];

export function serviceByCode(code: string): ServiceEntry | undefined {
  return SERVICES.find((s) => s.code === code.toUpperCase());
}

/** The attribute codes every service accepts, as `attribute[code]`. */
export const Attribute = {
  kind: 'kind',
  anonymous: 'anonymous',
  confidential: 'confidential',
  idempotencyKey: 'idempotency_key',
} as const;

export const KIND_NAMES: Record<FeedbackKind, string> = {
  [FeedbackKind.COMPLAINT]: 'Pengaduan',
  [FeedbackKind.SUGGESTION]: 'Saran atau aspirasi',
  [FeedbackKind.COMPLIMENT]: 'Apresiasi',
  [FeedbackKind.QUESTION]: 'Permintaan informasi',
};

/** Room left in intake's 128-symbol idempotency key once the partner's key id prefixes it. */
export const MAX_IDEMPOTENCY_KEY = 80;
