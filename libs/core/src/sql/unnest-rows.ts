import { type RawBuilder, sql } from 'kysely';

/** The element types an unnest column may have; `json` values are serialised here. */
export type UnnestType = 'uuid' | 'text' | 'int' | 'boolean' | 'timestamptz' | 'float8' | 'json';

type UnnestColumn = readonly [type: UnnestType, values: readonly unknown[]];

/** A value left out is NULL in the row. */
type Cell<V> = undefined extends V ? Exclude<V, undefined> | null : V;

export type UnnestRow<C extends Record<string, UnnestColumn>> = {
  [K in keyof C]: Cell<C[K][1][number]>;
};

/**
 * Many rows bound as one array parameter per column and turned back into rows
 * by `unnest`: PostgreSQL parses a few arrays much faster than thousands of
 * literals, and the statement reads the same whatever the batch size. The
 * query builder has no form for a set-returning function with a column list,
 * so this stays a raw fragment, typed from the arrays it is given; use it as a
 * CTE (`.with('input', () => unnestRows({ … }))`) and the rest of the statement
 * is typed as usual.
 */
export function unnestRows<C extends Record<string, UnnestColumn>>(
  columns: C,
): RawBuilder<UnnestRow<C>> {
  const names = Object.keys(columns);
  const arrays = names.map((name) => {
    const [type, values] = columns[name];
    // JSON elements go as text: pg would send a nested JS array as a SQL array.
    const bound = values.map((v) => (v == null ? null : type === 'json' ? JSON.stringify(v) : v));
    return sql`${bound}::${sql.raw(type)}[]`;
  });
  // Parenthesised, as a CTE's body or a subquery must be.
  return sql<UnnestRow<C>>`(select * from unnest(${sql.join(arrays)}) as t(${sql.join(
    names.map((name) => sql.id(name)),
  )}))`;
}
