import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import type { GraphQLError } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { join } from 'node:path';
import { SuaraConfig } from '@suara/core';
import { FeedbackLoaders, TriageModule } from '@suara/triage';
import { aliasLimit } from './alias-limit.rule.js';
import { formatGraphQLError } from './format-error.js';

export const SuaraGraphQLModule = GraphQLModule.forRootAsync<ApolloDriverConfig>({
  driver: ApolloDriver,
  imports: [TriageModule],
  inject: [SuaraConfig, FeedbackLoaders],
  useFactory: (config: SuaraConfig, loaders: FeedbackLoaders) => ({
    // Outside production the schema is written to the repository, so API changes show in diffs.
    autoSchemaFile: config.env.NODE_ENV === 'production' ? true : join(process.cwd(), 'schema.gql'),
    sortSchema: true,
    path: '/graphql',
    graphiql: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
    validationRules: [
      depthLimit(config.env.GRAPHQL_MAX_DEPTH),
      aliasLimit(config.env.GRAPHQL_MAX_ALIASES),
    ],
    // Live queue updates over graphql-ws on the same path; the token comes as a connection param.
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        // Errors of a subscription (a refused token, say) bypass Apollo's formatter; same codes here.
        onError: (_ctx: unknown, _id: string, _payload: unknown, errors: readonly GraphQLError[]) =>
          errors.map((e) => formatGraphQLError(e.toJSON(), e.originalError ?? e)),
      },
    },
    context: (ctx: {
      req?: unknown;
      res?: unknown;
      connectionParams?: Record<string, unknown>;
    }) => ({
      req: ctx.req ?? {
        headers: { authorization: stringParam(ctx.connectionParams, 'authorization') },
      },
      res: ctx.res,
      // Fresh loaders per request: batching within it, no cache across requests.
      loaders: loaders.forRequest(),
    }),
  }),
});

function stringParam(
  params: Record<string, unknown> | undefined,
  name: string,
): string | undefined {
  const value = params?.[name] ?? params?.[name.charAt(0).toUpperCase() + name.slice(1)];
  return typeof value === 'string' ? value : undefined;
}
