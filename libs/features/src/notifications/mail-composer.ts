import type { MailAttachment, MailJobKind, MailJobPayload, RenderedEmail } from '@tandem/platform';

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
