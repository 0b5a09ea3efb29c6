import { Logger } from '@nestjs/common';
import { HttpException } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { isDomainError } from '@suara/core';

const logger = new Logger('GraphQL');

/** Codes Apollo or graphql-js give to malformed requests; their messages are safe to show. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
};

/**
 * Maps every error to the contract's codes with a message a person can act on.
 * Anything unexpected is logged in full and answered with a generic message: no
 * stack trace, SQL or internal name ever reaches a client.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: FormatOptions = {},
): GraphQLFormattedError {
  const shown = options.hideSchemaDetails
    ? { ...formatted, message: withoutSuggestions(formatted.message) }
    : formatted;
  return format(shown, unwrapResolverError(error));
}

export interface FormatOptions {
  /** Production: no "Did you mean …?" hints that spell out the schema to strangers. */
  hideSchemaDetails?: boolean;
}

/** graphql-js ends its hints on unknown fields, types, arguments and enum values this way. */
function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .+\?$/s, '');
}

function format(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  const base = { locations: formatted.locations, path: formatted.path };
  if (isDomainError(original)) {
    return {
      ...base,
      message: original.message,
      extensions: {
        code: original.code,
        reason: original.reason,
        ...(original.field ? { field: original.field } : {}),
      },
    };
  }
  if (original instanceof HttpException && HTTP_CODES[original.getStatus()]) {
    return {
      ...base,
      message: original.message,
      extensions: { code: HTTP_CODES[original.getStatus()] },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    const { field, reason } = formatted.extensions ?? {};
    return {
      ...base,
      message: formatted.message,
      extensions: {
        code,
        ...(typeof reason === 'string' ? { reason } : {}),
        ...(typeof field === 'string' && field ? { field } : {}),
      },
    };
  }
  logger.error({ err: original, path: formatted.path }, 'Unexpected error in GraphQL operation');
  return {
    ...base,
    message:
      'Terjadi kesalahan tak terduga di server kami. Silakan coba lagi sebentar lagi; bila terus terjadi, hubungi pengelola layanan.',
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
