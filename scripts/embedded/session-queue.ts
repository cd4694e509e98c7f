// The query queue of the embedded PostgreSQL server (scripts/embedded/pglite-server.ts), in place of
// @electric-sql/pglite-socket 0.2.17's own. PGlite is ONE backend session; the socket server funnels
// every connection's wire-protocol messages into it one message at a time. Its queue lets another
// connection in between any two messages unless a transaction is open, which breaks two things
// (upstream: electric-sql/pglite#1046):
//  - an extended-protocol query is several messages (Parse, Bind, Describe, Execute … Sync) that
//    share the session's unnamed statement: a Parse from another connection in between makes the
//    Bind use the wrong statement ("bind message supplies 9 parameters, but prepared statement ""
//    requires 7", or silently wrong rows);
//  - an exception while running one message left the queue marked busy for ever: every connection hung.
// Here a connection keeps the session from its first message until its Sync (or simple Query), and
// for as long as it has a transaction open; a failure fails that message only. A connection that
// goes away while it holds the session has its half-done query ended and its transaction rolled back.
import type { PGlite } from '@electric-sql/pglite';

/** Messages after which a client always sends more before it waits: the session stays with it. */
const MID_QUERY = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));
/** A bare Sync: ends an extended-protocol query (and its error state) left half-done. */
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

interface Queued {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
}

/** Same methods as pglite-socket's internal QueryQueueManager, which its socket handlers call. */
export class SessionQueue {
  private queue: Queued[] = [];
  private processing = false;
  /** The connection the session belongs to until it finishes its query or transaction (null: anyone). */
  private owner: number | null = null;
  /** Connections closed while they held, or might yet take, the session. */
  private readonly closed = new Set<number>();
  private running: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    for (const q of this.queue.filter((q) => q.handlerId === handlerId)) q.reject(new Error('Handler disconnected'));
    this.queue = this.queue.filter((q) => q.handlerId !== handlerId);
  }

  /** Called when a connection goes away (after clearQueueForHandler). */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId && this.running !== handlerId) return;
    this.closed.add(handlerId);
    await this.process();
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (;;) {
        if (this.owner !== null && this.closed.has(this.owner)) await this.release();
        const i = this.owner === null ? 0 : this.queue.findIndex((q) => q.handlerId === this.owner);
        // The owner has nothing queued yet: wait for it (enqueue and clearTransactionIfNeeded resume us).
        if (i < 0 || i >= this.queue.length) break;
        const [item] = this.queue.splice(i, 1);
        this.running = item.handlerId;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
          item.resolve(bytes);
        } catch (e) {
          item.reject(e instanceof Error ? e : new Error(String(e)));
        } finally {
          this.running = null;
        }
        this.owner = this.db.isInTransaction() || MID_QUERY.has(item.message[0]) ? item.handlerId : null;
        if (this.owner !== item.handlerId) this.closed.delete(item.handlerId);
      }
    } finally {
      this.processing = false;
    }
  }

  /** The owner went away: end its half-done query and roll back its transaction, then free the session. */
  private async release(): Promise<void> {
    const gone = this.owner as number;
    try {
      await this.db.runExclusive(() => this.db.execProtocolRawStream(SYNC, { onRawData: () => undefined }));
      if (this.db.isInTransaction()) await this.db.exec('rollback');
    } catch (e) {
      console.error(`pglite-server: could not clean up after connection #${gone}:`, e);
    }
    this.closed.delete(gone);
    this.owner = null;
  }
}
