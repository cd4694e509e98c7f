/** What the mail provider says about a Message-ID we may have sent. */
export type DeliveryAnswer = 'accepted' | 'not-accepted' | 'unknown';

/**
 * Asks the mail provider whether it has committed a message, by its Message-ID, before a retry
 * resends one whose first attempt was cut off after DATA (issue 15, finding 4). Plain SMTP has no such
 * question, so without `MAIL_DELIVERY_CHECK_URL` the answer is always `unknown` and the retry resends
 * (with the same Message-ID, which mail clients collapse). With it: `GET <url>?messageId=<id>` must
 * answer 200 `{"accepted": true|false}`; a small adapter puts a provider's message search (by
 * Message-ID) behind that, and the test SMTP sink answers it itself. Any other answer, or none
 * within 5 s, is `unknown` (resend: never lose an email for want of an answer).
 */
export class MailDeliveryCheck {
  constructor(private readonly url: string | null) {}

  get configured(): boolean {
    return this.url !== null;
  }

  async check(messageId: string, timeoutMs = 5_000): Promise<DeliveryAnswer> {
    if (!this.url) return 'unknown';
    try {
      const target = new URL(this.url);
      target.searchParams.set('messageId', messageId);
      const res = await fetch(target, { signal: AbortSignal.timeout(timeoutMs) });
      if (res.status !== 200) return 'unknown';
      const body = (await res.json()) as { accepted?: unknown };
      return body.accepted === true ? 'accepted' : body.accepted === false ? 'not-accepted' : 'unknown';
    } catch {
      return 'unknown';
    }
  }
}
