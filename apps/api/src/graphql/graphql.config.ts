import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import depthLimit from 'graphql-depth-limit';
import { join } from 'node:path';
import { SuaraConfig } from '@suara/core';
import { aliasLimit } from './alias-limit.rule.js';
import { formatGraphQLError } from './format-error.js';

export const SuaraGraphQLModule = GraphQLModule.forRootAsync<ApolloDriverConfig>({
  driver: ApolloDriver,
  inject: [SuaraConfig],
  useFactory: (config: SuaraConfig) => ({
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
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
  }),
});
