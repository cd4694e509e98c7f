import { DomainError } from '@tandem/domain';

/** Keyset position `(created_at, id)`; created_at kept as text to keep microseconds. */
export interface KeysetPosition {
  createdAt: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Opaque cursor: base64url of `<created_at>|<id>`. */
export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.createdAt}|${position.id}`, 'utf8').toString('base64url');
}

/** Throws DomainError INVALID_CURSOR (field `after`) for anything we did not produce. */
export function decodeCursor(cursor: string, field = 'after'): KeysetPosition {
  const bad = (): DomainError => DomainError.invalid(field, 'INVALID_CURSOR', `${field} is not a valid cursor`);
  if (typeof cursor !== 'string' || cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  const [createdAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length || !createdAt || !TIMESTAMP.test(createdAt) || !isUuid(id)) throw bad();
  return { createdAt, id };
}
