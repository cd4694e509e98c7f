import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One failed log-in attempt for an email (GLOBAL: log-in precedes any tenant). Used to throttle. */
@Entity({ name: 'login_failures' })
export class LoginFailure {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'email', type: 'citext' })
  email!: string;

  @Column({ name: 'failed_at', type: 'timestamptz' })
  failedAt!: Date;
}
