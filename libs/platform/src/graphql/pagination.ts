import type { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { DEFAULT_PAGE_SIZE, DomainError, MAX_PAGE_SIZE } from '@tandem/domain';

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Code-first connection type: `@ObjectType() class SchoolConnection extends Paginated(School) {}`
 * gives {edges{cursor,node}, nodes, pageInfo{hasNextPage,endCursor}, totalCount} and a `SchoolEdge` type.
 */
export function Paginated<T>(itemType: Type<T>, name: string = itemType.name): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType implements Edge<T> {
    @Field(() => String)
    cursor!: string;

    @Field(() => itemType)
    node!: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType implements Connection<T> {
    @Field(() => [EdgeType])
    edges!: Edge<T>[];

    @Field(() => [itemType])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionType as unknown as Type<Connection<T>>;
}

/** `first` / `after` arguments for a connection field. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many (1–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

/** Opaque cursor for any JSON value (e.g. a sort key and id): base64url of JSON. */
export function encodeOpaqueCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/**
 * Reverse of encodeOpaqueCursor. Anything not produced by it (or rejected by `isValid`) throws
 * DomainError INVALID_CURSOR naming `field` (default 'after').
 */
export function decodeOpaqueCursor<T>(cursor: string, isValid: (value: unknown) => value is T, field = 'after'): T {
  const bad = (): DomainError =>
    DomainError.invalid(field, 'INVALID_CURSOR', `${field} is not a valid cursor: use a cursor from a previous page`);
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!isValid(value)) throw bad();
  return value;
}

/**
 * Builds a connection from rows fetched with `limit: first + 1` (the extra row only says there
 * is a next page).
 */
export function toConnection<T>(rows: readonly T[], first: number, cursorOf: (row: T) => string, totalCount: number): Connection<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    nodes,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount,
  };
}
