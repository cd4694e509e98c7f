import { linkPage, preferencesPage } from './link-pages';

const summary = {
  title: 'Mock interviews',
  schoolName: 'Northfield <Academy>',
  employerName: 'Aire',
  when: 'Tuesday 3 February 2026 at 13:30–15:00 (GMT)',
  pupils: '25 pupils in Year 11',
};

describe('public link pages', () => {
  it('asks before accepting (a GET changes nothing) with one form that posts back', () => {
    const page = linkPage({ kind: 'ask', action: 'accept', summary, problems: [], values: { reason: '', proposedAlternative: '' } });
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="en-GB">');
    expect(page.html).toContain('<h1>Accept this request?</h1>');
    expect(page.html).toContain('<form method="post">');
    expect(page.html).toContain('Northfield &lt;Academy&gt;');
    expect(page.html).not.toMatch(/<script/i);
  });

  it('labels the decline form and ties each error to its field', () => {
    const page = linkPage({
      kind: 'ask',
      action: 'decline',
      summary,
      problems: [{ field: 'form.reason', code: 'INVALID_TEXT', message: 'form.reason must be at most 1000 characters (got 1001)' }],
      values: { reason: '"quoted" <b>', proposedAlternative: '' },
    });
    expect(page.status).toBe(400);
    expect(page.html).toContain('<label for="reason">');
    expect(page.html).toContain('aria-describedby="reason-hint reason-error" aria-invalid="true"');
    expect(page.html).toContain('<p class="field-error" id="reason-error">Your reason must be at most 1000 characters (got 1001)</p>');
    expect(page.html).toContain('&quot;quoted&quot; &lt;b&gt;</textarea>');
    expect(page.html).toContain('role="alert"');
  });

  it('refuses clearly: used, expired, superseded, closed, unknown', () => {
    const refused = (verdict: 'used' | 'expired' | 'superseded' | 'closed' | 'already_answered') =>
      linkPage({
        kind: 'refused',
        verdict,
        action: 'accept',
        summary,
        usedAction: 'decline',
        usedAt: 'Monday 2 February 2026 at 10:00 (GMT)',
        state: 'cancelled',
      });
    expect(refused('used')).toMatchObject({ status: 410 });
    expect(refused('used').html).toContain('This request was declined on Monday 2 February 2026 at 10:00 (GMT).');
    expect(refused('expired').html).toContain('<h1>This link has expired</h1>');
    expect(refused('superseded').html).toContain('<h1>This request has changed</h1>');
    expect(refused('closed').html).toContain('This booking is cancelled, so it can no longer be accepted here.');
    expect(refused('already_answered')).toMatchObject({ status: 409 });
    expect(linkPage({ kind: 'unknown' })).toMatchObject({ status: 404 });
  });

  it('shows preferences as labelled checkboxes, ticked for what is still sent', () => {
    const page = preferencesPage({ hubName: 'North', email: 'sam@aire.example', muted: ['reminders'] });
    expect(page.html).toContain('<input type="checkbox" id="receive-reminders" name="receive" value="reminders">');
    expect(page.html).toContain('<input type="checkbox" id="receive-nudges" name="receive" value="nudges" checked>');
    expect(page.html).toContain('<label for="receive-reminders"');
    expect(preferencesPage(null).status).toBe(404);
  });
});
