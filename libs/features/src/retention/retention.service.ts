import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tandem/domain';
import { AppConfig, RETENTION_DEFAULTS, type RetentionKind } from '@tandem/platform';
import { DataSource } from 'typeorm';

export type PurgeReport = { [K in RetentionKind]: number };

/**
 * The daily retention purge (docs/operations.md, "Retention"): for each kind of row, deletes what is
 * older than its configured period by the product's clock, in batches of `RETENTION_BATCH_SIZE`,
 * one short transaction per batch (no long lock, no bloat spike, replicas keep up). Runs without a
 * tenant: `purge_expired_rows` (SECURITY DEFINER) spans every hub and refuses periods under each
 * kind's floor.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async purge(): Promise<PurgeReport> {
    const report = {} as PurgeReport;
    for (const kind of Object.keys(RETENTION_DEFAULTS) as RetentionKind[]) {
      report[kind] = 0;
      for (;;) {
        const deleted = await this.batch(kind);
        report[kind] += deleted;
        if (deleted < this.config.retentionBatchSize) break;
      }
    }
    // Counts only: no ids, no personal data.
    this.logger.log(`retention purge: ${JSON.stringify(report)}`);
    return report;
  }

  private async batch(kind: RetentionKind): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`select set_config('app.now', $1, true)`, [this.clock.now().toISOString()]);
      const rows: Array<{ n: number }> = await em.query(`select purge_expired_rows($1, $2, $3) as n`, [
        kind,
        this.config.retention[kind],
        this.config.retentionBatchSize,
      ]);
      return Number(rows[0]?.n ?? 0);
    });
  }
}
