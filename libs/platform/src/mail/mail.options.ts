export const MAIL_MODULE_OPTIONS = Symbol('MAIL_MODULE_OPTIONS');

export interface MailModuleOptions {
  /** `SMTP_URL`, e.g. smtp://127.0.0.1:1025 or smtps://user:pass@smtp.example.org:465. */
  smtpUrl: string;
  /** `MAIL_FROM`, e.g. `"Tandem" <no-reply@tandem.local>`. */
  from: string;
  /** Pooled connections (default 3). */
  maxConnections?: number;
  /** `MAIL_DELIVERY_CHECK_URL`: where to ask whether a Message-ID was committed (see MailDeliveryCheck). */
  deliveryCheckUrl?: string | null;
}
