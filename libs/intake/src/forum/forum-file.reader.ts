import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { IntakeErrors } from '../intake.errors.js';
import { FeedbackKind } from '../feedback.enums.js';
import { type ForumStatementInput } from './forum.rules.js';

/**
 * Reads a recorder's file: CSV with a header row `ref,speaker,text[,agency,kind]`
 * (quoted fields may hold commas and line breaks) or JSON Lines with the same
 * fields (or the GraphQL names externalRef/agencyCode). Decides by extension,
 * falling back to the first character.
 */
export async function readForumFile(path: string): Promise<ForumStatementInput[]> {
  const content = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const ext = extname(path).toLowerCase();
  const isJsonLines =
    ext === '.jsonl' ||
    ext === '.ndjson' ||
    (ext !== '.csv' && content.trimStart().startsWith('{'));
  return isJsonLines ? parseForumJsonLines(content) : parseForumCsv(content);
}

export function parseForumCsv(content: string): ForumStatementInput[] {
  let records: Record<string, string>[];
  try {
    records = parse(content, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: false,
      relax_column_count_less: true,
    });
  } catch (error) {
    throw IntakeErrors.unreadableCsv((error as Error).message);
  }
  if (records.length > 0 && !('ref' in records[0] && 'text' in records[0])) {
    throw IntakeErrors.csvWithoutColumns();
  }
  return records.map((r) => toStatement(r));
}

export function parseForumJsonLines(content: string): ForumStatementInput[] {
  return content
    .split('\n')
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      try {
        return toStatement(JSON.parse(line) as Record<string, unknown>);
      } catch {
        throw IntakeErrors.badJsonLine(number);
      }
    });
}

function toStatement(r: Record<string, unknown>): ForumStatementInput {
  const str = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));
  const kind = str(r.kind)?.toUpperCase();
  return {
    externalRef: str(r.ref ?? r.externalRef ?? r.id) ?? '',
    speaker: str(r.speaker),
    text: str(r.text) ?? '',
    agencyCode: str(r.agency ?? r.agencyCode),
    kind: kind as FeedbackKind | undefined,
  };
}
