import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './base';

/** "About to send" (before SMTP DATA), per (mail job, recipient): with no `sent_emails` row, the crash window. */
@Entity({ name: 'mail_send_attempts' })
export class MailSendAttempt extends TenantOwnedEntity {
  @Column({ name: 'job_key', type: 'text' })
  jobKey!: string;

  @Column({ name: 'recipient', type: 'citext' })
  recipient!: string;

  /** The Message-ID the email carries on every attempt. */
  @Column({ name: 'message_id', type: 'text' })
  messageId!: string;
}
