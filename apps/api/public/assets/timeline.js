// @ts-check

// Words that carry no news of their own in a note ("Laporan Anda sudah dibaca instansi").
const FILLER = new Set(['laporan', 'anda', 'sudah', 'telah']);

/** @param {string} text */
const words = (text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * One step of the citizen's timeline, said once: the status name, then only
 * what the staff's or the router's note adds to it. The note often restates
 * the status ("Diteruskan ke instansi" / "Diteruskan ke Dinas Kesehatan."), so
 * sentences that repeat it are dropped and a shared opening is said once
 * ("Diteruskan ke instansi: Dinas Kesehatan.").
 * @param {string} label
 * @param {string | null | undefined} note
 * @returns {{ title: string, detail: string }}
 */
export function describeStep(label, note) {
  const labelWords = new Set(words(label));
  const sentences = (note ?? '')
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => words(s).some((w) => !FILLER.has(w) && !labelWords.has(w)));
  if (!sentences.length) return { title: label, detail: '' };
  const [first, ...rest] = sentences;
  const shared = sharedOpening(label, first);
  if (!shared) return { title: label, detail: sentences.join(' ') };
  const continuation = first.split(/\s+/).slice(shared).join(' ');
  // "Ditutup" + "dengan nilai 5" reads on; "Diteruskan ke instansi" + "Dinas …" names it.
  const joiner = /^\p{Lu}/u.test(continuation) ? ': ' : ' ';
  return { title: label + joiner + continuation, detail: rest.join(' ') };
}

/**
 * How many words the note's sentence opens with that the label opens with too.
 * @param {string} label
 * @param {string} sentence
 */
function sharedOpening(label, sentence) {
  const a = label.split(/\s+/);
  const b = sentence.split(/\s+/);
  let n = 0;
  while (n < a.length && n < b.length - 1 && words(a[n])[0] === words(b[n])[0]) n++;
  return n;
}
