import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { OpaqueToken } from './opaque-token';

/**
 * Tokens for links sent by email (invitations; later, accept/decline links), derived rather than
 * stored: token = HMAC-SHA256(server secret, "<purpose>:<record id>") as base64url. Only its
 * sha256 is stored (like every OpaqueToken), yet the worker that writes the email can re-derive the
 * token from the record id alone, so job payloads carry ids only and a retried email carries the
 * same link. Single use and expiry live on the record (accepted_at, expires_at, revoked_at).
 */
@Injectable()
export class LinkTokens {
  constructor(private readonly config: AppConfig) {}

  derive(purpose: string, recordId: string): { token: string; hash: string } {
    const token = createHmac('sha256', this.config.jwtSecret).update(`link:${purpose}:${recordId}`, 'utf8').digest('base64url');
    return { token, hash: OpaqueToken.hash(token) };
  }
}
