import type { Type } from '@nestjs/common';
import type { MailJobKind, MailJobPayload } from '../queue/queues';
import type { MailAttachment } from './mail.service';
import type { RenderedEmail } from './templates/layout';

/** One message to one recipient, ready to send. */
export interface ComposedEmail {
  to: string;
  rendered: RenderedEmail;
  attachments?: MailAttachment[];
  headers?: Record<string, string>;
}

export type MailPayloadOf<K extends MailJobKind> = Extract<MailJobPayload, { kind: K }>;

/**
 * Turns one mail job (ids only) into the emails to send *now*. It runs inside the job's tenant and
 * reloads everything from PostgreSQL; when the reason for the email has gone (invitation accepted or
 * revoked, booking cancelled) it returns [] and nothing is sent.
 */
export interface MailComposer<K extends MailJobKind = MailJobKind> {
  compose(payload: MailPayloadOf<K>): Promise<ComposedEmail[]>;
}

/**
 * Composer classes by mail kind. Each feature exports one for the kinds it declares; the worker's
 * table of all of them is typed `MailComposers` (every kind), so a declared kind without a composer
 * does not compile.
 */
export type MailComposers<K extends MailJobKind = MailJobKind> = { readonly [P in K]: Type<MailComposer<P>> };
