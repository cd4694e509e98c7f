import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUE_NAMES } from './queues';

export interface QueueHealthResult {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/** Pings Redis over the queues' own connection; never throws (for `/health`). */
@Injectable()
export class QueueHealth {
  constructor(@InjectQueue(QUEUE_NAMES.imports) private readonly queue: Queue) {}

  /** PING on the Redis backend; a cheap count query on any other BullMQ backend. */
  private async roundTrip(): Promise<void> {
    const backend = this.queue.getBackend() as unknown as { client?: Promise<{ ping(): Promise<string> }> };
    if (backend.client) {
      const reply = await (await backend.client).ping();
      if (reply !== 'PONG') throw new Error(`unexpected PING reply ${String(reply)}`);
    } else {
      await this.queue.getJobCounts('waiting');
    }
  }

  async ping(timeoutMs = 1_000): Promise<QueueHealthResult> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`redis did not answer within ${timeoutMs} ms`)), timeoutMs);
      });
      await Promise.race([this.roundTrip(), timeout]);
      return { ok: true, latencyMs: Math.round(performance.now() - started) };
    } catch (err) {
      return { ok: false, latencyMs: Math.round(performance.now() - started), error: err instanceof Error ? err.message : String(err) };
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
}
