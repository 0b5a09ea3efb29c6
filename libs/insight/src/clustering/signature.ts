import { stem, tokens } from '@suara/indonesian-text';

/**
 * Words that name the channel or the act of complaining rather than the problem:
 * every complaint has them, so they would make unrelated complaints look alike.
 */
const FILLER = new Set(
  `sampai menyampaikan sampaikan keluh mengeluh mengeluhkan lapor laporan melapor warga
  desa kota kabupaten pemko pemkab dinas kantor mohon tolong segera terima kasih
  angka hari minggu bulan tahun jam pagi siang sore malam kali sekarang tidak belum sudah bapak ibu
  saya kami kita anak orang datang bilang kata katanya tanya mau ingin apa bagaimana kapan mengapa`
    .split(/\s+/)
    .filter(Boolean)
    .map(stem),
);

/**
 * Longer "words" are laughter, keyboard mashing or pasted links, never the
 * subject of a complaint; the bound also keeps a term with both marks within
 * the term columns (64 characters).
 */
const MAX_WORD_LENGTH = 40;

/**
 * Indonesian words (and their usual abbreviations) that introduce a place's
 * proper name: "Puskesmas Helvetia", "Jl. Rakutta Sembiring", "Kelurahan Batu IX",
 * "Pasar Horas" ("pajak" is the Medan word for market), "Kute Pasir Gala" (the Alas
 * word for village). The name that follows says *where* a problem recurs.
 */
const PLACE_HEADS = new Set(
  `puskesmas pkm pustu posyandu rsud klinik kelurahan kel kecamatan kec camat lurah desa kute kampung
  dusun nagari gampong jorong lingkungan jalan jl jln gang gg lorong simpang pasar pajak terminal
  pelabuhan bandara stasiun taman perumahan komplek kompleks blok sekolah sd sdn smp smpn sma sman smk
  smkn mts man tps km rt rw kota kabupaten kab`
    .split(/\s+/)
    .filter(Boolean),
);
/** A proper name as written: capitalised, or a Roman numeral ("Batu IX", "Harjosari I"). */
const NAME_WORD = /^(?:\p{Lu}\p{Ll}[\p{L}'-]*|[IVX]{1,4})$/u;
const MAX_NAME_WORDS = 3;
/** An abbreviated head's full stop ("Jl. Cendana") does not end a sentence. */
const ABBREVIATED_HEAD = /\b(jl|jln|kel|kec|gg|kab)\./giu;

/** Marks a term that came from a place's name (see `clusterTerms`). */
export const PLACE_MARK = '@';
/** Marks the terms of a compliment (see `clusterTerms`). */
export const PRAISE_MARK = '+';

/**
 * The words of a text that name a place: up to three capitalised words (or Roman
 * numerals) right after a place head, within one sentence. Lower-case chat ("puskesmas
 * helvetia") is not recognised here; the placer still matches its words with the
 * marked ones (see `termKey`).
 */
export function placeNameWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const sentence of text
    .replace(ABBREVIATED_HEAD, '$1 ')
    .split(/[.!?;:]+(?:\s|$)|[!?;:"“”()\n]+/)) {
    const words = sentence.split(/[^\p{L}\p{N}'-]+/u).filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      if (!PLACE_HEADS.has(words[i].toLowerCase())) continue;
      for (let j = i + 1; j <= i + MAX_NAME_WORDS && j < words.length; j++) {
        if (!NAME_WORD.test(words[j])) break;
        out.add(words[j].toLowerCase());
      }
    }
  }
  return out;
}

/**
 * The distinct stemmed content words of a text: what clustering compares.
 *
 * Two marks are encoded in the term strings, so the stores keep plain strings:
 * a term from a place's name starts with `@` ("@helvetia"), which the placer
 * weighs more (`PlacementOptions.placeWeight`): a recurring problem is a problem
 * *at one place*, and a place's name is the surest sign that two complaints are
 * about the same one. A compliment's terms all start with `+`: praise is not a
 * recurring complaint, so it only ever groups with other praise. The kind is
 * required: placement once left it out and praise joined complaints.
 */
export function clusterTerms(text: string, kind: string): string[] {
  const places = new Set([...placeNameWords(text)].flatMap((w) => tokens(w)));
  const prefix = kind === 'COMPLIMENT' ? PRAISE_MARK : '';
  return [
    ...new Set(
      tokens(text)
        .filter((t) => !FILLER.has(t) && t.length > 2 && t.length <= MAX_WORD_LENGTH)
        .map((t) => prefix + (places.has(t) ? PLACE_MARK + t : t)),
    ),
  ];
}

/** A term without its place mark: a place's name matches the same word written in lower case. */
export function termKey(term: string): string {
  const at = term.startsWith(PRAISE_MARK) ? 1 : 0;
  return term.startsWith(PLACE_MARK, at) ? term.slice(0, at) + term.slice(at + 1) : term;
}

export const isPlaceTerm = (term: string): boolean =>
  term.startsWith(PLACE_MARK, term.startsWith(PRAISE_MARK) ? 1 : 0);

/** Both ways a word can be stored: as a place's name and as a plain word. */
export function termForms(term: string): [string, string] {
  const key = termKey(term);
  const at = key.startsWith(PRAISE_MARK) ? 1 : 0;
  return [key, key.slice(0, at) + PLACE_MARK + key.slice(at)];
}

/** A term as people read it (cluster labels): without marks. */
export const termWord = (term: string): string => termKey(term).replace(/^\+/, '');
