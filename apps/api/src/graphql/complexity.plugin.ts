import { Plugin } from '@nestjs/apollo';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { SuaraConfig } from '@suara/core';

/** Refuses operations whose estimated cost exceeds GRAPHQL_MAX_COMPLEXITY before they run. */
@Plugin()
export class ComplexityPlugin implements ApolloServerPlugin {
  private readonly max: number;

  constructor(
    private readonly schemaHost: GraphQLSchemaHost,
    config: SuaraConfig,
  ) {
    this.max = config.env.GRAPHQL_MAX_COMPLEXITY;
  }

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const { schema } = this.schemaHost;
    const max = this.max;
    return {
      async didResolveOperation({ request, document }) {
        let complexity: number;
        try {
          complexity = getComplexity({
            schema,
            operationName: request.operationName,
            query: document,
            variables: request.variables,
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
        } catch {
          // Invalid variables: execution refuses them next with a BAD_USER_INPUT that names them.
          return;
        }
        if (complexity > max) {
          throw new GraphQLError(
            `Permintaan terlalu berat (biaya ${complexity}, batas ${max}). Minta lebih sedikit data sekaligus.`,
            { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
          );
        }
      },
    };
  }
}
