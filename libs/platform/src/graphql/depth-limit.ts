import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export const DEFAULT_MAX_DEPTH = 10;
export const DEFAULT_MAX_FIELDS = 2000;

interface Measure {
  depth: number;
  fields: number;
}

/**
 * Rejects operations nested deeper than `maxDepth` field levels (`{ a { b } }` is 2) or selecting
 * more than `maxFields` fields once fragments are expanded. Introspection (`__schema`, `__type`) is
 * not counted. Error code QUERY_TOO_COMPLEX.
 */
export function depthLimitRule(maxDepth = DEFAULT_MAX_DEPTH, maxFields = DEFAULT_MAX_FIELDS): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragmentMemo = new Map<string, Measure>();
    const measure = (set: SelectionSetNode | undefined, visiting: Set<string>): Measure => {
      if (!set) return { depth: 0, fields: 0 };
      let depth = 0;
      let fields = 0;
      for (const sel of set.selections) {
        let m: Measure;
        if (sel.kind === Kind.FIELD) {
          if (sel.name.value.startsWith('__')) continue;
          const inner = measure(sel.selectionSet, visiting);
          m = { depth: inner.depth + 1, fields: inner.fields + 1 };
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          m = measure(sel.selectionSet, visiting);
        } else {
          const name = sel.name.value;
          if (visiting.has(name)) continue; // cycles are reported by NoFragmentCyclesRule
          let memo = fragmentMemo.get(name);
          if (!memo) {
            const fragment: FragmentDefinitionNode | null | undefined = context.getFragment(name);
            visiting.add(name);
            memo = measure(fragment?.selectionSet, visiting);
            visiting.delete(name);
            fragmentMemo.set(name, memo);
          }
          m = memo;
        }
        depth = Math.max(depth, m.depth);
        fields += m.fields;
        if (fields > maxFields) return { depth, fields };
      }
      return { depth, fields };
    };
    return {
      OperationDefinition(node) {
        const { depth, fields } = measure(node.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Query is nested too deeply: ${depth} levels, the limit is ${maxDepth}`, {
              nodes: [node],
              extensions: { code: 'QUERY_TOO_COMPLEX' },
            }),
          );
        } else if (fields > maxFields) {
          context.reportError(
            new GraphQLError(`Query selects too many fields: more than ${maxFields}`, { nodes: [node], extensions: { code: 'QUERY_TOO_COMPLEX' } }),
          );
        }
        return false;
      },
    };
  };
}
