import { Controller, Get, HttpCode, HttpException, HttpStatus } from '@nestjs/common';
import { checkDatabase, Public, QueueHealth, type Check, type SchemaCheck } from '@tandem/platform';
import { DataSource } from 'typeorm';

export interface ReadyBody {
  /** `ok`; `degraded` when only Redis is away (work waits in the outbox); `unavailable` (503) when the API cannot serve. */
  status: 'ok' | 'degraded' | 'unavailable';
  database: SchemaCheck;
  queue: Check;
}

/**
 * Probes (issue 15, finding 2). Liveness is the process alone: a probe that touched PostgreSQL or
 * Redis would restart every pod when one of them blinks. Readiness is "can serve": PostgreSQL answers
 * and its schema is at the version this code needs. Redis down does not stop the API serving (writes
 * put their jobs in the outbox, in PostgreSQL), so it is reported as `degraded` with 200.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueHealth,
  ) {}

  @Public()
  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** `/health` is kept as the readiness check (older probes and scripts call it). */
  @Public()
  @Get(['ready', ''])
  @HttpCode(200)
  async ready(): Promise<ReadyBody> {
    const [database, queue] = await Promise.all([checkDatabase(this.dataSource), this.queue.ping()]);
    if (!database.ok)
      throw new HttpException({ status: 'unavailable', database, queue } satisfies ReadyBody, HttpStatus.SERVICE_UNAVAILABLE);
    return { status: queue.ok ? 'ok' : 'degraded', database, queue };
  }
}
