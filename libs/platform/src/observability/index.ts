export * from './connection-state-log';
export * from './metrics';
export * from './metrics-server';
export * from './metrics.module';
export * from './queue-observer';
export * from './request-telemetry';
export * from './safe-reason';
export * from './job-tracing';
