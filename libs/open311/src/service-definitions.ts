import { FeedbackKind } from '@suara/intake';
import type {
  GeoReportAttribute,
  GeoReportService,
  GeoReportServiceDefinition,
} from './georeport.views.js';
import {
  Attribute,
  KIND_NAMES,
  MAX_IDEMPOTENCY_KEY,
  type ServiceEntry,
} from './service-catalog.js';

const YES_NO = [
  { key: 'false', name: 'Tidak' },
  { key: 'true', name: 'Ya' },
];

/**
 * The same choices the citizen form offers, as GeoReport attributes: the kind of
 * report and the two privacy options of SP4N-LAPOR!, plus a key that makes a
 * resent request harmless (GeoReport itself has none).
 */
const ATTRIBUTES: GeoReportAttribute[] = [
  {
    variable: true,
    code: Attribute.kind,
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: 'Bawaan: COMPLAINT (pengaduan).',
    order: 1,
    description: 'Jenis laporan.',
    values: Object.values(FeedbackKind).map((k) => ({ key: k, name: KIND_NAMES[k] })),
  },
  {
    variable: true,
    code: Attribute.anonymous,
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: 'Bawaan: false.',
    order: 2,
    description: 'Rahasiakan identitas pelapor dari instansi (anonim).',
    values: YES_NO,
  },
  {
    variable: true,
    code: Attribute.confidential,
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: 'Bawaan: false.',
    order: 3,
    description: 'Laporan rahasia: tidak ditampilkan kepada publik (tidak muncul di GET requests).',
    values: YES_NO,
  },
  {
    variable: true,
    code: Attribute.idempotencyKey,
    datatype: 'string',
    required: false,
    datatype_description: `8 sampai ${MAX_IDEMPOTENCY_KEY} karakter: huruf, angka, titik, garis bawah, titik dua atau tanda hubung.`,
    order: 4,
    description:
      'Kunci unik pengiriman dari sistem Anda. Mengirim ulang laporan yang sama dengan kunci yang sama tidak membuat laporan ganda; header Idempotency-Key juga diterima.',
  },
];

export function toGeoReportService(s: ServiceEntry): GeoReportService {
  return {
    service_code: s.code,
    service_name: s.name,
    description: s.description,
    metadata: true,
    type: 'realtime',
    keywords: s.keywords.join(','),
    group: s.group,
  };
}

export function serviceDefinition(s: ServiceEntry): GeoReportServiceDefinition {
  return { service_code: s.code, attributes: ATTRIBUTES };
}

export const KNOWN_ATTRIBUTES = new Set(ATTRIBUTES.map((a) => a.code));
