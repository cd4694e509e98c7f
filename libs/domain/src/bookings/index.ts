// Bookings: the lifecycle, who may act, the mail it causes, and when that mail goes out.
export * from './booking-machine';
export * from './booking-access';
export * from './booking-notices';
export * from './booking-links';
export * from './booking-settings';
export * from './sending-hours';
export * from './reminder-timetable';
export * from './termly-check-in';
export * from './notification-categories';
