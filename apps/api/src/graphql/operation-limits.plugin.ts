import { Plugin } from '@nestjs/apollo';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { SuaraConfig } from '@suara/core';
import { assertEveryArgumentHasALimit } from './limits/assert-limits-declared.js';
import { argumentLimitError } from './limits/check-argument-limits.js';
import { complexityError } from './operation-limits.js';

/**
 * Refuses operations over HTTP with an argument outside its declared limits, or
 * whose estimated cost exceeds GRAPHQL_MAX_COMPLEXITY, before they run; the
 * WebSocket server applies the same checks itself.
 */
@Plugin()
export class OperationLimitsPlugin implements ApolloServerPlugin {
  private readonly max: number;

  constructor(
    private readonly schemaHost: GraphQLSchemaHost,
    config: SuaraConfig,
  ) {
    this.max = config.env.GRAPHQL_MAX_COMPLEXITY;
  }

  /** An argument without a declared limit stops the API here, not in production traffic. */
  async serverWillStart(): Promise<void> {
    assertEveryArgumentHasALimit(this.schemaHost.schema);
  }

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const { schema } = this.schemaHost;
    const max = this.max;
    return {
      async didResolveOperation({ request, document }) {
        const refusal =
          argumentLimitError(schema, document, request.operationName, request.variables) ??
          complexityError(schema, document, request.operationName, request.variables, max);
        if (refusal) throw refusal;
      },
    };
  }
}
