import { decodeCursor, encodeCursor, isUuid } from './cursor';

describe('keyset cursor', () => {
  const position = { createdAt: '2026-02-03T13:30:00.123456Z', id: '0c0280ef-379a-4614-b6d9-7f0a7f0826f6' };

  it('round-trips and keeps microseconds', () => {
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
  });

  it.each([
    '',
    'garbage!',
    Buffer.from('2026-02-03|not-a-uuid').toString('base64url'),
    Buffer.from(`yesterday|${position.id}`).toString('base64url'),
    'a'.repeat(300),
  ])('rejects %p with INVALID_CURSOR naming the field', (bad) => {
    expect(() => decodeCursor(bad, 'after')).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR', field: 'after' }));
  });

  it('recognises uuids', () => {
    expect(isUuid(position.id)).toBe(true);
    expect(isUuid('x')).toBe(false);
    expect(isUuid(undefined)).toBe(false);
  });
});
