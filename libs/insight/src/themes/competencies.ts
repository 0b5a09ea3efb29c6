import { AGENCY_TYPES, COMPLAINT_THEMES } from '@suara/reference';
import type { FeedbackKind, ThemeCode } from './theme-codes.js';

/** What an asset problem says about people once it was reported and ignored (DOMAIN.md). */
const IGNORED_ASSET_COMPETENCIES = ['T-PROYEK', 'M.04'];

const technicalOf = new Map<string, string>(AGENCY_TYPES.map((a) => [a.type, a.competency]));
const byTheme = new Map<string, readonly string[]>(
  COMPLAINT_THEMES.map((t) => [t.code, t.competencies]),
);

/** An agency code (`MDN-DUKCAPIL`) or a bare type (`DUKCAPIL`) → its type. */
export const agencyTypeOf = (agency: string): string => agency.slice(agency.indexOf('-') + 1);

/**
 * The PermenPANRB 38/2017 competencies a complaint points at: its themes'
 * competencies from DOMAIN.md's table, the agency's own technical competency where
 * the table says so (SLOW), and nothing for ASSET unless the problem was
 * reported before and left unanswered. Only complaints carry competencies.
 */
export function competenciesFor(
  themes: readonly ThemeCode[],
  agency: string,
  kind: FeedbackKind,
  assetIgnored = false,
): string[] {
  if (kind !== 'COMPLAINT') return [];
  const out = new Set<string>();
  for (const theme of themes) {
    for (const c of byTheme.get(theme) ?? []) {
      if (c !== 'AGENCY_TECHNICAL') out.add(c);
      else {
        const technical = technicalOf.get(agencyTypeOf(agency));
        if (technical) out.add(technical);
      }
    }
  }
  if (themes.includes('ASSET') && assetIgnored)
    IGNORED_ASSET_COMPETENCIES.forEach((c) => out.add(c));
  return [...out].sort();
}
