// Shared helpers for integration tests: real PostgreSQL databases cloned from a migrated
// template, an in-process SMTP server, and headless Chromium.
export * from './db';
export * from './smtp-sink';
export * from './browser';
export * from './admin-app';
export * from './axe';
export * from './wait';
export * from './pgbouncer';
