import {
  FEEDBACK_KINDS,
  type FeedbackKind,
  isThemeCode,
  type ThemeCode,
} from '../themes/theme-codes.js';

/** One line of a labeled data set such as `feedback-dev.jsonl` (DOMAIN.md). */
export interface LabeledItem {
  id: string;
  city: string;
  kind: FeedbackKind;
  text: string;
  /** Agency type (`DUKCAPIL`). */
  agency: string;
  themes: ThemeCode[];
  competencies: string[];
  cluster: string | null;
  reporter: string;
}

const MAX_ITEMS = 100_000;
const MAX_TEXT = 20_000;

/** Parses JSON Lines, refusing lines that do not have the labeled-item shape. */
export function parseLabeledItems(jsonl: string): LabeledItem[] {
  const items: LabeledItem[] = [];
  const lines = jsonl.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    if (items.length >= MAX_ITEMS) throw new Error(`more than ${MAX_ITEMS} items`);
    const r = JSON.parse(lines[i]) as Record<string, unknown>;
    const where = `line ${i + 1}`;
    const str = (k: string) => {
      if (typeof r[k] !== 'string' || !(r[k] as string).trim())
        throw new Error(`${where}: ${k} missing`);
      return r[k] as string;
    };
    const kind = str('kind');
    if (!(FEEDBACK_KINDS as readonly string[]).includes(kind))
      throw new Error(`${where}: kind ${kind}`);
    const text = str('text');
    if (text.length > MAX_TEXT) throw new Error(`${where}: text longer than ${MAX_TEXT}`);
    const themes = Array.isArray(r.themes) ? (r.themes as unknown[]).map(String) : [];
    const unknown = themes.find((t) => !isThemeCode(t));
    if (unknown) throw new Error(`${where}: unknown theme ${unknown}`);
    items.push({
      id: typeof r.id === 'string' ? r.id : `line-${i + 1}`,
      city: str('city'),
      kind: kind as FeedbackKind,
      text,
      agency: str('agency'),
      themes: themes as ThemeCode[],
      competencies: Array.isArray(r.competencies) ? (r.competencies as unknown[]).map(String) : [],
      cluster: typeof r.cluster === 'string' && r.cluster ? r.cluster : null,
      reporter: typeof r.reporter === 'string' && r.reporter ? r.reporter : `anon-${i + 1}`,
    });
  }
  return items;
}

/** Clusters are per agency of one city, as in production (`MDN-DUKCAPIL`). */
export const agencyKey = (item: Pick<LabeledItem, 'city' | 'agency'>) =>
  `${item.city}-${item.agency}`;
