import { CHAT_SPELLINGS } from './data/chat-spellings.js';

const URL_RE = /\b(?:https?:\/\/|www\.)\S+/gi;
const EMAIL_RE = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
// Indonesian phone numbers as written: +62 812-3456-7890, 0812 3456 7890, (061) 123456
const PHONE_RE = /(?:\+62|\b62|\b0)[\s\-.()]*\d{2,4}(?:[\s\-.()]*\d{2,4}){2,3}\b/g;
// Social-media handles and hashtags (@pemkot, #laporhendi) name an account or a campaign, not a problem.
const HANDLE_RE = /(^|\s)[@#][\w.]+/g;
const NUMBER_RE = /\d+(?:[.,]\d+)*/g;
// Letters repeated three or more times are emphasis ("lamaaa", "tolonggg"); two are
// spelling ("saat"). Emphasis stretches a vowel or a word's last letter, never a word's
// first consonant: "PPPK" (the contract civil servants) is an acronym, not "pk".
const STRETCHED_RE = /([aiueo])\1{2,}|([a-z])\2{2,}(?![a-z])/g;

export interface NormaliseOptions {
  /** Replace digits with the token `angka` (default) or keep them. */
  numbers?: 'token' | 'keep';
}

/**
 * Text as the router and the clustering read it: lower case, accents and
 * compatibility characters folded, links/emails/phone numbers replaced by tokens,
 * chat spellings mapped to standard words, punctuation gone, one space between
 * words. Reduplication keeps its hyphen (`anak-anak`) for the stemmer.
 */
export function normaliseText(text: string, options: NormaliseOptions = {}): string {
  let t = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  t = t
    .replace(URL_RE, ' tautan ')
    .replace(EMAIL_RE, ' surel ')
    .replace(HANDLE_RE, ' ')
    .replace(PHONE_RE, ' nomortelepon ');
  // Number-word chat forms (2 for reduplication) before numbers are replaced.
  t = t.replace(/\b([a-z]{2,})2\b/g, '$1-$1');
  if ((options.numbers ?? 'token') === 'token') t = t.replace(NUMBER_RE, ' angka ');
  t = t.replace(
    STRETCHED_RE,
    (_, vowel: string | undefined, last: string | undefined) => vowel ?? last ?? '',
  );
  t = t.replace(/[^a-z0-9\s-]+/g, ' ').replace(/(^|\s)-+|-+(\s|$)/g, ' ');
  return (
    t
      .split(/\s+/)
      .filter(Boolean)
      // Own keys only: "constructor" or "tostring" in a text are words, not the object's prototype.
      .map((w) => (Object.hasOwn(CHAT_SPELLINGS, w) ? CHAT_SPELLINGS[w] : w))
      .join(' ')
  );
}
