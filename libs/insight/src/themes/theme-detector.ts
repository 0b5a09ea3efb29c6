import {
  type CompiledPhrase,
  compileLexicon,
  type ThemeLexicon,
  themeWords,
} from './theme-lexicon.js';
import { type FeedbackKind, THEME_CODES, type ThemeCode } from './theme-codes.js';

export interface ThemeMatch {
  code: ThemeCode;
  /** Lexicon phrases found in the text, as written in the lexicon. */
  triggers: string[];
}

export interface ThemeReading {
  themes: ThemeMatch[];
  /** The text says an asset problem was reported before and left unanswered. */
  assetIgnored: boolean;
}

/** Words that cancel a phrase that follows them closely ("tidak kasar", "bebas pungli", "bukan calo"). */
const NEGATORS = new Set(['tidak', 'bukan', 'tanpa', 'bebas', 'anti', 'jangan']);
/** A contrast starts a new statement: "ramah, tapi lambat" keeps "lambat". */
const CONTRAST = new Set(['tapi', 'tetapi', 'namun', 'malah', 'padahal', 'sedangkan', 'melainkan']);
const NEGATION_WINDOW = 3;

// Clauses end at sentence punctuation and commas; a decimal point between digits does not end one.
const CLAUSE_SPLIT = /(?<!\d)[.,;:!?\n]+|[.,;:!?\n]+(?!\d)/;

/**
 * Reads which DOMAIN.md themes a text shows, with the phrases that triggered
 * each. Lexicon phrases are matched on normalised words inside one clause; a phrase
 * closely preceded by a negation does not count, unless the phrase carries the
 * negation itself ("tidak ramah" is RUDE, "tidak kasar" is not). A compliment
 * shows no complaint theme whatever words it uses.
 */
export class ThemeDetector {
  private readonly phrases: Map<string, CompiledPhrase[]>;

  constructor(lexicon: ThemeLexicon) {
    this.phrases = compileLexicon(lexicon);
  }

  read(text: string, kind: FeedbackKind = 'COMPLAINT'): ThemeReading {
    if (kind === 'COMPLIMENT') return { themes: [], assetIgnored: false };
    const found = new Map<string, Set<string>>();
    for (const clause of text.split(CLAUSE_SPLIT)) {
      const words = themeWords(clause);
      for (let i = 0; i < words.length; i++) {
        for (const p of this.phrases.get(words[i]) ?? []) {
          if (!matchesAt(words, i, p.words) || negated(words, i, p.words[0])) continue;
          const set = found.get(p.label) ?? new Set<string>();
          set.add(p.phrase);
          found.set(p.label, set);
        }
      }
    }
    const themes = THEME_CODES.filter((c) => found.has(c)).map((code) => ({
      code,
      triggers: [...found.get(code)!],
    }));
    return { themes, assetIgnored: found.has('ASSET_IGNORED') };
  }
}

function matchesAt(words: string[], at: number, phrase: string[]): boolean {
  if (at + phrase.length > words.length) return false;
  for (let j = 0; j < phrase.length; j++) if (words[at + j] !== phrase[j]) return false;
  return true;
}

function negated(words: string[], at: number, first: string): boolean {
  if (NEGATORS.has(first)) return false;
  for (let k = at - 1; k >= Math.max(0, at - NEGATION_WINDOW); k--) {
    if (CONTRAST.has(words[k])) return false;
    if (NEGATORS.has(words[k])) return true;
    // "belum pernah dibentak": never happened; "belum" alone ("belum dicetak") is a complaint.
    if (words[k] === 'belum' && words[k + 1] === 'pernah') return true;
  }
  return false;
}
