import type { MailComposers } from '@tandem/platform';
import type {} from './invitation-mail-kind';
import { InvitationMailComposer } from './invitation.composer';

/** The hubs feature's email: the invitation to join a hub. */
export const HUB_MAIL_COMPOSERS: MailComposers<'invitation'> = { invitation: InvitationMailComposer };
