export * from './bookings.module';
export { BookingsService, BOOKING_DELIVERED_LISTENER, type BookingDeliveredListener } from './bookings.service';
export { BookingSettingsService } from './booking-settings.service';
export * from './booking.types';
export { NudgeScanService, type NudgeScanResult } from './nudges/nudge-scan.service';
export { NudgeSchedulers, NUDGE_SCAN_PATTERN } from './nudges/nudge-schedulers';
export { bookingIcs } from './mail/ics';
// The email templates (the mail benchmark renders one for its baseline).
export { reminderEmail, type BookingFacts } from './mail/booking-emails';
export { BOOKING_MAIL_COMPOSERS } from './mail/booking-mail-composers';
export type { BookingMailKind } from './mail/booking-mail-kinds';
