import { AppConfig, ConfigError, DEV_JWT_SECRET } from './app-config';

describe('AppConfig', () => {
  it('has local defaults', () => {
    const c = AppConfig.fromEnv({});
    expect(c.databaseUrl).toBe('postgres://tandem_app:tandem_app@127.0.0.1:5432/tandem');
    expect(c.databaseOwnerUrl).toBe('postgres://tandem_owner:tandem_owner@127.0.0.1:5432/tandem');
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.queueBackend).toBe('redis');
    expect(c.smtpUrl).toBe('smtp://127.0.0.1:1025');
    expect(c.mailFrom).toBe('Tandem <no-reply@tandem.local>');
    expect(c.jwtSecret).toBe(DEV_JWT_SECRET);
    expect(c.accessTokenTtlSeconds).toBe(900);
    expect(c.refreshTokenTtlDays).toBe(30);
    expect(c.invitationTtlHours).toBe(72);
    expect(c.publicAppUrl).toBe('http://localhost:5173');
    expect(c.apiPort).toBe(3000);
    expect(c.logLevel).toBe('info');
    expect(c.isProduction).toBe(false);
  });

  it('reads values and names each bad variable', () => {
    expect(AppConfig.fromEnv({ QUEUE_BACKEND: 'postgres', API_PORT: '0', PUBLIC_APP_URL: 'https://app.example.org/' })).toMatchObject({
      queueBackend: 'postgres',
      apiPort: 0,
      publicAppUrl: 'https://app.example.org',
    });
    let error: unknown;
    try {
      AppConfig.fromEnv({ API_PORT: 'abc', QUEUE_BACKEND: 'kafka', DATABASE_URL: 'mysql://x@y/z', REDIS_URL: 'not a url', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['API_PORT', 'QUEUE_BACKEND', 'DATABASE_URL', 'REDIS_URL', 'LOG_LEVEL']) expect(problems).toContain(name);
    expect((error as ConfigError).problems).toHaveLength(5);
  });

  it('refuses to start in production without a real JWT secret', () => {
    expect(() => AppConfig.fromEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET must be set in production/);
    expect(() => AppConfig.fromEnv({ NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET })).toThrow(/development default/);
    expect(() => AppConfig.fromEnv({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/at least 32/);
    expect(AppConfig.fromEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).jwtSecret).toBe('x'.repeat(40));
  });

  it('masks secrets in describe()', () => {
    const d = AppConfig.fromEnv({ JWT_SECRET: 'super-secret-value-123', REDIS_URL: 'redis://:pw@redis:6379' }).describe();
    expect(d['JWT_SECRET']).toBe('***');
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
