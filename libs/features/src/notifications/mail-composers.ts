import type { MailComposers } from '@tandem/platform';
import { AUTH_MAIL_COMPOSERS } from '@tandem/features/auth';
import { BOOKING_MAIL_COMPOSERS } from '@tandem/features/bookings';
import { HUB_MAIL_COMPOSERS } from '@tandem/features/hubs';

/**
 * Exactly one composer per mail kind, gathered from the features that own them: a kind a feature
 * declares (MailKinds) without a composer here does not compile, so the worker can never meet a mail
 * job it has no handler for.
 */
export const MAIL_COMPOSERS: MailComposers = { ...AUTH_MAIL_COMPOSERS, ...HUB_MAIL_COMPOSERS, ...BOOKING_MAIL_COMPOSERS };
