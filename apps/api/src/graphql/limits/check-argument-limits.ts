import {
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
  GraphQLError,
  TypeInfo,
  type VariableDefinitionNode,
  getArgumentValues,
  getNullableType,
  getVariableValues,
  isInputObjectType,
  isListType,
  isScalarType,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { type ArgumentLimit, type InputRefusal, UUID_SHAPE } from './argument-limit.js';
import { ARGUMENT_LIMITS, itemCoordinate } from './argument-limits.js';

const ID_LIMIT: ArgumentLimit = { maxLength: 36, pattern: UUID_SHAPE };
/** Only reached if the boot check was bypassed; still a ceiling, never none. */
const FALLBACK_STRING: ArgumentLimit = { maxLength: 1_000 };

const number = (n: number) => n.toLocaleString('id-ID');

/** A refusal at the door: 400, BAD_USER_INPUT, naming the field as the forms know it. */
function refuse(field: string, reason: InputRefusal, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', reason, field, http: { status: 400 } },
  });
}

/**
 * The refusal of the first argument of an operation, literal or variable, that
 * is outside ARGUMENT_LIMITS, if any; checked before anything runs. Values that
 * GraphQL itself cannot coerce are left to execution, which refuses them with
 * BAD_USER_INPUT naming them.
 */
export function argumentLimitError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError | undefined {
  try {
    checkArgumentLimits(schema, document, variables ?? undefined, operationName);
    return undefined;
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
}

/** As argumentLimitError, throwing the refusal. */
export function checkArgumentLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): void {
  const operation = document.definitions.find(
    (d) => d.kind === 'OperationDefinition' && (!operationName || d.name?.value === operationName),
  );
  if (!operation || operation.kind !== 'OperationDefinition') return;
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions as readonly VariableDefinitionNode[],
    variables ?? {},
    { maxErrors: 1 },
  );
  if (coerced.errors) return;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (!field || !parent || field.args.length === 0) return;
        let values: Record<string, unknown>;
        try {
          values = getArgumentValues(field, node, coerced.coerced);
        } catch {
          return;
        }
        for (const arg of field.args) {
          checkArgument(arg, values[arg.name], `${parent.name}.${field.name}(${arg.name}:)`);
        }
      },
    }),
  );
}

function checkArgument(arg: GraphQLArgument, value: unknown, coordinate: string): void {
  // Fields of an input object are named as the forms know them (`text`, `reporter.name`).
  const path = isInputObjectType(getNullableType(arg.type)) ? '' : arg.name;
  checkValue(value, arg.type, coordinate, path);
}

function checkValue(value: unknown, type: GraphQLInputType, coordinate: string, path: string) {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const list = value as unknown[];
    const max = ARGUMENT_LIMITS[coordinate]?.maxItems;
    if (max !== undefined && list.length > max)
      throw refuse(
        path,
        'input.tooManyItems',
        `Daftar ${path} terlalu panjang: paling banyak ${number(max)} butir (terkirim ${number(list.length)}).`,
      );
    const itemType = nullable.ofType as GraphQLInputType;
    list.forEach((item, i) =>
      checkValue(item, itemType, itemCoordinate(coordinate), `${path}[${i}]`),
    );
    return;
  }
  if (isInputObjectType(nullable)) {
    const record = value as Record<string, unknown>;
    for (const field of Object.values(nullable.getFields())) {
      const at = path ? `${path}.${field.name}` : field.name;
      checkValue(record[field.name], field.type, `${nullable.name}.${field.name}`, at);
    }
    return;
  }
  if (!isScalarType(nullable)) return;
  const limit =
    ARGUMENT_LIMITS[coordinate] ??
    (nullable.name === 'ID' ? ID_LIMIT : nullable.name === 'String' ? FALLBACK_STRING : undefined);
  if (limit) checkScalar(value, limit, path);
}

function checkScalar(value: unknown, limit: ArgumentLimit, path: string): void {
  if (typeof value === 'string') {
    if (limit.maxLength !== undefined && value.length > limit.maxLength)
      throw refuse(
        path,
        'input.tooLong',
        `Isian ${path} terlalu panjang: paling banyak ${number(limit.maxLength)} karakter (terkirim ${number(value.length)}).`,
      );
    if (limit.pattern && !limit.pattern.regex.test(value))
      throw refuse(path, limit.pattern.reason, `Isian ${path} ${limit.pattern.describe}.`);
  }
  if (typeof value === 'number') {
    const { min, max } = limit;
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      const range =
        min !== undefined && max !== undefined
          ? `antara ${number(min)} dan ${number(max)}`
          : min !== undefined
            ? `paling kecil ${number(min)}`
            : `paling besar ${number(max!)}`;
      throw refuse(path, 'input.outOfRange', `Nilai ${path} harus ${range}.`);
    }
  }
}
