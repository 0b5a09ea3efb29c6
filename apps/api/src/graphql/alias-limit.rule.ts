import { GraphQLError, type ValidationContext, type ASTVisitor } from 'graphql';

/**
 * Refuses documents with more aliases than `max`: aliases let one request repeat
 * an expensive field hundreds of times while staying shallow.
 */
export function aliasLimit(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias && ++aliases === max + 1) {
          context.reportError(
            new GraphQLError(`Permintaan memakai lebih dari ${max} alias.`, {
              nodes: [node],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'request.tooManyAliases' },
            }),
          );
        }
      },
    };
  };
}
