import type { MailComposers } from '@tandem/platform';
import type { BookingMailKind } from './booking-mail-kinds';
import { BookingFollowUpComposer } from './composers/booking-follow-up.composer';
import { BookingNoticeComposer } from './composers/booking-notice.composer';
import { BookingNudgeComposer } from './composers/booking-nudge.composer';
import { BookingReminderComposer } from './composers/booking-reminder.composer';
import { TermlyCheckInComposer } from './composers/termly-check-in.composer';

/** One composer per booking mail kind (the worker's mail processor looks them up by kind). */
export const BOOKING_MAIL_COMPOSERS: MailComposers<BookingMailKind | 'booking_reminder' | 'termly_check_in'> = {
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
