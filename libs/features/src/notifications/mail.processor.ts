import { createHash } from 'node:crypto';
import { Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { TenantContext, TenantDb } from '@tandem/persistence';
import {
  MailDeliveryCheck,
  MailService,
  QUEUE_NAMES,
  type ComposedEmail,
  type MailComposer,
  type MailJobKind,
  type MailJobPayload,
} from '@tandem/platform';
import type { Job } from 'bullmq';
import { MAIL_COMPOSERS } from './mail-composers';

export interface MailJobResult {
  sent: number;
  /** Recipients already in the send log (a retry after a successful send), or found delivered by the delivery check. */
  alreadySent: number;
}

/** Who a mail job has reached (`sent_emails`), and whom it started sending to (`mail_send_attempts`). */
interface SendState {
  sent: Set<string>;
  started: Set<string>;
}

/** A Message-ID derived from the job and recipient: the same email always carries the same id. */
export function messageIdFor(jobKey: string, recipient: string, domain = 'tandem.mail'): string {
  const who = createHash('sha256').update(recipient.trim().toLowerCase()).digest('hex').slice(0, 16);
  return `<${jobKey}.${who}@${domain}>`;
}

/**
 * The `mail` queue: reload (composer), check the send log, send, log. A recipient already in
 * `sent_emails` for this job is skipped, so BullMQ's retries (SMTP 4xx, worker restart) never send
 * a message twice once the sender has heard the server accept it. A failure after some recipients
 * were sent retries only the rest.
 *
 * The crash window (issue 15, finding 4): a server commits a message at the end of DATA and then
 * answers 250; a worker that dies in between never logs the send. So "about to send" is recorded
 * first (`mail_send_attempts`); a retry that finds that record without a send-log row asks the
 * provider (`MailDeliveryCheck`, by Message-ID) and sends again only if the message was not
 * committed, or if nobody can tell (plain SMTP), then with the same Message-ID. A server's refusal
 * (an SMTP error reply) commits nothing, so its record is removed.
 */
@Processor(QUEUE_NAMES.mail, { concurrency: 16 })
export class MailProcessor extends WorkerHost implements OnModuleInit {
  private readonly logger = new Logger(MailProcessor.name);
  private composers = new Map<MailJobKind, MailComposer>();

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly db: TenantDb,
    private readonly mail: MailService,
    private readonly delivery: MailDeliveryCheck,
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
      const { emails, state } = await this.db.transaction(async () => {
        const composed = await composer.compose(payload as never);
        return {
          emails: composed,
          state: composed.length ? await this.sendState(jobKey) : { sent: new Set<string>(), started: new Set<string>() },
        };
      });
      const result: MailJobResult = { sent: 0, alreadySent: 0 };
      for (const email of emails) {
        const to = email.to.trim().toLowerCase();
        if (state.sent.has(to) || (state.started.has(to) && (await this.committedBefore(jobKey, payload.kind, email)))) {
          result.alreadySent += 1;
          continue;
        }
        await this.sendAndLog(jobKey, payload.kind, email);
        state.sent.add(to);
        result.sent += 1;
      }
      return result;
    });
  }

  /** Whom this job has reached, and whom it started sending to (one look-up per job, not per recipient). */
  private async sendState(jobKey: string): Promise<SendState> {
    const rows: Array<{ recipient: string; sent: boolean }> = await this.db.transaction((em) =>
      em.query(
        `select recipient, true as sent from sent_emails where job_key = $1
         union all
         select recipient, false from mail_send_attempts where job_key = $1`,
        [jobKey],
      ),
    );
    const state: SendState = { sent: new Set(), started: new Set() };
    for (const r of rows) (r.sent ? state.sent : state.started).add(r.recipient.trim().toLowerCase());
    return state;
  }

  /**
   * An earlier attempt was cut off after it began (the crash window): did the server commit it?
   * Yes: log it as sent and send nothing. No, or nobody can tell: send again (same Message-ID).
   */
  private async committedBefore(jobKey: string, kind: MailJobKind, email: ComposedEmail): Promise<boolean> {
    const messageId = messageIdFor(jobKey, email.to);
    const answer = await this.delivery.check(messageId);
    if (answer === 'accepted') {
      await this.logSent(jobKey, kind, email, messageId);
      this.logger.log(`found ${kind} ${jobKey} (${messageId}) delivered by an earlier attempt; not sent again`);
      return true;
    }
    if (answer === 'unknown')
      this.logger.warn(
        `resending ${kind} ${jobKey} (${messageId}): an earlier attempt may have been delivered; the copy carries the same Message-ID`,
      );
    return false;
  }

  private async sendAndLog(jobKey: string, kind: MailJobKind, email: ComposedEmail): Promise<void> {
    const ownId = messageIdFor(jobKey, email.to);
    await this.db.transaction((em) =>
      em.query(
        `insert into mail_send_attempts (tenant_id, job_key, recipient, message_id)
         values (app_current_tenant(), $1, $2, $3) on conflict (tenant_id, job_key, recipient) do nothing`,
        [jobKey, email.to, ownId],
      ),
    );
    let messageId: string;
    try {
      messageId = await this.mail.send({
        to: email.to,
        subject: email.rendered.subject,
        html: email.rendered.html,
        text: email.rendered.text,
        attachments: email.attachments,
        headers: { 'X-Tandem-Kind': kind, ...email.headers },
        messageId: ownId,
      });
    } catch (err) {
      // The server answered with an error: it committed nothing, so a retry need not ask.
      if (typeof (err as { responseCode?: unknown }).responseCode === 'number') {
        await this.db.transaction((em) =>
          em.query('delete from mail_send_attempts where job_key = $1 and recipient = $2', [jobKey, email.to]),
        );
      }
      throw err;
    }
    await this.logSent(jobKey, kind, email, messageId);
    this.logger.log(`sent ${kind} ${jobKey} (${messageId})`);
  }

  /** The send log row, and the "sending" record gone with it (it matters only until then: the table stays small). */
  private async logSent(jobKey: string, kind: MailJobKind, email: ComposedEmail, messageId: string): Promise<void> {
    await this.db.transaction(async (em) => {
      await em.query(
        `insert into sent_emails (tenant_id, job_key, kind, recipient, message_id, subject)
         values (app_current_tenant(), $1, $2, $3, $4, $5) on conflict (tenant_id, job_key, recipient) do nothing`,
        [jobKey, kind, email.to, messageId, email.rendered.subject],
      );
      await em.query('delete from mail_send_attempts where job_key = $1 and recipient = $2', [jobKey, email.to]);
    });
  }
}
