import { londonDateOf, londonWallClockToInstant, type CalendarDate } from './calendar-date';

/**
 * The one answer to "what time is it?" for the API, the worker, the relay, the schedulers and every
 * rule that depends on the date (sending hours, academic years, reporting days, link and token
 * expiry). Production uses `SystemClock`; tests hand the same `ManualClock` to the API, the worker
 * and (through `app.now`) PostgreSQL, and set the time they need. Nothing else reads the machine's
 * time of day: lint refuses `Date.now()` and `new Date()` outside this file (durations use
 * `performance.now()`, which says nothing about the date).
 *
 * An abstract class rather than an interface so that it can be a Nest injection token.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today on the Europe/London calendar. */
  today(): CalendarDate {
    return londonDateOf(this.now());
  }
}

/** The machine's clock: what production runs on. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * A clock that starts at a given instant and then runs at the machine's pace: how a process that
 * a test starts (a worker killed and restarted by a fault test) shares the test's time. Never in
 * production, which refuses the setting that creates it (TANDEM_CLOCK_START).
 */
export class RunningClock extends Clock {
  private readonly offsetMs: number;

  constructor(start: Date) {
    super();
    this.offsetMs = start.getTime() - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/**
 * A clock that stands still until told to move: `set` jumps to an instant, `setLondon` to a London
 * wall-clock time, `advance` moves on. Frozen time makes "not before 08:00" and "once it is 08:00"
 * exact assertions rather than races.
 */
export class ManualClock extends Clock {
  private ms: number;

  constructor(start: Date | string) {
    super();
    this.ms = ManualClock.toMs(start);
  }

  now(): Date {
    return new Date(this.ms);
  }

  set(instant: Date | string): this {
    this.ms = ManualClock.toMs(instant);
    return this;
  }

  /** Jump to a Europe/London wall-clock time (an ambiguous autumn time is its first, BST, occurrence). */
  setLondon(date: CalendarDate, time: string): this {
    this.ms = londonWallClockToInstant(date, time).getTime();
    return this;
  }

  advance(ms: number): this {
    this.ms += ms;
    return this;
  }

  private static toMs(instant: Date | string): number {
    const ms = (typeof instant === 'string' ? new Date(instant) : instant).getTime();
    if (Number.isNaN(ms)) throw new Error(`ManualClock: not an instant: ${String(instant)}`);
    return ms;
  }
}
