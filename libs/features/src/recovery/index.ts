export * from './stuck-jobs.watchdog';
