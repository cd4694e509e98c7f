/** Booking enumerations as stored (text + CHECK in 1760000008000-bookings); @tandem/domain holds the rules. */
export type BookingStateValue =
  | 'proposed'
  | 'accepted_by_school'
  | 'accepted_by_employer'
  | 'confirmed'
  | 'delivered'
  | 'recorded'
  | 'declined'
  | 'cancelled'
  | 'no_show';
export type BookingTransitionAction =
  'create' | 'accept' | 'decline' | 'cancel' | 'reschedule' | 'mark_delivered' | 'mark_no_show' | 'record';
export type BookingSideValue = 'school' | 'employer' | 'broker' | 'system';
export type NotificationCategoryValue = 'reminders' | 'follow_ups' | 'nudges' | 'check_ins';
