import { Injectable } from '@nestjs/common';
import { Clock } from '@tandem/domain';
import { DataSource } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Is the log-in an access token names still live? Asked on every authenticated request (one
 * primary-key read of the global `auth_sessions`, outside any tenant transaction), so logout,
 * removal from a hub, a role change and a password change end access on the next request.
 * What it costs per request is in docs/benchmarks.md (`npm run bench:auth`).
 */
@Injectable()
export class SessionLiveness {
  constructor(
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  async isLive(sessionId: string, userId: string): Promise<boolean> {
    const now = this.clock.now();
    if (!UUID.test(sessionId) || !UUID.test(userId)) return false;
    const rows: unknown[] = await this.dataSource.query(
      'select 1 from auth_sessions where id = $1 and user_id = $2 and revoked_at is null and expires_at > $3',
      [sessionId, userId, now],
    );
    return rows.length === 1;
  }
}
