import type { SuaraTestStack } from './suara-test-stack.js';

/**
 * Every text or JSON cell of every table in the public schema that contains one
 * of the needles, as `table.column`: what "the contact is nowhere" is checked
 * against, so a table added later is searched too.
 */
export async function cellsContaining(stack: SuaraTestStack, needles: string[]): Promise<string[]> {
  const columns = await stack.sql<{ table_name: string; column_name: string }>(
    `select c.table_name, c.column_name from information_schema.columns c
       join information_schema.tables t
         on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')`,
  );
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    for (const needle of needles) {
      const [{ n }] = await stack.sql<{ n: number }>(
        `select count(*)::int as n from "${table_name}" where strpos(lower("${column_name}"::text), lower(?)) > 0`,
        [needle],
      );
      if (n > 0) found.push(`${table_name}.${column_name} (${needle})`);
    }
  }
  return found;
}
