import { BOOKING_STATE_LABELS, NOTIFICATION_CATEGORIES, NOTIFICATION_CATEGORY_LABELS } from '@tandem/domain';
import { escapeHtml } from '@tandem/platform';
import type { LinkOutcome, LinkSummary } from './booking-links.service';
import type { PreferencesView } from './notification-preferences.service';

/**
 * The small public pages behind emailed links: plain, accessible HTML (one heading, labelled
 * fields, errors announced and tied to their field), no scripts, nothing loaded from elsewhere.
 * Each refusal says in a sentence what happened and what to do next.
 */
export interface HtmlPage {
  status: number;
  html: string;
}

function page(title: string, body: string, status = 200): HtmlPage {
  const html = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – Tandem</title>
<style>
body{margin:0;background:#f3f4f6;color:#111827;font:16px/1.5 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif}
main{max-width:36rem;margin:2rem auto;background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:1.5rem 2rem}
.brand{color:#0f766e;font-weight:bold;border-bottom:3px solid #0f766e;padding-bottom:.5rem;margin:0 0 1rem}
h1{font-size:1.5rem;line-height:1.3;margin:0 0 1rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1.25rem}dt{color:#4b5563}dd{margin:0}
label{display:block;font-weight:bold;margin:1rem 0 .25rem}textarea,input[type=text]{width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border:1px solid #6b7280;border-radius:4px}
button{margin-top:1.25rem;font:inherit;font-weight:bold;color:#fff;background:#0f766e;border:0;border-radius:6px;padding:.75rem 1.5rem;cursor:pointer}
button:focus,textarea:focus,input:focus{outline:3px solid #f59e0b;outline-offset:2px}
.error{border-left:4px solid #b91c1c;padding:.5rem 1rem;background:#fef2f2;margin:0 0 1rem}.field-error{color:#b91c1c;margin:.25rem 0 0}
.hint{color:#4b5563;font-size:.9rem;margin:.25rem 0 0}
</style>
</head>
<body>
<main>
<p class="brand">Tandem</p>
${body}
</main>
</body>
</html>
`;
  return { status, html };
}

const p = (text: string): string => `<p>${escapeHtml(text)}</p>`;

function summaryList(s: LinkSummary): string {
  const rows: Array<[string, string]> = [
    ['What', s.title],
    ['When', s.when],
    ['School', `${s.schoolName}: ${s.pupils}`],
    ['Employer', s.employerName],
  ];
  return `<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}

const FIELD_LABELS: Record<string, string> = { 'form.reason': 'Your reason', 'form.proposedAlternative': 'The other time you suggest' };
const plain = (field: string, message: string): string => (FIELD_LABELS[field] ? message.replace(field, FIELD_LABELS[field]) : message);

export function linkPage(outcome: LinkOutcome): HtmlPage {
  switch (outcome.kind) {
    case 'unknown':
      return page(
        'This link is not valid',
        `<h1>This link is not valid</h1>${p('We could not recognise this link. It may have been copied only in part, or changed. Open it again from the email, or ask your Enterprise Coordinator to send the request again.')}`,
        404,
      );
    case 'ask':
      return outcome.action === 'accept' ? acceptForm(outcome.summary) : declineForm(outcome);
    case 'done':
      return outcome.action === 'accept'
        ? page(
            'Accepted – thank you',
            `<h1>Accepted – thank you</h1>${summaryList(outcome.summary)}${p(
              outcome.state === 'confirmed'
                ? `The session is confirmed. We have told ${outcome.summary.schoolName}, and you will both receive a confirmation with a calendar invite shortly.`
                : `We have told ${outcome.summary.schoolName}. Once they confirm too, you will receive a confirmation with a calendar invite.`,
            )}`,
          )
        : page(
            'Declined – thank you for letting us know',
            `<h1>Declined – thank you for letting us know</h1>${summaryList(outcome.summary)}${p(`We have told ${outcome.summary.schoolName} and their Enterprise Coordinator.`)}`,
          );
    case 'refused':
      return refusedPage(outcome);
  }
}

function refusedPage(o: Extract<LinkOutcome, { kind: 'refused' }>): HtmlPage {
  const summary = summaryList(o.summary);
  const verb = (a: 'accept' | 'decline' | null): string => (a === 'decline' ? 'declined' : 'accepted');
  switch (o.verdict) {
    case 'used':
      return page(
        'This link has already been used',
        `<h1>This link has already been used</h1>${summary}${p(`This request was ${verb(o.usedAction)}${o.usedAt ? ` on ${o.usedAt}` : ''}. Each link works once, so nothing has changed. If that was not you, contact your Enterprise Coordinator.`)}`,
        410,
      );
    case 'already_answered':
      return page(
        `You have already ${verb(o.action)} this request`,
        `<h1>You have already ${verb(o.action)} this request</h1>${summary}${p('Nothing more to do: nothing has changed.')}`,
        409,
      );
    case 'closed':
      return page(
        'This request is no longer open',
        `<h1>This request is no longer open</h1>${summary}${p(`This booking is ${BOOKING_STATE_LABELS[o.state]}, so it can no longer be ${verb(o.action)} here. Your Enterprise Coordinator can help if something is wrong.`)}`,
        410,
      );
    case 'superseded':
      return page(
        'This request has changed',
        `<h1>This request has changed</h1>${summary}${p('The time was changed after this email was sent. Please answer from the newest email about it.')}`,
        410,
      );
    case 'expired':
      return page(
        'This link has expired',
        `<h1>This link has expired</h1>${summary}${p('The link in the email is no longer valid. If you can still do this session, ask your Enterprise Coordinator to send the request again.')}`,
        410,
      );
  }
}

function acceptForm(s: LinkSummary): HtmlPage {
  return page(
    'Accept this request?',
    `<h1>Accept this request?</h1>${summaryList(s)}
<form method="post">
<p>By accepting, you agree to run this session for ${escapeHtml(s.schoolName)}.</p>
<button type="submit" name="confirm" value="accept">Accept</button>
</form>`,
  );
}

function declineForm(o: Extract<LinkOutcome, { kind: 'ask' }>): HtmlPage {
  const errorOf = (field: string): string | undefined => o.problems.find((x) => x.field === field)?.message;
  const field = (
    name: 'reason' | 'proposedAlternative',
    label: string,
    hint: string,
    control: (attrs: string, value: string) => string,
  ): string => {
    const error = errorOf(`form.${name}`);
    const ids = [`${name}-hint`, ...(error ? [`${name}-error`] : [])].join(' ');
    const attrs = `id="${name}" name="${name}" aria-describedby="${ids}"${error ? ' aria-invalid="true"' : ''}`;
    return `<label for="${name}">${escapeHtml(label)}</label><p class="hint" id="${name}-hint">${escapeHtml(hint)}</p>${control(attrs, o.values[name])}${
      error ? `<p class="field-error" id="${name}-error">${escapeHtml(plain(`form.${name}`, error))}</p>` : ''
    }`;
  };
  const summaryOfErrors = o.problems.length
    ? `<div class="error" role="alert"><p><strong>Please check your answer:</strong></p><ul>${o.problems.map((x) => `<li><a href="#${escapeHtml(x.field.replace(/^form\./, ''))}">${escapeHtml(plain(x.field, x.message))}</a></li>`).join('')}</ul></div>`
    : '';
  return page(
    'Decline this request',
    `<h1>Decline this request</h1>${summaryOfErrors}${summaryList(o.summary)}
<form method="post">
${field('reason', 'Why can you not do it? (optional)', 'A few words help the school and the coordinator. At most 1,000 characters.', (a, v) => `<textarea ${a} rows="4" maxlength="1000">${escapeHtml(v)}</textarea>`)}
${field('proposedAlternative', 'Could you do another time? (optional)', 'For example: "Any Thursday afternoon in March". At most 500 characters.', (a, v) => `<input type="text" ${a} maxlength="500" value="${escapeHtml(v)}">`)}
<button type="submit" name="confirm" value="decline">Decline</button>
</form>`,
    o.problems.length ? 400 : 200,
  );
}

// ── email preferences ────────────────────────────────────────────────────────

export function preferencesPage(view: (PreferencesView & { hubName: string }) | null, saved = false): HtmlPage {
  if (!view) {
    return page(
      'This link is not valid',
      `<h1>This link is not valid</h1>${p('We could not recognise this link. Open it again from the foot of one of our emails.')}`,
      404,
    );
  }
  const boxes = NOTIFICATION_CATEGORIES.map(
    (c) =>
      `<div><input type="checkbox" id="receive-${c}" name="receive" value="${c}"${view.muted.includes(c) ? '' : ' checked'}> <label for="receive-${c}" style="display:inline;font-weight:normal">${escapeHtml(NOTIFICATION_CATEGORY_LABELS[c])}</label></div>`,
  ).join('\n');
  return page(
    'Your email choices',
    `<h1>Your email choices</h1>
${saved ? '<div class="error" role="status" style="border-color:#0f766e;background:#f0fdfa"><p><strong>Saved.</strong> Your choices apply from now on.</p></div>' : ''}
${p(`For ${view.email}, from ${view.hubName} on Tandem.`)}
<form method="post">
<fieldset style="border:0;padding:0;margin:0"><legend style="font-weight:bold">Send me:</legend>
${boxes}
</fieldset>
${p('Requests to answer, confirmations, changes of time and cancellations are always sent: a booking cannot work without them.')}
<button type="submit">Save my choices</button>
</form>`,
  );
}
