import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { Metrics } from '../observability/metrics';
import { MAIL_MODULE_OPTIONS, type MailModuleOptions } from './mail.options';

export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  contentType?: string;
}

export interface SendMailInput {
  to: string | string[];
  subject: string;
  html: string;
  text: string;
  /** Extra headers, e.g. `{ 'X-Tandem-Kind': 'invitation' }`. */
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  replyTo?: string;
  /** A Message-ID derived from the domain (`<…@…>`): a resend after a crash carries the same id, so mail clients treat it as the same message. */
  messageId?: string;
}

/**
 * Sends mail over one pooled nodemailer SMTP transport. `send` resolves with the SMTP message id
 * once the server has accepted the message and rejects on any SMTP error (4xx included): retrying
 * is the caller's job (the `mail` queue's attempts/backoff), never improvised here.
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Mail;

  constructor(
    @Inject(MAIL_MODULE_OPTIONS) private readonly options: MailModuleOptions,
    // A union type loses its class in decorator metadata: name the token.
    @Optional() @Inject(Metrics) private readonly metrics: Metrics | null = null,
  ) {
    this.transport = createTransport(
      { url: options.smtpUrl, pool: true, maxConnections: options.maxConnections ?? 3 },
      { from: options.from },
    );
  }

  async send(input: SendMailInput): Promise<string> {
    // The kind is one of MailJobKind (a bounded label), never the recipient or subject.
    const kind = /^[a-z_]{1,40}$/.test(input.headers?.['X-Tandem-Kind'] ?? '') ? (input.headers?.['X-Tandem-Kind'] as string) : 'other';
    try {
      const messageId = await this.deliver(input);
      this.metrics?.emailsSent.inc({ kind });
      return messageId;
    } catch (err) {
      this.metrics?.emailFailures.inc({ kind });
      throw err;
    }
  }

  private async deliver(input: SendMailInput): Promise<string> {
    const info = await this.transport.sendMail({
      to: input.to,
      subject: input.subject,
      html: input.html,
      text: input.text,
      headers: input.headers,
      attachments: input.attachments,
      replyTo: input.replyTo,
      messageId: input.messageId,
    });
    const messageId = (info as { messageId?: string }).messageId;
    if (!messageId) throw new Error('SMTP transport returned no message id');
    this.logger.debug(`sent ${messageId} (${input.subject})`);
    return messageId;
  }

  /** Opens a connection and checks the server greets us (for health checks). */
  async verify(): Promise<boolean> {
    return this.transport.verify();
  }

  /**
   * Last, not first (issue 15, finding 5): closing the pool in onModuleDestroy failed every send still
   * running with "Connection pool was closed". The worker drains its queues in
   * beforeApplicationShutdown, so nothing sends any more by now.
   */
  onApplicationShutdown(): void {
    this.transport.close();
  }
}
