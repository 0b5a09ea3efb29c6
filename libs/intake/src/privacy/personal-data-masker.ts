/**
 * Removes what identifies a person from text shown to the public: e-mail
 * addresses, NIK/KK numbers (16 digits), Indonesian phone numbers and vehicle
 * plates. Conservative by design: a public listing that hides a harmless number
 * costs little, one that shows a citizen's NIK costs them a lot.
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// 16 digits, written whole or in groups of four (spaces, dots or dashes).
const NIK = /(?<![\p{N}])\d{4}[ .-]?\d{4}[ .-]?\d{4}[ .-]?\d{4}(?![\p{N}])/gu;
// +62 / 62 / 0 then 8–12 more digits, in any grouping people type them.
const PHONE =
  /(?<![\p{N}+])\(?(?:\+62|62|0)[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,6}){1,4}(?![\p{N}])/gu;
// Registration regions of Indonesian plates; a fixed list keeps "RT 05 RW" and the like readable.
const REGIONS =
  'A|B|D|E|F|G|H|K|L|M|N|P|R|S|T|W|Z|AA|AB|AD|AE|AG|BA|BB|BD|BE|BG|BH|BK|BL|BM|BN|BP|DA|DB|DC|DD|DE|DG|DH|DK|DL|DM|DN|DR|DS|DT|EA|EB|ED|KB|KH|KT|KU|PA|PB';
const PLATE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${REGIONS})\\s?\\d{1,4}\\s?[A-Z]{1,3}(?![\\p{L}\\p{N}])`,
  'gu',
);

function phoneDigits(match: string): number {
  return match.replace(/\D/g, '').length;
}

export function maskPersonalData(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(NIK, '[NIK/KK]')
    .replace(PHONE, (m) => {
      const digits = phoneDigits(m);
      return digits >= 9 && digits <= 15 ? '[telepon]' : m;
    })
    .replace(PLATE, '[plat nomor]');
}
