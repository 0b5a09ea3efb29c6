import { TriageErrors } from '../triage.errors.js';

/** Trimmed text that must be there and not too long; `label` names it for the person. */
export function requiredText(
  value: string | undefined,
  field: string,
  label: string,
  max: number,
): string {
  const text = (value ?? '').trim();
  if (!text) throw TriageErrors.blank(field, label);
  if (text.length > max) throw TriageErrors.tooLong(field, label, max);
  return text;
}
