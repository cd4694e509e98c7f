import { WorkerHost } from '@nestjs/bullmq';
import type { DiscoveryService } from '@nestjs/core';
import type { Worker } from 'bullmq';

/** Every BullMQ worker this process runs (one per `@Processor` class that has started). */
export function bullWorkers(discovery: DiscoveryService): Worker[] {
  const out: Worker[] = [];
  for (const wrapper of discovery.getProviders()) {
    const instance: unknown = wrapper.instance;
    if (!(instance instanceof WorkerHost)) continue;
    try {
      out.push(instance.worker);
    } catch {
      // not created yet
    }
  }
  return out;
}
