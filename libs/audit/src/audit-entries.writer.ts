import {
  type AliasableExpression,
  type ExpressionBuilder,
  type InsertQueryBuilder,
  type InsertResult,
  type Insertable,
  type QueryCreator,
  type SelectQueryBuilder,
  expressionBuilder,
} from 'kysely';
import { type EntityTable, type InsertExpressions, insertSelect } from '@suara/core';
import type { AuditEntry } from './entities/audit-entry.entity.js';

export interface AuditTables {
  audit_entry: EntityTable<typeof AuditEntry, 'id' | 'at'>;
}

type Row = Insertable<AuditTables['audit_entry']>;

/**
 * The one list of audit columns, each with the entry's field stored there. It
 * must name every column but the sequence, so a column added to the entity
 * breaks the build here rather than going unwritten.
 */
const FIELD_OF = {
  at: 'at',
  actor_type: 'actorType',
  actor_id: 'actorId',
  action: 'action',
  subject_type: 'subjectType',
  subject_id: 'subjectId',
  before: 'before',
  after: 'after',
  public_note: 'publicNote',
} as const satisfies Record<Exclude<keyof Row, 'id'>, keyof AuditEntry>;

const COLUMN_OF = Object.fromEntries(
  Object.entries(FIELD_OF).map(([column, field]) => [field, column]),
) as Record<string, string>;

type Column = keyof typeof FIELD_OF;
type Optional = { [C in Column]-?: undefined extends Row[C] ? C : never }[Column];

/** An audit entry's fields (the entity's names) as SQL expressions over the caller's rows. */
export type AuditEntryExpressions = {
  [C in Exclude<Column, Optional> as (typeof FIELD_OF)[C]]: AliasableExpression<Row[C]>;
} & { [C in Optional as (typeof FIELD_OF)[C]]?: AliasableExpression<Row[C]> };

/**
 * An audit entry for each of the caller's rows, written by the same statement
 * as the change it describes (a CTE of the caller's query), so there is never a
 * change without its entry, whatever the batch size.
 */
export function insertAuditEntries<DB extends AuditTables, SDB, STB extends keyof SDB>(
  db: QueryCreator<DB>,
  rows: SelectQueryBuilder<SDB, STB, object>,
  entry: (eb: ExpressionBuilder<SDB, STB>) => AuditEntryExpressions,
): InsertQueryBuilder<DB, 'audit_entry', InsertResult> {
  const fields = Object.entries(entry(expressionBuilder(rows)));
  const columns = Object.fromEntries(fields.map(([field, value]) => [COLUMN_OF[field], value]));
  return insertSelect(
    db as unknown as QueryCreator<AuditTables>,
    'audit_entry',
    rows,
    () => columns as InsertExpressions<AuditTables['audit_entry']>,
  ) as unknown as InsertQueryBuilder<DB, 'audit_entry', InsertResult>;
}
