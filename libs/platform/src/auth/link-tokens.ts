import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { keyById, type Key } from '../config/key-ring';
import { OpaqueToken } from './opaque-token';

/** `<key id>.<43 base64url characters>` */
const LINK_TOKEN = /^([A-Za-z0-9_-]{1,32})\.([A-Za-z0-9_-]{43})$/;

/**
 * Tokens for links sent by email (invitations, booking accept/decline, email preferences, password
 * resets), derived rather than stored: token = "<key id>." + HMAC-SHA256(link key, "<purpose>:<record
 * id>") as base64url. Only its sha256 is stored, yet the worker that writes the email can re-derive
 * the token from the record id alone, so job payloads carry ids only and a retried email carries the
 * same link. Single use and expiry live on the record (accepted_at, expires_at, revoked_at).
 *
 * The link keys (LINK_KEYS) are not the access-token keys: a leaked link key cannot mint sessions.
 * A token names its key; one whose key has left the ring is refused before any look-up, so dropping
 * a leaked key kills every link made with it, while rotating keeps older links working.
 */
@Injectable()
export class LinkTokens {
  constructor(private readonly config: AppConfig) {}

  /**
   * The token for a record, with the current key; given the hash stored when the link was made, the
   * token made with whichever key in the ring produced that hash (a retried email after a rotation).
   */
  derive(purpose: string, recordId: string, storedHash?: string): { token: string; hash: string } {
    const ring = this.config.linkKeys;
    if (storedHash) {
      for (const key of ring.keys) {
        const made = this.make(key, purpose, recordId);
        if (made.hash === storedHash) return made;
      }
    }
    return this.make(ring.current, purpose, recordId);
  }

  /** The hash to look a presented token up by; null for anything malformed or made with a retired key. */
  hashOf(token: unknown): string | null {
    if (typeof token !== 'string') return null;
    const m = LINK_TOKEN.exec(token);
    if (!m || !keyById(this.config.linkKeys, m[1] as string)) return null;
    return OpaqueToken.hash(token);
  }

  /** For links whose record is not stored (email preferences): does `token` belong to this record? */
  matches(purpose: string, recordId: string, token: unknown): boolean {
    if (typeof token !== 'string') return false;
    const m = LINK_TOKEN.exec(token);
    const key = m ? keyById(this.config.linkKeys, m[1] as string) : undefined;
    if (!key) return false;
    const a = Buffer.from(this.make(key, purpose, recordId).token);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private make(key: Key, purpose: string, recordId: string): { token: string; hash: string } {
    const mac = createHmac('sha256', key.secret).update(`link:${purpose}:${recordId}`, 'utf8').digest('base64url');
    const token = `${key.id}.${mac}`;
    return { token, hash: OpaqueToken.hash(token) };
  }
}
