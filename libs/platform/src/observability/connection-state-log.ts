import type { JsonLogger } from '../logging/json-logger';
import { safeReason } from './safe-reason';

/**
 * Redis going away used to print hundreds of raw stack traces (every BullMQ queue and worker
 * re-emits each failed reconnect). Every client of the process reports here instead, and the log
 * gets one JSON line when the connection is lost, one when it is back, and while it stays down a
 * reminder at most once per `reminderMs` with the count of errors since. Lines are at least
 * `minIntervalMs` apart: changes in between are folded into one line, written when the interval
 * is over, that gives the state then and how many changes (`flaps`) it stands for.
 */
export class ConnectionStateLog {
  private down = false;
  /** The state the log last said. */
  private saidDown = false;
  private errorsWhileDown = 0;
  private flaps = 0;
  private lastReason = '';
  private lastSource = '';
  private lastLineAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly logger: JsonLogger,
    private readonly what = 'redis',
    private readonly minIntervalMs = 10_000,
    private readonly reminderMs = 60_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  error(source: string, err: unknown): void {
    this.lastReason = safeReason(err);
    this.lastSource = source;
    this.errorsWhileDown += 1;
    if (this.down) {
      if (this.saidDown && this.now() - this.lastLineAt >= this.reminderMs) this.say();
      return;
    }
    this.down = true;
    this.change();
  }

  ready(source: string): void {
    if (!this.down) return;
    this.down = false;
    this.lastSource = source;
    this.change();
  }

  /** Stops a pending line (shutdown). */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private change(): void {
    this.flaps += 1;
    const wait = this.lastLineAt + this.minIntervalMs - this.now();
    if (wait <= 0) this.say();
    else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        if (this.down !== this.saidDown) this.say();
        else this.flaps = 0;
      }, wait);
      this.timer.unref();
    }
  }

  private say(): void {
    const folded = this.flaps > 1 ? { flaps: this.flaps } : {};
    if (this.down) {
      const msg = this.saidDown ? `${this.what} still unavailable` : `${this.what} unavailable`;
      this.logger.write('warn', msg, { source: this.lastSource, errors: this.errorsWhileDown, reason: this.lastReason, ...folded });
    } else {
      this.logger.write('info', `${this.what} connection restored`, { source: this.lastSource, errors: this.errorsWhileDown, ...folded });
      this.errorsWhileDown = 0;
    }
    this.saidDown = this.down;
    this.flaps = 0;
    this.lastLineAt = this.now();
  }
}
