import fc from 'fast-check';
import {
  type GraphQLInputType,
  type GraphQLSchema,
  type GraphQLField,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';

/**
 * Values an attacker would send, generated from the schema itself so that every
 * operation, including ones added later, is attacked without listing it here.
 */
const MB = 1024 * 1024;

const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\u200b\u200c\u200d\u2060',
    '\u202e\u2066\u0085\u009b',
    '\u3164\u115f\u2800',
    '\u0301\u0301',
    "' or 1=1 --",
    '${jndi:ldap://x}',
    '<script>alert(1)</script>',
    '9999-99-99',
    '{"$ne":null}',
    '../../etc/passwd',
  ),
);

const huge = fc.constantFrom(1_000, 6_000, 70_000, 2 * MB).map((n) => 'x'.repeat(n));

const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant({ $ne: null }),
  fc.constant([1, 2]),
);

const notAnId = fc.oneof(
  fc.uuid(),
  fc.constantFrom('0', '-1', 'null', '00000000-0000-0000-0000-000000000000x', '9999-99-99'),
  anyText,
);

/** A cursor that decodes to something that is not a position in the queue. */
const notACursor = fc
  .tuple(
    fc.constantFrom('9999-99-99', 'infinity', '2026-13-40 99:99:99', 'x'),
    fc.constantFrom('9999-99-99 00:00:00', '2026-11-30 00:00:00+00', 'y'),
    fc.oneof(fc.uuid(), fc.constant('not-a-uuid')),
  )
  .map((parts) => Buffer.from(JSON.stringify(parts)).toString('base64url'));

const badNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31)),
  fc.constantFrom(2 ** 53, 1.5, Number.MAX_VALUE),
);

function scalar(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID':
      return fc.oneof(notAnId, wrongType);
    case 'Int':
    case 'Float':
      return fc.oneof(badNumber, anyText, wrongType);
    case 'Boolean':
      return fc.oneof(fc.boolean(), wrongType);
    case 'Date':
    case 'DateTime':
      return fc.oneof(
        fc.constantFrom('9999-99-99', '2026-02-30', '0000-00-00', '2026-11-30', 'kemarin'),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        wrongType,
      );
    default:
      return fc.oneof({ weight: 6, arbitrary: anyText }, huge, notACursor, wrongType);
  }
}

function valueOf(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  const nullable = getNullableType(type) as GraphQLInputType;
  let inner: fc.Arbitrary<unknown>;
  if (isListType(nullable)) {
    inner = fc.oneof(
      fc.array(valueOf(nullable.ofType as GraphQLInputType, depth + 1), { maxLength: 4 }),
      wrongType,
    );
  } else if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields());
    inner =
      depth > 3
        ? fc.constant({})
        : fc.oneof(
            {
              weight: 5,
              arbitrary: fc.record(
                Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, depth + 1)])),
                { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) },
              ),
            },
            wrongType,
          );
  } else if (isEnumType(nullable)) {
    inner = fc.oneof(fc.constantFrom(...nullable.getValues().map((v) => v.name)), anyText);
  } else if (isScalarType(nullable)) {
    inner = scalar(nullable.name);
  } else {
    inner = wrongType;
  }
  // Mostly well-formed enough to pass GraphQL's own checks and reach Suara's.
  return isNonNullType(type) ? inner : fc.oneof({ weight: 4, arbitrary: inner }, fc.constant(null));
}

export interface HostileCall {
  operation: string;
  query: string;
  variables: Record<string, unknown>;
}

/** Every argument passed as a variable, so the generated values reach coercion and beyond. */
export function hostileCalls(
  schema: GraphQLSchema,
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
): fc.Arbitrary<HostileCall> {
  const args = field.args;
  const decls = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `${kind} Hostile${decls ? `(${decls})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
  return fc
    .record(Object.fromEntries(args.map((a) => [a.name, valueOf(a.type, 0)])))
    .map((variables) => ({ operation: field.name, query, variables }));
}
