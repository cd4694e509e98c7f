import { Controller, Get, HttpCode, HttpException, HttpStatus } from '@nestjs/common';
import { Public, QueueHealth } from '@tandem/platform';
import { DataSource } from 'typeorm';

interface Check {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/** GET /health: 200 when PostgreSQL and the queue answer, 503 (with which one failed) otherwise. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueHealth,
  ) {}

  @Public()
  @Get()
  @HttpCode(200)
  async health(): Promise<{ status: 'ok'; database: Check; queue: Check }> {
    const [database, queue] = await Promise.all([this.pingDatabase(), this.queue.ping()]);
    const body = { status: 'ok' as const, database, queue };
    if (!database.ok || !queue.ok) throw new HttpException({ ...body, status: 'degraded' }, HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }

  private async pingDatabase(): Promise<Check> {
    const started = performance.now();
    try {
      await this.dataSource.query('select 1');
      return { ok: true, latencyMs: Math.round(performance.now() - started) };
    } catch {
      // The reason goes to the log, not to an unauthenticated caller.
      return { ok: false, latencyMs: Math.round(performance.now() - started), error: 'database did not answer' };
    }
  }
}
