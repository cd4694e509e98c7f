import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { startSmtpSink, type SmtpSink } from '@tandem/test-support';
import { MailModule } from './mail.module';
import { MailService } from './mail.service';
import { formatLondonDateTime } from '@tandem/domain';
import { btn, h, p, renderEmail } from './templates';

describe('MailService over SMTP (real smtp-server sink)', () => {
  let sink: SmtpSink;
  let app: INestApplicationContext;
  let mail: MailService;

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await NestFactory.createApplicationContext(MailModule.forRoot({ smtpUrl: sink.url, from: 'Tandem <no-reply@tandem.test>' }), {
      logger: false,
    });
    mail = app.get(MailService);
  });

  afterEach(() => sink.clear());

  afterAll(async () => {
    await app?.close();
    await sink?.close();
  });

  it('delivers an email built from blocks with subject, recipient, html, text and the link', async () => {
    const acceptUrl = 'http://localhost:5173/invitations/accept?token=tok_123&hub=north';
    const rendered = renderEmail({
      subject: 'Priya "P" Shah invited you to North <Careers> Hub on Tandem',
      preheader: 'Join North <Careers> Hub',
      blocks: [
        h('Join North <Careers> Hub'),
        btn('Accept the invitation', acceptUrl),
        p('Expires ', { strong: formatLondonDateTime(new Date('2026-02-03T13:30:00Z')) }),
      ],
      footer: 'You received this because someone invited you.',
    });
    const messageId = await mail.send({ to: 'Ada@Example.org', ...rendered, headers: { 'X-Tandem-Kind': 'invitation' } });
    expect(messageId).toMatch(/^<.+@.+>$/);

    const received = await sink.waitFor((m) => m.to.includes('ada@example.org'));
    expect(received.messageId).toBe(messageId);
    expect(received.subject).toBe('Priya "P" Shah invited you to North <Careers> Hub on Tandem');
    expect(received.envelope).toEqual({ from: 'no-reply@tandem.test', to: ['ada@example.org'] });
    expect(received.from).toContain('no-reply@tandem.test');
    expect(received.headers.get('x-tandem-kind')).toBe('invitation');
    expect(received.html).toContain('North &lt;Careers&gt; Hub');
    expect(received.html).toContain('href="http://localhost:5173/invitations/accept?token=tok_123&amp;hub=north"');
    expect(received.text).toContain(acceptUrl);
    expect(received.text).toContain('Tuesday 3 February 2026 at 13:30 (GMT)');
    // multipart/alternative: both parts really travel
    expect(received.raw).toMatch(/multipart\/alternative/);
  });

  it('rejects on a temporary SMTP failure (so the queue retries) and sends on the next attempt', async () => {
    sink.failNext(1, 451);
    const message = { to: 'retry@example.org', subject: 'Retry me', html: '<p>hi</p>', text: 'hi' };
    await expect(mail.send(message)).rejects.toMatchObject({ responseCode: 451 });
    expect(sink.messages).toHaveLength(0);

    const id = await mail.send(message);
    const received = await sink.waitFor((m) => m.messageId === id);
    expect(received.subject).toBe('Retry me');
    expect(sink.messages).toHaveLength(1);
  });

  it('sends attachments (e.g. an iCalendar invite)', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tandem//EN\r\nEND:VCALENDAR\r\n';
    const id = await mail.send({
      to: ['a@example.org', 'b@example.org'],
      subject: 'Booking confirmed',
      html: '<p>Booked</p>',
      text: 'Booked',
      attachments: [{ filename: 'booking.ics', content: ics, contentType: 'text/calendar; method=REQUEST' }],
    });
    const received = await sink.waitFor((m) => m.messageId === id);
    expect(received.to).toEqual(['a@example.org', 'b@example.org']);
    expect(received.attachments).toHaveLength(1);
    expect(received.attachments[0]?.filename).toBe('booking.ics');
    expect(received.attachments[0]?.content.toString('utf8')).toBe(ics);
  });

  it('waitFor times out with a readable message', async () => {
    await expect(sink.waitFor((m) => m.subject === 'never', 100)).rejects.toThrow(/no matching message within 100 ms/);
  });
});
