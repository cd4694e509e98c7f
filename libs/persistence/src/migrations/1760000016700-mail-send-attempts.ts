import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from './sql-helpers';

/**
 * Issue 15, finding 4: the mail processor records that it is about to send (before the SMTP DATA
 * phase) here, and logs the send in `sent_emails` after the server's 250. A row here without one in
 * `sent_emails` is the crash window: the server may have committed the message without the sender
 * hearing so. A retry then asks the delivery check (if one is configured) before sending again.
 * The app may delete its own marker when the server refused the message (nothing was committed).
 */
export class MailSendAttempts1760000016700 implements MigrationInterface {
  name = 'MailSendAttempts1760000016700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
create table mail_send_attempts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants (id),
  job_key text not null check (length(job_key) between 1 and 300),
  recipient citext not null check (length(recipient) between 3 and 320),
  message_id text not null check (length(message_id) between 1 and 500),
  created_at timestamptz not null default app_now(),
  updated_at timestamptz not null default app_now(),
  constraint mail_send_attempts_tenant_id_id_key unique (tenant_id, id),
  constraint mail_send_attempts_job_recipient_key unique (tenant_id, job_key, recipient)
);
revoke update, truncate on mail_send_attempts from tandem_app;
${tenantRlsSql('mail_send_attempts')}
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists mail_send_attempts;`);
  }
}
