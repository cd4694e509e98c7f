import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One attempt counter (GLOBAL: log-in precedes any tenant). `bucket` is the kind and a hash of what
 * is counted (an account's email, a source address), never the value itself. Written only by the
 * atomic upsert in LoginThrottle.
 */
@Entity({ name: 'auth_throttle' })
export class AuthThrottleCounter {
  @PrimaryColumn({ name: 'bucket', type: 'text' })
  bucket!: string;

  @Column({ name: 'attempts', type: 'integer' })
  attempts!: number;

  @Column({ name: 'window_started_at', type: 'timestamptz' })
  windowStartedAt!: Date;
}
