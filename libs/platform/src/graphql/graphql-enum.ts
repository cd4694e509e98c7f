import { registerEnumType } from '@nestjs/graphql';

/**
 * A GraphQL enum made from a const array of the domain's vocabulary (`ACTIVITY_TYPES`, …): the enum's
 * values are the array's values, spelled as stored, so the wire format does not change and the schema
 * (and the admin app's generated types) list exactly what the domain allows. Declare each enum once.
 */
export function graphqlEnum<T extends string>(name: string, values: readonly T[], description?: string): Record<T, T> {
  const values_ = Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
  registerEnumType(values_, { name, description });
  return values_;
}
