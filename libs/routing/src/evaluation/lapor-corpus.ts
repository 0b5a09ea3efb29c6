import type { LabeledText } from './cross-validation.js';

/**
 * Agency type of an institution LAPOR! dispatched a report to, by general rules
 * on the institution's name; national bodies Suara has no counterpart for
 * (BPJS, most ministries, the police, state companies) give undefined. Order
 * matters: a kelurahan office is KECAMATAN even when its name says more.
 */
const INSTITUTION_RULES: [RegExp, string][] = [
  [/\b(kecamatan|kelurahan|camat|lurah)\b/, 'KECAMATAN'],
  [/kependudukan|pencatatan sipil|dukcapil/, 'DUKCAPIL'],
  [/polisi pamong praja|satpol/, 'SATPOLPP'],
  [/\b(suku )?dinas perhubungan\b|\bdishub\b/, 'DISHUB'],
  [/pekerjaan umum|bina marga|\bpupr\b|tata air|sumber daya air|penataan ruang/, 'PUPR'],
  [/dinas sosial|kementerian sosial|\bbpnt\b|\bpkh\b|rastra/, 'DINSOS'],
  [/dinas pendidikan|kementerian pendidikan dan kebudayaan|\bdisdik\b/, 'DISDIK'],
  [/kominfo|dinas komu?n?i?kasi|aplikasi informatika/, 'DISKOMINFO'],
  [/dinas kesehatan|puskesmas|\brsud\b|rumah sakit umum daerah/, 'DINKES'],
  [/lingkungan hidup|kebersihan/, 'DLH'],
  [/penanaman modal|perizinan|terpadu satu pintu|\bptsp\b/, 'DPMPTSP'],
  [
    /kepegawaian|\bbkd\b|\bbkpsdm\b|\bbkn\b|pensiun pns|kompensasi asn|pengadaan dan kepangkatan/,
    'BKPSDM',
  ],
];

export function agencyTypeOfInstitution(institution: string): string | undefined {
  const name = institution.toLowerCase().replace(/\s+/g, ' ');
  return INSTITUTION_RULES.find(([re]) => re.test(name))?.[1];
}

/** "Yth. <institution>, <br><br>": LAPOR!'s dispatch line, not the citizen's words. */
const DISPATCH_RE = /^\s*yth\.?\s*([^,<]{2,160}?)\s*,?\s*(?:<br\s*\/?>\s*){1,2}/i;

export interface LaporReport extends LabeledText {
  id: string;
  institution: string;
  /** The letter without its subject line, whose Title Case says nothing about names. */
  body: string;
}

/**
 * Reads the LAPOR! 2017 crawl (blocks separated by blank lines: id, subject,
 * content). Keeps the reports whose dispatch line names an institution of one of
 * Suara's agency types, with that line removed: leaving it would hand the model
 * its label. The text is the subject and the rest of the content, markup gone.
 */
export function parseLaporCorpus(raw: string): LaporReport[] {
  const out: LaporReport[] = [];
  for (const block of raw.split(/\r?\n\s*\r?\n/)) {
    const lines = block.trim().split(/\r?\n/);
    if (lines.length < 3) continue;
    const [id, subject, ...rest] = lines;
    const content = rest.join('\n');
    const dispatch = DISPATCH_RE.exec(content);
    if (!dispatch) continue;
    const label = agencyTypeOfInstitution(dispatch[1]);
    if (!label) continue;
    const body = content
      .slice(dispatch[0].length)
      .replace(/<[^>]{0,40}>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    out.push({
      id: id.trim(),
      institution: dispatch[1].trim(),
      label,
      body,
      text: `${subject.trim()}. ${body}`,
    });
  }
  return out;
}

/**
 * Heads of region of 2017 whom letters in the crawl address by name, often in
 * lower case ("lapor hendi", "pak emil"), so the capital-letter test below
 * misses them. The router must not learn people.
 */
const OFFICIALS = [
  ...['hendi', 'hendrar', 'prihadi', 'ganjar', 'pranowo', 'ridwan', 'kamil', 'emil'],
  ...['anies', 'sandi', 'ahok', 'djarot', 'risma'],
];

/**
 * Place names in the dispatch lines ("Kota Semarang", "Kab. Bojonegoro"): most
 * reports of one agency come from a few cities, so without this list the city
 * would look like a word that marks the agency.
 */
export function dispatchPlaceWords(reports: LaporReport[]): Set<string> {
  const words = new Set<string>(['dki', 'jakarta', 'pemprov', 'pemkot', 'pemkab', ...OFFICIALS]);
  for (const r of reports) {
    const place = /\b(?:kota|kabupaten|kab\.?|provinsi|prov\.?|pemerintah)\s+(.+)$/i.exec(
      r.institution,
    );
    for (const w of (place?.[1] ?? '').toLowerCase().split(/[^a-z]+/))
      if (w.length > 2 && !['kota', 'kabupaten', 'kab', 'provinsi'].includes(w)) words.add(w);
  }
  return words;
}

/**
 * Words written with a capital inside sentences most of the time: names of
 * people, streets, villages and officials. They mark a reporter or a place, not
 * an agency, and must not leave the corpus. Abbreviations in capitals (KTP, PKH)
 * are words, not names.
 */
export function properNouns(reports: LaporReport[]): Set<string> {
  const seen = new Map<string, { capital: number; all: number }>();
  for (const r of reports) {
    for (const m of r.body.matchAll(/(^|[.!?]\s+|\s)([A-Za-z][a-z]*[A-Za-z]?)(?=\b)/g)) {
      const [, before, word] = m;
      if (/[.!?]\s+$|^$/.test(before) || word.length < 3) continue;
      const key = word.toLowerCase();
      const c = seen.get(key) ?? { capital: 0, all: 0 };
      c.all++;
      if (/^[A-Z][a-z]/.test(word)) c.capital++;
      seen.set(key, c);
    }
  }
  return new Set([...seen].filter(([, c]) => c.capital / c.all >= 0.5).map(([w]) => w));
}
