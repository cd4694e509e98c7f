import { TenantContext } from '@tandem/persistence';
import type { EntityManager } from 'typeorm';
import { jobIdFor, type QueuePayloads, type TenantQueueName } from './queues';

export interface OutboxOptions {
  /** Do not run the job before this instant (a reminder's send time). Default: as soon as relayed. */
  notBefore?: Date;
}

/**
 * The transactional outbox: features call `Outbox.add(em, queue, payload)` inside the same tenant
 * transaction as the change that causes the job. Nothing reaches BullMQ (so no email is sent) unless
 * that transaction commits; the worker's OutboxRelay moves committed rows to their queue.
 *
 * The row's `dedupe_key` is the job's domain id, so adding the same job twice is a no-op, here and
 * again in BullMQ. Payloads carry ids only.
 */
export const Outbox = {
  async add<Q extends TenantQueueName>(em: EntityManager, queue: Q, payload: QueuePayloads[Q], options: OutboxOptions = {}): Promise<void> {
    const tenantId = TenantContext.tenantId();
    if (payload.tenantId !== tenantId) {
      throw new Error(`Outbox.add: the payload names tenant ${payload.tenantId} inside tenant ${tenantId}`);
    }
    const jobKey = (jobIdFor[queue] as (p: QueuePayloads[Q]) => string)(payload);
    await em.query(
      `insert into notification_outbox (tenant_id, kind, dedupe_key, payload, available_at)
       values ($1, $2, $3, $4::jsonb, coalesce($5::timestamptz, app_now()))
       on conflict (tenant_id, dedupe_key) do nothing`,
      [tenantId, queue, jobKey, JSON.stringify(payload), options.notBefore ?? null],
    );
  },
};
