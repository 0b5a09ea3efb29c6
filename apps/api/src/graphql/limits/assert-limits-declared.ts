import {
  type GraphQLInputType,
  type GraphQLSchema,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { ARGUMENT_LIMITS, itemCoordinate } from './argument-limits.js';

/** Scalars whose size or range is the caller's to choose, and so need a declared limit. */
const NEEDS_LIMIT = new Set(['String', 'Int', 'Float']);

/**
 * The schema coordinates of every String, Int, Float or list argument and input
 * field without an entry in ARGUMENT_LIMITS (IDs are UUIDs by default), and the
 * entries that name nothing in the schema, so a renamed argument cannot
 * silently lose its limit. The API refuses to boot unless both are empty.
 */
export function undeclaredArgumentLimits(schema: GraphQLSchema) {
  const exists = new Set<string>();
  const wanted = new Set<string>();
  const visit = (type: GraphQLInputType, coordinate: string) => {
    exists.add(coordinate);
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      wanted.add(coordinate);
      const item = getNullableType(nullable.ofType as GraphQLInputType);
      exists.add(itemCoordinate(coordinate));
      if (isScalarType(item) && NEEDS_LIMIT.has(item.name)) wanted.add(itemCoordinate(coordinate));
    } else if (isScalarType(nullable) && NEEDS_LIMIT.has(nullable.name)) wanted.add(coordinate);
  };
  // Every object type, not only the roots: a nested field's argument (a cluster's
  // `members(first:)`) is checked per request like a root's, so it needs a limit too.
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) && !type.name.startsWith('__'))
      for (const field of Object.values(type.getFields()))
        for (const arg of field.args) visit(arg.type, `${type.name}.${field.name}(${arg.name}:)`);
    if (isInputObjectType(type))
      for (const field of Object.values(type.getFields()))
        visit(field.type, `${type.name}.${field.name}`);
  }
  return {
    missing: [...wanted].filter((c) => !(c in ARGUMENT_LIMITS)).sort(),
    unknown: Object.keys(ARGUMENT_LIMITS)
      .filter((c) => !exists.has(c))
      .sort(),
  };
}

export function assertEveryArgumentHasALimit(schema: GraphQLSchema): void {
  const { missing, unknown } = undeclaredArgumentLimits(schema);
  if (missing.length === 0 && unknown.length === 0) return;
  throw new Error(
    'apps/api/src/graphql/limits/argument-limits.ts is out of step with the schema:\n' +
      missing.map((c) => `  no limit declared for ${c}\n`).join('') +
      unknown.map((c) => `  limit declared for ${c}, which the schema does not have\n`).join(''),
  );
}
