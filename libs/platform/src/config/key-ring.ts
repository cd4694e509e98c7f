/**
 * A set of HMAC keys with ids, so a key can be rotated without ending every session or link: the
 * first key signs; every key in the ring verifies. Written in the environment as
 * `id:secret[,id:secret…]` (ACCESS_TOKEN_KEYS, LINK_KEYS). To rotate: put the new key first, keep the
 * old one after it until what it signed has expired, then drop it.
 */
export interface Key {
  readonly id: string;
  readonly secret: string;
}

export interface KeyRing {
  /** Signs everything new. */
  readonly current: Key;
  /** Every key that still verifies (current first). */
  readonly keys: readonly Key[];
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Parses `id:secret,…`; returns the problems (naming `name`) instead of throwing. */
export function parseKeyRing(name: string, value: string): { ring?: KeyRing; problems: string[] } {
  const problems: string[] = [];
  const keys: Key[] = [];
  for (const [i, part] of value.split(',').entries()) {
    const colon = part.indexOf(':');
    const id = colon > 0 ? part.slice(0, colon).trim() : '';
    const secret = colon > 0 ? part.slice(colon + 1).trim() : '';
    if (!KEY_ID.test(id) || !secret) {
      problems.push(`${name} key ${i + 1} must be "id:secret" with an id of letters, digits, - or _ (up to 32)`);
      continue;
    }
    if (keys.some((k) => k.id === id)) problems.push(`${name} has the key id "${id}" twice`);
    keys.push({ id, secret });
  }
  if (problems.length || keys.length === 0) return { problems: problems.length ? problems : [`${name} must hold at least one key`] };
  return { ring: { current: keys[0] as Key, keys }, problems };
}

export function keyById(ring: KeyRing, id: string): Key | undefined {
  return ring.keys.find((k) => k.id === id);
}

/** The ring back in its environment form (to hand the same keys to a child process in tests). */
export function formatKeyRing(ring: KeyRing): string {
  return ring.keys.map((k) => `${k.id}:${k.secret}`).join(',');
}
