import type { Type } from '@nestjs/common';
import type { MailJobKind } from '@tandem/platform';
import { InvitationMailComposer } from './composers/invitation.composer';
import type { MailComposer } from './mail-composer';

/**
 * Exactly one composer per mail kind: a kind added to `MailJobPayload` without a composer here does
 * not compile, so the worker can never meet a mail job it has no handler for.
 */
export const MAIL_COMPOSERS: { readonly [K in MailJobKind]: Type<MailComposer<K>> } = {
  invitation: InvitationMailComposer,
};
