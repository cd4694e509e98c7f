import { DEFAULT_JOB_OPTIONS, QUEUE_JOB_OPTIONS, jobIdFor, jobIdFrom, type MailJobPayload } from './queues';
import { AppConfig } from '../config/app-config';
import { queueOptionsFrom } from './queue.options';

const uuid = '3f2b8c1e-9a4d-4e2f-8b7a-1c2d3e4f5a6b';

describe('job ids', () => {
  it('derives import ids from the import job', () => {
    expect(jobIdFor.imports({ tenantId: 't', importJobId: uuid })).toBe(`import.${uuid}`);
  });

  it('derives matching ids from the run', () => {
    expect(jobIdFor.matching({ tenantId: 't', runId: uuid })).toBe(`matching.${uuid}`);
  });

  // Platform knows no mail kinds (features declare them); these payloads stand for any feature's.
  const mail = (payload: object): string => jobIdFor.mail(payload as MailJobPayload);

  it('derives mail ids from kind and ids, never from the tenant alone', () => {
    expect(mail({ tenantId: 't', kind: 'invitation', invitationId: uuid })).toBe(`mail.invitation.${uuid}`);
  });

  it('orders a mail job id by field name, numbers after their initial, however the payload was built or stored', () => {
    const expected = `mail.booking_reminder.${uuid}.d7.v3`;
    expect(mail({ tenantId: 't', kind: 'booking_reminder', bookingId: uuid, version: 3, daysBefore: 7 })).toBe(expected);
    // jsonb hands keys back shortest first: the same job, the same id.
    expect(mail({ kind: 'booking_reminder', version: 3, tenantId: 't', bookingId: uuid, daysBefore: 7 })).toBe(expected);
    expect(mail({ tenantId: 't', kind: 'booking_reminder', bookingId: uuid, version: 4, daysBefore: 7 })).not.toBe(expected);
  });

  it('never produces ids BullMQ 6 rejects', () => {
    expect(() => jobIdFrom('import', 'a:b')).toThrow(/must not contain/);
    expect(() => jobIdFrom('import', 'a.b')).toThrow(/must not contain/);
    expect(() => jobIdFrom('import', '')).toThrow(/non-empty/);
    expect(() => jobIdFrom('42')).toThrow(/integer/);
    expect(jobIdFor.imports({ tenantId: 't', importJobId: uuid })).not.toContain(':');
  });
});

describe('job options', () => {
  it('has explicit attempts and exponential backoff on every queue', () => {
    for (const opts of [DEFAULT_JOB_OPTIONS, ...Object.values(QUEUE_JOB_OPTIONS)]) {
      expect(opts.attempts).toBeGreaterThan(1);
      expect(opts.backoff).toMatchObject({ type: 'exponential' });
      expect(opts.removeOnComplete).toMatchObject({ age: expect.any(Number) });
    }
  });

  it('takes REDIS_URL, QUEUE_PREFIX, QUEUE_BACKEND and QUEUE_PG_SCHEMA from AppConfig', () => {
    expect(queueOptionsFrom(AppConfig.fromEnv({}))).toEqual({ backend: 'redis', redisUrl: 'redis://127.0.0.1:6379', prefix: undefined });
    expect(queueOptionsFrom(AppConfig.fromEnv({ REDIS_URL: 'redis://r:6380/2', QUEUE_PREFIX: 'hub-7' }))).toMatchObject({
      redisUrl: 'redis://r:6380/2',
      prefix: 'hub-7',
    });
    expect(
      queueOptionsFrom(AppConfig.fromEnv({ QUEUE_BACKEND: 'postgres', DATABASE_URL: 'postgres://a@db/t', QUEUE_PG_SCHEMA: 'public' })),
    ).toMatchObject({
      backend: 'postgres',
      postgres: { connectionString: 'postgres://a@db/t', schema: 'public' },
    });
  });
});
