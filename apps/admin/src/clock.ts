import { londonDay } from './ui/format';

/**
 * The one place the admin app asks the time: the user's device clock. Browser tests set it with
 * Playwright's clock to the same instant as the product's clock on the server.
 */
export function now(): Date {
  return new Date();
}

/** Today on the London calendar, `YYYY-MM-DD`. */
export function today(): string {
  return londonDay(now());
}
