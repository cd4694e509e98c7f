/**
 * What a recipient may switch off. Mail that a booking cannot work without (a request to answer, a
 * confirmation, a decline, a cancellation, a change of time) is always sent; these are the rest.
 */
export const NOTIFICATION_CATEGORIES = ['reminders', 'follow_ups', 'nudges', 'check_ins'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

export const NOTIFICATION_CATEGORY_LABELS: Readonly<Record<NotificationCategory, string>> = {
  reminders: 'Reminders before a session (what to prepare)',
  follow_ups: 'Follow-ups after a session (attendance, feedback)',
  nudges: 'Nudges about requests waiting for an answer and vetting about to expire',
  check_ins: 'The termly check-in about what you can offer next term',
};

const CATEGORY_OF_KIND: Readonly<Record<string, NotificationCategory>> = {
  booking_reminder: 'reminders',
  booking_follow_up: 'follow_ups',
  booking_unanswered: 'nudges',
  vetting_expiring: 'nudges',
  termly_check_in: 'check_ins',
};

/** The category a mail kind belongs to, or null when it cannot be switched off. */
export function notificationCategoryOf(kind: string): NotificationCategory | null {
  return CATEGORY_OF_KIND[kind] ?? null;
}
