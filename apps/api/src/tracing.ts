// Imported first by main.ts: instrumentations must patch http, pg, ioredis and graphql before they load.
import { startTracingFromEnv } from '@tandem/platform/tracing';

startTracingFromEnv('tandem-api'); // flushed and stopped by MetricsModule as the app shuts down
