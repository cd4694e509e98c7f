import { randomBytes } from 'node:crypto';
import { AppConfig, ConfigError, DEV_ACCESS_TOKEN_KEYS, DEV_LINK_KEYS } from './app-config';

describe('AppConfig', () => {
  it('has local defaults', () => {
    const c = AppConfig.fromEnv({});
    expect(c.databaseUrl).toBe('postgres://tandem_app:tandem_app@127.0.0.1:5432/tandem');
    expect(c.adminStaticDir).toBeNull();
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.queueBackend).toBe('redis');
    expect(c.smtpUrl).toBe('smtp://127.0.0.1:1025');
    expect(c.mailFrom).toBe('Tandem <no-reply@tandem.local>');
    expect(c.accessTokenKeys.current.id).toBe('dev');
    expect(c.linkKeys.current.secret).not.toBe(c.accessTokenKeys.current.secret);
    expect(c.trustProxy).toBe(false);
    expect(c.accessTokenTtlSeconds).toBe(900);
    expect(c.refreshTokenTtlDays).toBe(30);
    expect(c.invitationTtlHours).toBe(72);
    expect(c.publicAppUrl).toBe('http://localhost:5173');
    expect(c.apiPort).toBe(3000);
    expect(c.logLevel).toBe('info');
    expect(c.isProduction).toBe(false);
    expect([c.apiDatabasePoolSize, c.workerDatabasePoolSize]).toEqual([10, 5]);
  });

  it('reads retention periods, refuses periods under their floor, and keeps the send log at least as long as the outbox', () => {
    const c = AppConfig.fromEnv({});
    expect(c.retention).toEqual({
      outbox: 30,
      sent_emails: 400,
      auth_sessions: 30,
      auth_throttle: 2,
      password_resets: 30,
      audit_log: 2557,
    });
    expect(c.describe()).toMatchObject({ RETENTION_AUDIT_DAYS: 2557, RETENTION_OUTBOX_DAYS: 30, RETENTION_BATCH_SIZE: 5000 });
    expect(AppConfig.fromEnv({ RETENTION_AUDIT_DAYS: '3650', RETENTION_OUTBOX_DAYS: '7' }).retention).toMatchObject({
      audit_log: 3650,
      outbox: 7,
    });
    expect(() => AppConfig.fromEnv({ RETENTION_AUDIT_DAYS: '30' })).toThrow(/RETENTION_AUDIT_DAYS must be a whole number from 365/);
    expect(() => AppConfig.fromEnv({ RETENTION_SENT_EMAILS_DAYS: '100' })).toThrow(
      /RETENTION_SENT_EMAILS_DAYS must be a whole number from 366/,
    );
    expect(() => AppConfig.fromEnv({ RETENTION_OUTBOX_DAYS: '500', RETENTION_SENT_EMAILS_DAYS: '400' })).toThrow(
      /RETENTION_SENT_EMAILS_DAYS must be at least RETENTION_OUTBOX_DAYS/,
    );
  });

  it('reads pool sizes and refuses a pool of none or more than 200', () => {
    expect(AppConfig.fromEnv({ API_DATABASE_POOL_SIZE: '20', WORKER_DATABASE_POOL_SIZE: '3' })).toMatchObject({
      apiDatabasePoolSize: 20,
      workerDatabasePoolSize: 3,
    });
    expect(() => AppConfig.fromEnv({ API_DATABASE_POOL_SIZE: '0' })).toThrow(/API_DATABASE_POOL_SIZE must be a whole number from 1 to 200/);
    expect(() => AppConfig.fromEnv({ WORKER_DATABASE_POOL_SIZE: '500' })).toThrow(/WORKER_DATABASE_POOL_SIZE/);
  });

  it('never reads or prints the owner URL: only the migrate CLI holds it', () => {
    const c = AppConfig.fromEnv({ DATABASE_OWNER_URL: 'postgres://tandem_owner:owner-password-not-for-pods@db:5432/tandem' });
    expect(Object.values(c)).not.toContain('postgres://tandem_owner:owner-password-not-for-pods@db:5432/tandem');
    expect(JSON.stringify(c.describe())).not.toMatch(/tandem_owner|DATABASE_OWNER_URL/);
  });

  it('reads values and names each bad variable', () => {
    expect(AppConfig.fromEnv({ QUEUE_BACKEND: 'postgres', API_PORT: '0', PUBLIC_APP_URL: 'https://app.example.org/' })).toMatchObject({
      queueBackend: 'postgres',
      apiPort: 0,
      publicAppUrl: 'https://app.example.org',
    });
    let error: unknown;
    try {
      AppConfig.fromEnv({
        API_PORT: 'abc',
        QUEUE_BACKEND: 'kafka',
        DATABASE_URL: 'mysql://x@y/z',
        REDIS_URL: 'not a url',
        LOG_LEVEL: 'loud',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['API_PORT', 'QUEUE_BACKEND', 'DATABASE_URL', 'REDIS_URL', 'LOG_LEVEL']) expect(problems).toContain(name);
    expect((error as ConfigError).problems).toHaveLength(5);
  });

  describe('production secrets (finding 1)', () => {
    const random = (): string => randomBytes(36).toString('base64url');
    const good = (): Record<string, string> => ({
      NODE_ENV: 'production',
      ACCESS_TOKEN_KEYS: `a1:${random()}`,
      LINK_KEYS: `l1:${random()}`,
      DATABASE_URL: 'postgres://tandem_app@db.internal:5432/tandem',
      REDIS_URL: 'redis://redis.internal:6379',
      SMTP_URL: 'smtp://smtp.internal:587',
      PUBLIC_APP_URL: 'https://app.example.org',
      PUBLIC_API_URL: 'https://api.example.org',
    });
    const problems = (env: Record<string, string>): string => {
      try {
        AppConfig.fromEnv(env);
        return '';
      } catch (e) {
        return (e as ConfigError).problems.join('\n');
      }
    };

    it('starts with random keys of its own', () => {
      expect(problems(good())).toBe('');
      expect(
        AppConfig.fromEnv({ ...good(), ACCESS_TOKEN_KEYS: 'new:' + random() + ',old:' + random() }).accessTokenKeys.keys.map((k) => k.id),
      ).toEqual(['new', 'old']);
    });

    it('refuses missing or local addresses, one line naming each setting (issue 15, finding 7)', () => {
      const { DATABASE_URL: _d, SMTP_URL: _s, ...withoutTwo } = good();
      expect(
        problems({
          ...withoutTwo,
          REDIS_URL: 'redis://127.0.0.1:6379',
          PUBLIC_APP_URL: 'http://localhost:5173',
          PUBLIC_API_URL: 'http://[::1]:3000',
        }).split('\n'),
      ).toEqual([
        'DATABASE_URL must be set in production (its default points at this machine)',
        'REDIS_URL must not point at this machine in production (got host "127.0.0.1")',
        'SMTP_URL must be set in production (its default points at this machine)',
        'PUBLIC_APP_URL must not point at this machine in production (got host "localhost")',
        'PUBLIC_API_URL must not point at this machine in production (got host "[::1]")',
      ]);
      // Without Redis (QUEUE_BACKEND=postgres) REDIS_URL is not needed.
      const { REDIS_URL: _r, ...withoutRedis } = good();
      expect(problems({ ...withoutRedis, QUEUE_BACKEND: 'postgres' })).toBe('');
      // Outside production the local defaults stand.
      expect(AppConfig.fromEnv({}).publicAppUrl).toBe('http://localhost:5173');
    });

    it('listens on HOST: 0.0.0.0 in production, this machine only otherwise, unless set', () => {
      expect(AppConfig.fromEnv(good()).host).toBe('0.0.0.0');
      expect(AppConfig.fromEnv({}).host).toBe('127.0.0.1');
      expect(AppConfig.fromEnv({ HOST: '10.1.2.3' }).host).toBe('10.1.2.3');
      expect(problems({ ...good(), HOST: 'not a host' })).toMatch(/^HOST must be an address/);
    });

    it('needs both key rings', () => {
      expect(problems({ NODE_ENV: 'production' })).toMatch(
        /ACCESS_TOKEN_KEYS must be set in production[\s\S]*LINK_KEYS must be set in production/,
      );
    });

    it('refuses the development keys, placeholders, short or repetitive keys, and one key for both jobs', () => {
      expect(problems({ ...good(), ACCESS_TOKEN_KEYS: DEV_ACCESS_TOKEN_KEYS })).toMatch(
        /ACCESS_TOKEN_KEYS key "dev" is committed in the repository/,
      );
      expect(problems({ ...good(), LINK_KEYS: DEV_LINK_KEYS })).toMatch(/LINK_KEYS key "dev" is committed/);
      expect(problems({ ...good(), ACCESS_TOKEN_KEYS: 'k:dev-only-secret-change-me-0123456789abcdef' })).toMatch(/placeholder/);
      expect(problems({ ...good(), ACCESS_TOKEN_KEYS: 'k:short' })).toMatch(/at least 32 characters/);
      expect(problems({ ...good(), ACCESS_TOKEN_KEYS: `k:${'ab'.repeat(20)}` })).toMatch(/not random enough/);
      const shared = random();
      expect(problems({ ...good(), ACCESS_TOKEN_KEYS: `a:${shared}`, LINK_KEYS: `l:${shared}` })).toMatch(/must not share a key/);
      expect(problems({ ...good(), ACCESS_TOKEN_KEYS: 'no-id-here' })).toMatch(/must be "id:secret"/);
    });

    it('refuses a committed, short or placeholder password in a connection URL, and allows none', () => {
      expect(problems({ ...good(), DATABASE_URL: 'postgres://app:tandem_app@db.internal:5432/tandem' })).toMatch(
        /DATABASE_URL password must be at least 32/,
      );
      expect(problems({ ...good(), DATABASE_URL: 'postgres://tandem_app:tandem_app@db.internal:5432/tandem' })).toMatch(
        /DATABASE_URL password must not be the user name/,
      );
      expect(problems({ ...good(), REDIS_URL: 'redis://:change-me-please-0123456789abcdefghijkl@redis:6379' })).toMatch(
        /REDIS_URL password looks like a placeholder/,
      );
      expect(problems({ ...good(), SMTP_URL: `smtp://mailer:${random()}@smtp.internal:587` })).toBe('');
      expect(problems({ ...good(), REDIS_URL: 'redis://redis:6379' })).toBe('');
    });
  });

  it('TRUST_PROXY: off by default, a hop count or proxy addresses; anything else is refused', () => {
    expect(AppConfig.fromEnv({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(AppConfig.fromEnv({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toBe('10.0.0.0/8, 127.0.0.1');
    expect(() => AppConfig.fromEnv({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });

  it('masks secrets in describe()', () => {
    const d = AppConfig.fromEnv({ ACCESS_TOKEN_KEYS: 'k9:super-secret-value-123', REDIS_URL: 'redis://:pw@redis:6379' }).describe();
    expect(d['ACCESS_TOKEN_KEYS']).toBe('key ids k9 (secrets hidden)');
    expect(d['DATABASE_URL']).toBe('postgres://tandem_app:***@127.0.0.1:5432/tandem');
    expect(d['REDIS_URL']).toBe('redis://:***@redis:6379');
    expect(d['API_PORT']).toBe(3000);
    expect(JSON.stringify(d)).not.toContain('super-secret');
  });
});

describe('ConfigModule / LoggingModule', () => {
  it('provide AppConfig and JsonLogger through Nest DI', async () => {
    const { NestFactory } = await import('@nestjs/core');
    const { Module } = await import('@nestjs/common');
    const { ConfigModule } = await import('./config.module');
    const { LoggingModule } = await import('../logging/logging.module');
    const { JsonLogger } = await import('../logging/json-logger');
    @Module({ imports: [ConfigModule.forConfig(AppConfig.fromEnv({ LOG_LEVEL: 'debug' })), LoggingModule] })
    class M {}
    const ctx = await NestFactory.createApplicationContext(M, { logger: false });
    expect(ctx.get(AppConfig).logLevel).toBe('debug');
    expect(ctx.get(JsonLogger).isEnabled('debug')).toBe(true);
    await ctx.close();
  });
});
