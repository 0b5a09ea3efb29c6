/**
 * A PostgreSQL array literal for one `?` parameter: MikroORM expands a JS array
 * bound to `?` into a list of parameters, which `= any(?::text[])` cannot take.
 */
export const pgArray = (values: readonly (string | number)[]): string =>
  `{${values.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
