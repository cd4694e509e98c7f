import { createHash } from 'node:crypto';
import { Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { TenantContext, TenantDb } from '@tandem/persistence';
import { MailService, QUEUE_NAMES, type ComposedEmail, type MailComposer, type MailJobKind, type MailJobPayload } from '@tandem/platform';
import type { Job } from 'bullmq';
import { MAIL_COMPOSERS } from './mail-composers';

export interface MailJobResult {
  sent: number;
  /** Recipients already in the send log (a retry after a successful send). */
  alreadySent: number;
}

/** A Message-ID derived from the job and recipient: the same email always carries the same id. */
export function messageIdFor(jobKey: string, recipient: string, domain = 'tandem.mail'): string {
  const who = createHash('sha256').update(recipient.trim().toLowerCase()).digest('hex').slice(0, 16);
  return `<${jobKey}.${who}@${domain}>`;
}

/**
 * The `mail` queue: reload (composer), check the send log, send, log. A recipient already in
 * `sent_emails` for this job is skipped, so BullMQ's retries (SMTP 4xx, worker restart) never send
 * a message twice once the server has accepted it. A failure after some recipients were sent
 * retries only the rest.
 */
@Processor(QUEUE_NAMES.mail, { concurrency: 16 })
export class MailProcessor extends WorkerHost implements OnModuleInit {
  private readonly logger = new Logger(MailProcessor.name);
  private composers = new Map<MailJobKind, MailComposer>();

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly db: TenantDb,
    private readonly mail: MailService,
  ) {
    super();
  }

  onModuleInit(): void {
    for (const [kind, type] of Object.entries(MAIL_COMPOSERS) as Array<[MailJobKind, (typeof MAIL_COMPOSERS)[MailJobKind]]>) {
      this.composers.set(kind, this.moduleRef.get(type, { strict: false }) as MailComposer);
    }
  }

  async process(job: Job<MailJobPayload>): Promise<MailJobResult> {
    const payload = job.data;
    const jobKey = job.id ?? job.name;
    return TenantContext.run({ tenantId: payload.tenantId, actorUserId: null, correlationId: jobKey }, async () => {
      const composer = this.composers.get(payload.kind);
      if (!composer) throw new Error(`no mail composer for kind "${payload.kind}"`);
      // Compose and read the send log in one transaction (the composer's joins it).
      const { emails, sentBefore } = await this.db.transaction(async () => {
        const composed = await composer.compose(payload as never);
        return { emails: composed, sentBefore: composed.length ? await this.sentRecipients(jobKey) : new Set<string>() };
      });
      const result: MailJobResult = { sent: 0, alreadySent: 0 };
      for (const email of emails) {
        if (sentBefore.has(email.to.trim().toLowerCase())) {
          result.alreadySent += 1;
          continue;
        }
        await this.sendAndLog(jobKey, payload.kind, email);
        sentBefore.add(email.to.trim().toLowerCase());
        result.sent += 1;
      }
      return result;
    });
  }

  /** Who this job has already reached (one look-up per job, not per recipient). */
  private async sentRecipients(jobKey: string): Promise<Set<string>> {
    const rows: Array<{ recipient: string }> = await this.db.transaction((em) => em.query('select recipient from sent_emails where job_key = $1', [jobKey]));
    return new Set(rows.map((r) => r.recipient.trim().toLowerCase()));
  }

  private async sendAndLog(jobKey: string, kind: MailJobKind, email: ComposedEmail): Promise<void> {
    const messageId = await this.mail.send({
      to: email.to,
      subject: email.rendered.subject,
      html: email.rendered.html,
      text: email.rendered.text,
      attachments: email.attachments,
      headers: { 'X-Tandem-Kind': kind, ...email.headers },
      messageId: messageIdFor(jobKey, email.to),
    });
    await this.db.transaction((em) =>
      em.query(
        `insert into sent_emails (tenant_id, job_key, kind, recipient, message_id, subject)
         values (app_current_tenant(), $1, $2, $3, $4, $5) on conflict (tenant_id, job_key, recipient) do nothing`,
        [jobKey, kind, email.to, messageId, email.rendered.subject],
      ),
    );
    this.logger.log(`sent ${kind} ${jobKey} (${messageId})`);
  }
}
