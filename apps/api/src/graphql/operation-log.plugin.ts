import { Logger } from '@nestjs/common';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

/**
 * Refusals a client caused and can fix (bad input, unknown code, stale version);
 * logged at info. Authentication, permission and rate refusals are warnings (they
 * may be someone probing); anything else, INTERNAL_SERVER_ERROR above all, is an error.
 */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);
const GUARD_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED']);

type Level = 'log' | 'warn' | 'error';
const RANK: Record<Level, number> = { log: 0, warn: 1, error: 2 };

function levelOf(code: string): Level {
  if (CLIENT_CODES.has(code)) return 'log';
  return GUARD_CODES.has(code) ? 'warn' : 'error';
}

/**
 * One line per GraphQL operation that answered with errors: the operation's
 * name and type and each error's code, path and field, as the client received
 * them (after formatError), never variables or headers. Successful operations
 * are logged only at debug.
 */
export function operationLogPlugin(): ApolloServerPlugin {
  const logger = new Logger('GraphQL');
  return {
    async requestDidStart() {
      const started = Date.now();
      return {
        async willSendResponse({ response, operationName, operation }) {
          const name = operationName ?? 'anonymous';
          const type = operation?.operation ?? 'operation';
          const ms = Date.now() - started;
          const errors: readonly GraphQLFormattedError[] =
            response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          if (!errors.length) {
            logger.debug(
              { operationName: name, operationType: type, ms },
              `${type} ${name} (${ms} ms)`,
            );
            return;
          }
          const described = errors.map((e) => ({
            code: typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN',
            path: e.path?.join('.'),
            field: typeof e.extensions?.field === 'string' ? e.extensions.field : undefined,
          }));
          const level = described
            .map((e) => levelOf(e.code))
            .reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'log' as Level);
          const codes = [...new Set(described.map((e) => e.code))].join(', ');
          logger[level](
            {
              operationName: name,
              operationType: type,
              code: described[0].code,
              errors: described,
              ms,
            },
            `${type} ${name}: ${codes}`,
          );
        },
      };
    },
  };
}
