/**
 * Personal data in a complaint's text, replaced before planners read it as
 * evidence: NIK and KK numbers (16 digits, also written in groups), e-mail
 * addresses, phone numbers (+62/62/0 mobiles and landlines), vehicle plates
 * ("BK 1234 ABC") and the reporter's own name. What remains says what happened,
 * not who said it.
 */
const NIK = /(?<!\d)\d(?:[ .-]?\d){15}(?![\d])/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const PHONE =
  /(?<![\p{L}\p{N}])(?:\+62|62|\(?0)[ .-]?(?:\(?\d{2,4}\)?[ .-]?)?\d{3,4}[ .-]?\d{3,5}(?!\d)/gu;
// Region letters, 1-4 digits, 1-3 letters; not RT/RW/No./Km/Jl./Gg followed by numbers.
const PLATE = /\b(?!(?:RT|RW|NO|KM|JL|GG|KK|HP|WA)\b)[A-Z]{1,2}[ -]?\d{1,4}[ -]?[A-Z]{1,3}\b/gi;
const HONORIFICS = new Set([
  'bapak',
  'pak',
  'ibu',
  'bu',
  'sdr',
  'sdri',
  'saudara',
  'saudari',
  'bang',
  'kak',
]);

export const MASK = {
  nik: '[NIK/KK]',
  email: '[email]',
  phone: '[telepon]',
  plate: '[pelat]',
  name: '[nama]',
} as const;

export function maskPersonalData(
  text: string,
  reporterNames: readonly (string | null | undefined)[] = [],
): string {
  let out = text
    .replace(EMAIL, MASK.email)
    .replace(NIK, MASK.nik)
    .replace(PHONE, MASK.phone)
    .replace(PLATE, (plate) => (/\d/.test(plate) && /[a-z]/i.test(plate) ? MASK.plate : plate));
  for (const name of reporterNames) {
    if (!name) continue;
    const words = name
      .split(/[\s,.]+/)
      .filter((w) => w.length >= 3 && !HONORIFICS.has(w.toLowerCase()) && !/\d/.test(w));
    for (const word of words.sort((a, b) => b.length - a.length)) {
      const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      out = out.replace(
        new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'),
        MASK.name,
      );
    }
  }
  return out.replace(/\[nama\](?:\s+\[nama\])+/g, MASK.name);
}
