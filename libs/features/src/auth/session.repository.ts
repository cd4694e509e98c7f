import { Injectable } from '@nestjs/common';
import { Clock } from '@tandem/domain';
import {
  AuthSession,
  PlatformRefreshSession,
  RefreshSession,
  TenantDb,
  TenantRepository,
  type SessionEndReason,
} from '@tandem/persistence';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Ends a session and every session it was rotated into (following replaced_by_id), in one
 * statement. Returns how many of them were still live.
 */
async function revokeChain(em: EntityManager, table: 'refresh_sessions' | 'platform_refresh_sessions', id: string): Promise<number> {
  const rows: Array<{ n: number }> = await em.query(
    `with recursive chain (id, replaced_by_id) as (
       select s.id, s.replaced_by_id from ${table} s where s.id = $1
       union
       select s.id, s.replaced_by_id from ${table} s join chain c on s.id = c.replaced_by_id
     ), revoked as (
       update ${table} set revoked_at = app_now() where id in (select id from chain) and revoked_at is null returning 1
     )
     select count(*)::int as n from revoked`,
    [id],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Log-ins (`auth_sessions`, global): started with the first refresh token, kept through rotations,
 * ended by logout, reuse, a password change or reset (and by triggers when a membership, user or hub
 * changes). Functions over the caller's EntityManager, so they join its transaction.
 */
export const AuthSessions = {
  async start(
    em: EntityManager,
    values: { userId: string; actingTenantId: string | null; membershipId: string | null; expiresAt: Date },
  ): Promise<string> {
    const result = await em.insert(AuthSession, { ...values, revokedAt: null, revokedReason: null });
    return (result.identifiers[0] as { id: string }).id;
  },

  /** Live (not ended, not expired) and locked until the transaction ends; false otherwise. */
  async lockLive(em: EntityManager, id: string | null, now: Date): Promise<boolean> {
    if (!id) return false;
    const rows: unknown[] = await em.query(
      'select 1 from auth_sessions where id = $1 and revoked_at is null and expires_at > $2 for update',
      [id, now],
    );
    return rows.length === 1;
  },

  async extend(em: EntityManager, id: string, expiresAt: Date): Promise<void> {
    await em.update(AuthSession, { id }, { expiresAt });
  },

  async end(em: EntityManager, id: string | null, reason: SessionEndReason, now: Date): Promise<boolean> {
    if (!id) return false;
    const result = await em
      .createQueryBuilder()
      .update(AuthSession)
      .set({ revokedAt: now, revokedReason: reason })
      .where('id = :id and revoked_at is null', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  },

  /** Every live log-in of a user except `keep` (the one changing the password, if any). */
  async endAllOfUser(em: EntityManager, userId: string, reason: SessionEndReason, now: Date, keep: string | null = null): Promise<number> {
    const result = await em
      .createQueryBuilder()
      .update(AuthSession)
      .set({ revokedAt: now, revokedReason: reason })
      .where('user_id = :userId and revoked_at is null and (:keep::uuid is null or id <> :keep::uuid)', { userId, keep })
      .execute();
    return result.affected ?? 0;
  },
};

/** Refresh sessions inside a hub (tenant table, RLS): one per log-in to a membership, rotated on use. */
@Injectable()
export class RefreshSessionRepository extends TenantRepository<RefreshSession> {
  constructor(db: TenantDb) {
    super(db, RefreshSession, 'session');
  }

  /** The session with this token hash, locked until the transaction ends (concurrent refreshes queue up). */
  lockByHash(tokenHash: string): Promise<RefreshSession | null> {
    return this.query((qb) => qb.where('session.token_hash = :tokenHash', { tokenHash }).setLock('pessimistic_write').getOne());
  }

  revokeChain(id: string): Promise<number> {
    return this.tx((em) => revokeChain(em, 'refresh_sessions', id));
  }

  /** Ends every live session of a membership (when it is archived). */
  revokeForMembership(membershipId: string): Promise<number> {
    return this.tx(async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(RefreshSession)
        .set({ revokedAt: () => 'app_now()' })
        .where('membership_id = :membershipId and revoked_at is null', { membershipId })
        .execute();
      return result.affected ?? 0;
    });
  }
}

/**
 * Refresh sessions of platform admins logged in without a membership (`platform_refresh_sessions`,
 * a GLOBAL table: they have no tenant, so TenantDb does not apply; the app role reaches it directly).
 */
@Injectable()
export class PlatformSessionRepository {
  constructor(
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  /** A transaction on the global table, at the product's time (`app_now()`, as TenantDb does). */
  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`select set_config('app.now', $1, true)`, [this.clock.now().toISOString()]);
      return fn(em);
    });
  }

  lockByHash(em: EntityManager, tokenHash: string): Promise<PlatformRefreshSession | null> {
    return em
      .createQueryBuilder(PlatformRefreshSession, 's')
      .where('s.token_hash = :tokenHash', { tokenHash })
      .setLock('pessimistic_write')
      .getOne();
  }

  async insert(
    em: EntityManager,
    values: Pick<PlatformRefreshSession, 'userId' | 'actingTenantId' | 'tokenHash' | 'expiresAt' | 'authSessionId'>,
  ): Promise<PlatformRefreshSession> {
    const result = await em.insert(PlatformRefreshSession, values);
    return em.findOneByOrFail(PlatformRefreshSession, { id: (result.identifiers[0] as { id: string }).id });
  }

  async markRotated(em: EntityManager, id: string, replacedById: string, at: Date): Promise<void> {
    await em.update(PlatformRefreshSession, { id }, { revokedAt: at, replacedById });
  }

  revokeChain(em: EntityManager, id: string): Promise<number> {
    return revokeChain(em, 'platform_refresh_sessions', id);
  }
}
