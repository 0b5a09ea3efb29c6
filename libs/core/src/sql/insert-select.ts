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

/** One expression per column of the table, typed as the column. */
export type InsertExpressions<Table> = {
  [K in keyof Insertable<Table>]: AliasableExpression<Insertable<Table>[K]>;
};

/**
 * `insert into <table> (<columns>) select <values> from <rows>`, each value
 * given by its column's name. Kysely's own `.columns([…]).expression(select)`
 * pairs columns and values by position, which the types do not check.
 */
export function insertSelect<DB, T extends keyof DB & string, SDB, STB extends keyof SDB>(
  db: QueryCreator<DB>,
  table: T,
  rows: SelectQueryBuilder<SDB, STB, object>,
  values: (eb: ExpressionBuilder<SDB, STB>) => InsertExpressions<DB[T]>,
): InsertQueryBuilder<DB, T, InsertResult> {
  const row = values(expressionBuilder(rows)) as Record<string, AliasableExpression<unknown>>;
  const columns = Object.keys(row);
  return db
    .insertInto(table)
    .columns(columns as never)
    .expression(rows.select(columns.map((column) => row[column].as(column))) as never);
}
