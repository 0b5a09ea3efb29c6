import { Plugin } from '@nestjs/apollo';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { SuaraConfig } from '@suara/core';
import { complexityError } from './operation-limits.js';

/**
 * Refuses operations over HTTP whose estimated cost exceeds GRAPHQL_MAX_COMPLEXITY
 * before they run; the WebSocket server applies the same check itself.
 */
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
        const refusal = complexityError(
          schema,
          document,
          request.operationName,
          request.variables,
          max,
        );
        if (refusal) throw refusal;
      },
    };
  }
}
