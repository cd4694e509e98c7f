import type { Type } from '@nestjs/common';
import type { MailJobKind } from '@tandem/platform';
import { InvitationMailComposer } from './composers/invitation.composer';
import { PasswordResetMailComposer } from './composers/password-reset.composer';
import { BookingFollowUpComposer } from '../bookings/mail/composers/booking-follow-up.composer';
import { BookingNoticeComposer } from '../bookings/mail/composers/booking-notice.composer';
import { BookingNudgeComposer } from '../bookings/mail/composers/booking-nudge.composer';
import { BookingReminderComposer } from '../bookings/mail/composers/booking-reminder.composer';
import { TermlyCheckInComposer } from '../bookings/mail/composers/termly-check-in.composer';
import type { MailComposer } from './mail-composer';

/**
 * Exactly one composer per mail kind: a kind added to `MailJobPayload` without a composer here does
 * not compile, so the worker can never meet a mail job it has no handler for.
 */
export const MAIL_COMPOSERS: { readonly [K in MailJobKind]: Type<MailComposer<K>> } = {
  invitation: InvitationMailComposer,
  password_reset: PasswordResetMailComposer,
  booking_request: BookingNoticeComposer,
  booking_awaiting_school: BookingNoticeComposer,
  booking_confirmed: BookingNoticeComposer,
  booking_declined: BookingNoticeComposer,
  booking_cancelled: BookingNoticeComposer,
  booking_rescheduled: BookingNoticeComposer,
  booking_reminder: BookingReminderComposer,
  booking_follow_up: BookingFollowUpComposer,
  booking_unanswered: BookingNudgeComposer,
  vetting_expiring: BookingNudgeComposer,
  termly_check_in: TermlyCheckInComposer,
};
