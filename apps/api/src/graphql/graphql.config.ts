import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import type { GraphQLFormattedError } from 'graphql';
import { join } from 'node:path';
import { SuaraConfig } from '@suara/core';
import { FeedbackLoaders, FeedbackLoadersModule } from '../triage/feedback-loaders.js';
import { formatGraphQLError } from './format-error.js';
import { GRAPHQL_PATH } from './graphql-ws.server.js';
import { operationLogPlugin } from './operation-log.plugin.js';
import { operationRules } from './operation-limits.js';

export const SuaraGraphQLModule = GraphQLModule.forRootAsync<ApolloDriverConfig>({
  driver: ApolloDriver,
  imports: [FeedbackLoadersModule],
  inject: [SuaraConfig, FeedbackLoaders],
  useFactory: (config: SuaraConfig, loaders: FeedbackLoaders) => {
    const production = config.env.NODE_ENV === 'production';
    return {
      // Outside production the schema is written to the repository, so API changes show in diffs.
      autoSchemaFile: production ? true : join(process.cwd(), 'schema.gql'),
      sortSchema: true,
      path: GRAPHQL_PATH,
      graphiql: false,
      // operationRules refuses introspection in production, on WebSocket too.
      introspection: true,
      hideSchemaDetailsFromClientErrors: production,
      includeStacktraceInErrorResponses: false,
      formatError: (formatted: GraphQLFormattedError, error: unknown) =>
        formatGraphQLError(formatted, error, { hideSchemaDetails: production }),
      validationRules: operationRules(config.env),
      plugins: [operationLogPlugin()],
      // Subscriptions are served by GraphQLWsServer, which applies the same limits.
      context: (ctx: { req: unknown; res: unknown }) => ({
        req: ctx.req,
        res: ctx.res,
        // Fresh loaders per request: batching within it, no cache across requests.
        loaders: loaders.forRequest(),
      }),
    };
  },
});
