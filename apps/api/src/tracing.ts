// Imported first by main.ts: instrumentations must patch http, pg, ioredis and graphql before they load.
import { startTracingFromEnv } from '@tandem/platform/tracing';

export const stopTracing = startTracingFromEnv('tandem-api');
