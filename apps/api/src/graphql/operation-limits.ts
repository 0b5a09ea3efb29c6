import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { ComplexityEstimatorArgs } from '@nestjs/graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { Env } from '@suara/core';
import { aliasLimit } from './alias-limit.rule.js';
import { depthLimit } from './depth-limit.rule.js';

/** The largest request body or WebSocket message accepted: forum imports send thousands of statements. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

/**
 * The rules every operation passes besides graphql-js's own, over HTTP and over
 * WebSocket alike, so that no door is wider than another. In production the
 * schema is not shown to strangers: no introspection.
 */
export function operationRules(env: Env): ValidationRule[] {
  return [
    depthLimit(env.GRAPHQL_MAX_DEPTH),
    aliasLimit(env.GRAPHQL_MAX_ALIASES),
    ...(env.NODE_ENV === 'production' ? [NoSchemaIntrospectionCustomRule] : []),
  ];
}

/**
 * The refusal of an operation whose estimated cost exceeds `max`, if it does.
 * Runs after validation, with the variables, so `first: $n` counts as what it asks for.
 */
export function complexityError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  max: number,
): GraphQLError | undefined {
  let complexity: number;
  try {
    complexity = getComplexity({
      schema,
      operationName: operationName ?? undefined,
      query: document,
      variables: variables ?? {},
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch {
    // Invalid variables: execution refuses them next with a BAD_USER_INPUT that names them.
    return undefined;
  }
  if (complexity <= max) return undefined;
  return new GraphQLError(
    `Permintaan terlalu berat (biaya ${complexity}, batas ${max}). Minta lebih sedikit data sekaligus.`,
    // A refusal of the request, not a fault of the server: 400 over HTTP.
    {
      extensions: {
        code: 'GRAPHQL_VALIDATION_FAILED',
        reason: 'request.tooComplex',
        http: { status: 400 },
      },
    },
  );
}

/**
 * The cost of a page: what one item costs, times the items asked for. A page
 * size outside 1..maxSize counts as one item, since the resolver refuses it
 * with a message that names the argument.
 */
export function pageComplexity(defaultSize: number, maxSize: number) {
  return ({ args, childComplexity }: ComplexityEstimatorArgs): number => {
    const size: unknown = args.first ?? defaultSize;
    const items =
      typeof size === 'number' && Number.isInteger(size) && size >= 1 && size <= maxSize ? size : 1;
    return 1 + childComplexity * items;
  };
}
