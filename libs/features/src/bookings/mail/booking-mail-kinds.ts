/**
 * The booking mail this feature sends (platform's `mail` queue knows no kinds; see MailKinds).
 * Notices are about one version of a booking: the version makes a later change a new email, and lets
 * the composer send nothing once the booking has moved on. Reminders also carry how many days
 * before; the termly check-in is per employer per term (`2026-autumn`).
 */
import type { BookingNotice } from '@tandem/domain';

export type BookingMailKind = BookingNotice | 'booking_follow_up' | 'booking_unanswered' | 'vetting_expiring';

interface BookingVersion {
  bookingId: string;
  version: number;
}

declare module '@tandem/platform' {
  interface MailKinds extends Record<BookingMailKind, BookingVersion> {
    booking_reminder: BookingVersion & { daysBefore: number };
    termly_check_in: { employerId: string; term: string };
  }
}
