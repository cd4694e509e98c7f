import { formatLondonDateTime } from '@tandem/domain';
import { escapeHtml, safeUrl } from '@tandem/platform';
import { invitationEmail } from './invitation-email';

const base = {
  hubName: 'North Careers Hub',
  inviterName: 'Priya Shah',
  roleLabel: 'Enterprise Coordinator',
  acceptUrl: 'https://tandem.example/invitations/accept?token=abc123&x=1',
  expiresAt: new Date('2026-02-03T13:30:00Z'),
};

describe('invitationEmail (built with the one email builder)', () => {
  it('renders subject, html and a plain-text alternative with the link', () => {
    const mail = invitationEmail(base);
    expect(mail.subject).toBe('Priya Shah invited you to North Careers Hub on Tandem');
    expect(mail.html).toContain('href="https://tandem.example/invitations/accept?token=abc123&amp;x=1"');
    expect(mail.text).toContain('https://tandem.example/invitations/accept?token=abc123&x=1');
    expect(mail.text).toContain('Priya Shah has invited you to join North Careers Hub as Enterprise Coordinator.');
    expect(mail.text).not.toMatch(/<[a-z]/i);
  });

  it('is built for mail clients: table layout, inline styles, no external assets or <style>', () => {
    const { html } = invitationEmail(base);
    expect(html).toContain('<table role="presentation"');
    expect(html).not.toMatch(/<style|<link|<script|<img|url\(/i);
    expect(html).not.toMatch(/src=/i);
  });

  it('renders the expiry in Europe/London, naming GMT or BST', () => {
    expect(invitationEmail(base).text).toContain('Tuesday 3 February 2026 at 13:30 (GMT)');
    // 1 July 2026 09:00 UTC is 10:00 in London (BST)
    const summer = invitationEmail({ ...base, expiresAt: new Date('2026-07-01T09:00:00Z') });
    expect(summer.text).toContain('Wednesday 1 July 2026 at 10:00 (BST)');
    // 23:30 UTC on 31 March 2026 is already 1 April in London
    expect(formatLondonDateTime(new Date('2026-03-31T23:30:00Z'))).toBe('Wednesday 1 April 2026 at 00:30 (BST)');
  });

  it('escapes every interpolated value (a malicious name cannot inject markup)', () => {
    const evil = '<script>alert("x")</script><a href="https://evil.example">click</a> & \'quotes\'';
    const { html, subject, text } = invitationEmail({ ...base, hubName: evil, inviterName: evil, roleLabel: evil });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<a href="https://evil.example">');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&amp; &#39;quotes&#39;');
    // plain text and subject stay literal (they are not HTML), but on one line
    expect(text).toContain(evil);
    expect(subject).not.toMatch(/[\r\n]/);
  });

  it('keeps header injection out of the subject', () => {
    const { subject } = invitationEmail({ ...base, inviterName: 'Eve\r\nBcc: everyone@example.org' });
    expect(subject).toBe('Eve Bcc: everyone@example.org invited you to North Careers Hub on Tandem');
  });

  it('refuses non-http links', () => {
    expect(() => invitationEmail({ ...base, acceptUrl: 'javascript:alert(1)' })).toThrow(/http/);
    expect(() => invitationEmail({ ...base, acceptUrl: '/relative' })).toThrow(/absolute/);
    expect(safeUrl('http://localhost:5173/accept?t=1')).toBe('http://localhost:5173/accept?t=1');
  });

  it('escapeHtml covers the five characters', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});
