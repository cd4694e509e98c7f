import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './base';

/** The send log: one row per (job, recipient) the SMTP server accepted. Append-only for the app. */
@Entity({ name: 'sent_emails' })
export class SentEmail extends TenantOwnedEntity {
  /** The BullMQ job id of the mail job (derived from the domain, e.g. `mail.invitation.<id>`). */
  @Column({ name: 'job_key', type: 'text' })
  jobKey!: string;

  @Column({ name: 'kind', type: 'text' })
  kind!: string;

  @Column({ name: 'recipient', type: 'citext' })
  recipient!: string;

  /** The Message-ID the SMTP server accepted. */
  @Column({ name: 'message_id', type: 'text' })
  messageId!: string;

  @Column({ name: 'subject', type: 'text' })
  subject!: string;

  @Column({ name: 'sent_at', type: 'timestamptz', default: () => 'app_now()' })
  sentAt!: Date;
}
