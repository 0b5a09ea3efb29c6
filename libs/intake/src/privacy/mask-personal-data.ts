/**
 * Personal data in a complaint's text, replaced before planners, partners or
 * the public read it (one masker for all of them): NIK and KK numbers (16 digits, also written in groups), e-mail
 * addresses, phone numbers (+62/62/0 mobiles and landlines), vehicle plates
 * ("BK 1234 ABC") and the reporter's own name. What remains says what happened,
 * not who said it.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// 16 digits, written whole or in groups (spaces, dots or dashes).
const NIK = /(?<!\d)\d(?:[ .-]?\d){15}(?!\d)/g;
// +62 / 62 / 0 then more digits in any grouping people type; 9 to 15 digits in all.
const PHONE =
  /(?<![\p{N}+])\(?(?:\+62|62|0)[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,6}){1,4}(?![\p{N}])/gu;
// Registration regions of Indonesian plates; a fixed list keeps "RT 05 RW" and the like readable.
const REGIONS =
  'A|B|D|E|F|G|H|K|L|M|N|P|R|S|T|W|Z|AA|AB|AD|AE|AG|BA|BB|BD|BE|BG|BH|BK|BL|BM|BN|BP|DA|DB|DC|DD|DE|DG|DH|DK|DL|DM|DN|DR|DS|DT|EA|EB|ED|KB|KH|KT|KU|PA|PB';
const PLATE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${REGIONS})\\s?\\d{1,4}\\s?[A-Z]{1,3}(?![\\p{L}\\p{N}])`,
  'gu',
);
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
  plate: '[plat nomor]',
  name: '[nama]',
} as const;

export function maskPersonalData(
  text: string,
  reporterNames: readonly (string | null | undefined)[] = [],
): string {
  let out = text
    .replace(EMAIL, MASK.email)
    .replace(NIK, MASK.nik)
    .replace(PHONE, (m) => {
      const digits = m.replace(/\D/g, '').length;
      return digits >= 9 && digits <= 15 ? MASK.phone : m;
    })
    .replace(PLATE, MASK.plate);
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
