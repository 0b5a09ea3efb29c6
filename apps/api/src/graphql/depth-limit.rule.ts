import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/**
 * Refuses operations nested deeper than `max` fields. Each fragment's depth is
 * measured once, and a fragment met again while it is being measured counts as
 * nothing: a fragment cycle or an unknown fragment is for graphql-js's own rules
 * to report, as a validation error, instead of overflowing the stack here.
 */
export function depthLimit(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition);
    }
    const measured = new Map<string, number>();
    const measuring = new Set<string>();

    const depthOf = (selectionSet: SelectionSetNode): number => {
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          // Introspection is as deep as the schema; its own switch decides whether it is allowed.
          if (selection.selectionSet && !selection.name.value.startsWith('__'))
            deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet));
        } else {
          deepest = Math.max(deepest, fragmentDepth(selection.name.value));
        }
      }
      return deepest;
    };
    const fragmentDepth = (name: string): number => {
      const known = measured.get(name);
      if (known !== undefined) return known;
      const fragment = fragments.get(name);
      if (!fragment || measuring.has(name)) return 0;
      measuring.add(name);
      const depth = depthOf(fragment.selectionSet);
      measuring.delete(name);
      measured.set(name, depth);
      return depth;
    };

    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet);
        if (depth > max) {
          context.reportError(
            new GraphQLError(
              `Permintaan terlalu bertingkat (kedalaman/depth ${depth}, batas ${max}).`,
              {
                nodes: [node],
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'request.tooDeep' },
              },
            ),
          );
        }
      },
    };
  };
}
