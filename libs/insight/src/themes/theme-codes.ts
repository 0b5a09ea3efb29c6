/** The complaint themes of DOMAIN.md ("What a complaint says about competence"). */
export const THEME_CODES = [
  'RUDE',
  'EXTORTION',
  'SLOW',
  'UNCLEAR_INFO',
  'SYSTEM_SKILL',
  'PASSED_AROUND',
  'ABSENT',
  'FAVORITISM',
  'INDECISIVE',
  'ASSET',
] as const;

export type ThemeCode = (typeof THEME_CODES)[number];

export const FEEDBACK_KINDS = ['COMPLAINT', 'SUGGESTION', 'COMPLIMENT', 'QUESTION'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const isThemeCode = (code: string): code is ThemeCode =>
  (THEME_CODES as readonly string[]).includes(code);
