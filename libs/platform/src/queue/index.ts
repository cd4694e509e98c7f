export * from './queues';
export * from './queue.options';
export * from './queue.producer';
export * from './queue.health';
export * from './queue.module';
export * from './outbox';
export * from './outbox-relay';
export * from './outbox-relay.module';
