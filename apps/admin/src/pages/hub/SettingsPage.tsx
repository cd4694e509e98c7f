/**
 * Hub settings (hub admins): the hub's name and invitation links, how matching values proposals,
 * when reminders and nudges go out, and — for everyone — which emails they receive themselves.
 */
import { useEffect, useState } from 'react';
import type { Me } from '../../auth/types';
import { graphql } from '../../gql';
import type { NotificationCategory } from '../../gql/graphql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { CheckboxGroup, FormAlert, SubmitButton, TextField, useApiForm } from '../../ui/Form';
import type { FieldErrors } from '../../ui/form-errors';
import { Notice, PageHeader, QueryView } from '../../ui/states';

const HUB_SETTINGS = graphql(`
  query HubSettings {
    hub {
      id
      name
      slug
      settings {
        invitationValidityHours
        matchingWeights {
          pupilBeyondGap
          disadvantagedUplift
          perKm
          fairnessStep
          fairnessCap
        }
        defaultMatchingWeights {
          pupilBeyondGap
          disadvantagedUplift
          perKm
          fairnessStep
          fairnessCap
        }
      }
    }
    bookingSettings {
      reminderDaysBefore
      sendFrom
      sendUntil
      sendOnWeekends
      unansweredAfterDays
      linkValidityDays
      followUpHoursAfter
    }
  }
`);

const UPDATE_HUB = graphql(`
  mutation UpdateHub($input: UpdateHubInput!) {
    updateHub(input: $input) {
      id
      name
      settings {
        invitationValidityHours
      }
    }
  }
`);

const UPDATE_MATCHING_WEIGHTS = graphql(`
  mutation UpdateMatchingWeights($input: UpdateHubInput!) {
    updateHub(input: $input) {
      id
      settings {
        matchingWeights {
          pupilBeyondGap
          disadvantagedUplift
          perKm
          fairnessStep
          fairnessCap
        }
      }
    }
  }
`);

const UPDATE_BOOKING_SETTINGS = graphql(`
  mutation UpdateBookingSettings($input: BookingSettingsInput!) {
    updateBookingSettings(input: $input) {
      reminderDaysBefore
      sendFrom
      sendUntil
      sendOnWeekends
      unansweredAfterDays
      linkValidityDays
      followUpHoursAfter
    }
  }
`);

const POLICIES = graphql(`
  query BenchmarkPolicies {
    hubBenchmarkPolicy {
      id
      key
      version
      name
    }
    benchmarkPolicies {
      id
      key
      version
      name
      description
      isDefault
      benchmarks {
        benchmark
        label
        windows {
          label
          minimum
        }
      }
    }
  }
`);

const CHOOSE_POLICY = graphql(`
  mutation ChooseBenchmarkPolicy($input: ChooseBenchmarkPolicyInput!) {
    chooseBenchmarkPolicy(input: $input) {
      id
      key
      version
      name
    }
  }
`);

const MY_PREFERENCES = graphql(`
  query MyNotificationPreferences {
    myNotificationPreferences {
      email
      muted
    }
  }
`);

const UPDATE_MY_PREFERENCES = graphql(`
  mutation UpdateMyNotificationPreferences($input: NotificationPreferencesInput!) {
    updateMyNotificationPreferences(input: $input) {
      email
      muted
    }
  }
`);

/** "7, 1" → [7, 1]; anything else → null. */
export function parseDayList(text: string): number[] | null {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (!parts.every((p) => /^\d+$/.test(p))) return null;
  return parts.map(Number);
}

type HField = 'name' | 'invitationValidityHours';
type BField =
  'reminderDaysBefore' | 'sendFrom' | 'sendUntil' | 'unansweredAfterDays' | 'linkValidityDays' | 'followUpHoursAfter' | 'sendOnWeekends';
const BFIELDS: readonly BField[] = [
  'reminderDaysBefore',
  'sendFrom',
  'sendUntil',
  'unansweredAfterDays',
  'linkValidityDays',
  'followUpHoursAfter',
  'sendOnWeekends',
];

function HubForm({ hub, onSaved }: { hub: { name: string; settings: { invitationValidityHours: number | null } }; onSaved: () => void }) {
  const [v, setV] = useState({ name: hub.name, invitationValidityHours: hub.settings.invitationValidityHours?.toString() ?? '' });
  const [update] = useMutation(UPDATE_HUB);
  const form = useApiForm(['name', 'invitationValidityHours'] as const);
  return (
    <form
      className="card stack-form"
      aria-labelledby="hub-heading"
      noValidate
      onSubmit={form.handleSubmit(
        (): FieldErrors<HField> => ({
          ...(v.name.trim() ? {} : { name: 'Enter the hub’s name' }),
          ...(v.invitationValidityHours && !/^\d+$/.test(v.invitationValidityHours)
            ? { invitationValidityHours: 'Enter a whole number of hours from 1 to 720, or leave it empty' }
            : {}),
        }),
        async () => {
          await update({
            input: {
              name: v.name.trim(),
              settings: { invitationValidityHours: v.invitationValidityHours ? Number(v.invitationValidityHours) : null },
            },
          });
          onSaved();
        },
      )}
    >
      <h2 id="hub-heading">Hub</h2>
      <FormAlert form={form} />
      <div className="form-grid">
        <TextField form={form} name="name" label="Hub name" value={v.name} onChange={(name) => setV({ ...v, name })} />
        <TextField
          form={form}
          name="invitationValidityHours"
          label="Invitation links stay valid for (hours)"
          optional
          hint="Empty: the platform default (72 hours)."
          inputMode="numeric"
          value={v.invitationValidityHours}
          onChange={(x) => setV({ ...v, invitationValidityHours: x })}
        />
      </div>
      <SubmitButton form={form}>Save hub</SubmitButton>
    </form>
  );
}

type Weight = 'pupilBeyondGap' | 'disadvantagedUplift' | 'perKm' | 'fairnessStep' | 'fairnessCap';
type Weights = Record<Weight, number>;

/** Each weight, what it means to a coordinator, and the range the API accepts. */
const WEIGHTS: readonly { name: Weight; label: string; hint: string; max: number }[] = [
  {
    name: 'pupilBeyondGap',
    label: 'Worth of a pupil who already has the benchmark',
    hint: 'In gap pupils, 0 to 1: a pupil still missing it is worth 1.',
    max: 1,
  },
  {
    name: 'disadvantagedUplift',
    label: 'Uplift for disadvantaged and at-risk pupils',
    hint: 'A proposal is worth (1 + this × the share of disadvantaged pupils), 0 to 10.',
    max: 10,
  },
  {
    name: 'perKm',
    label: 'Cost of each km of travel',
    hint: 'Gap pupils taken off per km for in-person formats, 0 to 100. Virtual travels nowhere.',
    max: 100,
  },
  {
    name: 'fairnessStep',
    label: 'Fairness: each further proposal for one school is worth less by',
    hint: 'In gap pupils, 0 to 1000, so one school does not take every slot.',
    max: 1000,
  },
  { name: 'fairnessCap', label: 'Fairness: but never less by more than', hint: 'In gap pupils, 0 to 1000.', max: 1000 },
];

/** "0.5" → 0.5 when it is a number within 0…max; otherwise null. */
export function parseWeight(text: string, max: number): number | null {
  const t = text.trim();
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(t)) return null;
  const n = Number(t);
  return n <= max ? n : null;
}

/** How matching runs value proposals: what a coordinator's "Run matching" optimises for. */
function MatchingWeightsForm({ weights, defaults, onSaved }: { weights: Weights; defaults: Weights; onSaved: (message: string) => void }) {
  const asText = (w: Weights) => Object.fromEntries(WEIGHTS.map((x) => [x.name, String(w[x.name])])) as Record<Weight, string>;
  const [v, setV] = useState(asText(weights));
  const [update] = useMutation(UPDATE_MATCHING_WEIGHTS);
  const form = useApiForm(WEIGHTS.map((w) => w.name));
  const save = (input: Weights | null) => async () => {
    const r = await update({ input: { settings: { matchingWeights: input } } });
    setV(asText(r.updateHub.settings.matchingWeights));
    onSaved(input === null ? 'Matching weights reset to their defaults.' : 'Matching weights saved. The next matching run uses them.');
  };
  return (
    <form
      className="card stack-form"
      aria-labelledby="weights-heading"
      noValidate
      onSubmit={form.handleSubmit(
        () => {
          const e: FieldErrors<Weight> = {};
          for (const w of WEIGHTS) if (parseWeight(v[w.name], w.max) === null) e[w.name] = `Enter a number from 0 to ${w.max}`;
          return e;
        },
        save(Object.fromEntries(WEIGHTS.map((w) => [w.name, parseWeight(v[w.name], w.max) ?? 0])) as Weights),
      )}
    >
      <h2 id="weights-heading">Matching weights</h2>
      <p className="hint">
        What a matching run counts as a good proposal. Every proposal is worth the pupils it reaches who still miss the benchmark; these
        weights adjust that. Runs already made keep the weights they used.
      </p>
      <FormAlert form={form} />
      <div className="form-grid">
        {WEIGHTS.map((w) => (
          <TextField
            key={w.name}
            form={form}
            name={w.name}
            label={w.label}
            hint={`${w.hint} Default ${defaults[w.name]}.`}
            inputMode="decimal"
            value={v[w.name]}
            onChange={(x) => setV({ ...v, [w.name]: x })}
          />
        ))}
      </div>
      <div className="button-row">
        <SubmitButton form={form}>Save weights</SubmitButton>
        <button
          type="button"
          className="button button--secondary"
          disabled={form.submitting}
          onClick={form.handleSubmit(() => ({}), save(null))}
        >
          Reset to defaults
        </button>
      </div>
    </form>
  );
}

interface BookingSettingsValues {
  reminderDaysBefore: readonly number[];
  sendFrom: string;
  sendUntil: string;
  sendOnWeekends: boolean;
  unansweredAfterDays: number;
  linkValidityDays: number;
  followUpHoursAfter: number;
}

function RemindersForm({ settings, onSaved }: { settings: BookingSettingsValues; onSaved: () => void }) {
  const [v, setV] = useState({
    reminderDaysBefore: settings.reminderDaysBefore.join(', '),
    sendFrom: settings.sendFrom,
    sendUntil: settings.sendUntil,
    sendOnWeekends: settings.sendOnWeekends ? ['yes'] : [],
    unansweredAfterDays: String(settings.unansweredAfterDays),
    linkValidityDays: String(settings.linkValidityDays),
    followUpHoursAfter: String(settings.followUpHoursAfter),
  });
  const [update] = useMutation(UPDATE_BOOKING_SETTINGS);
  const form = useApiForm(BFIELDS);
  const whole = (s: string) => /^\d+$/.test(s.trim());
  return (
    <form
      className="card stack-form"
      aria-labelledby="reminders-heading"
      noValidate
      onSubmit={form.handleSubmit(
        () => {
          const e: FieldErrors<BField> = {};
          if (parseDayList(v.reminderDaysBefore) === null)
            e.reminderDaysBefore = 'Enter whole numbers of days separated by commas, like 7, 1';
          for (const k of ['unansweredAfterDays', 'linkValidityDays', 'followUpHoursAfter'] as const)
            if (!whole(v[k])) e[k] = 'Enter a whole number';
          return e;
        },
        async () => {
          await update({
            input: {
              reminderDaysBefore: parseDayList(v.reminderDaysBefore) ?? [],
              sendFrom: v.sendFrom,
              sendUntil: v.sendUntil,
              sendOnWeekends: v.sendOnWeekends.includes('yes'),
              unansweredAfterDays: Number(v.unansweredAfterDays),
              linkValidityDays: Number(v.linkValidityDays),
              followUpHoursAfter: Number(v.followUpHoursAfter),
            },
          });
          onSaved();
        },
      )}
    >
      <h2 id="reminders-heading">Reminders and nudges</h2>
      <p className="hint">Times are UK time. Urgent mail (a session within 48 hours) goes out whatever the hours.</p>
      <FormAlert form={form} />
      <div className="form-grid">
        <TextField
          form={form}
          name="reminderDaysBefore"
          label="Remind both sides this many days before"
          hint="Up to five, like 7, 1."
          value={v.reminderDaysBefore}
          onChange={(x) => setV({ ...v, reminderDaysBefore: x })}
        />
        <TextField
          form={form}
          name="sendFrom"
          label="Send emails from"
          type="time"
          value={v.sendFrom}
          onChange={(x) => setV({ ...v, sendFrom: x })}
        />
        <TextField
          form={form}
          name="sendUntil"
          label="Send emails until"
          type="time"
          value={v.sendUntil}
          onChange={(x) => setV({ ...v, sendUntil: x })}
        />
        <TextField
          form={form}
          name="unansweredAfterDays"
          label="Nudge the coordinator when a request is unanswered for (days)"
          inputMode="numeric"
          value={v.unansweredAfterDays}
          onChange={(x) => setV({ ...v, unansweredAfterDays: x })}
        />
        <TextField
          form={form}
          name="linkValidityDays"
          label="Accept / Decline links valid for (days)"
          inputMode="numeric"
          value={v.linkValidityDays}
          onChange={(x) => setV({ ...v, linkValidityDays: x })}
        />
        <TextField
          form={form}
          name="followUpHoursAfter"
          label="Ask for attendance this many hours after a session"
          inputMode="numeric"
          value={v.followUpHoursAfter}
          onChange={(x) => setV({ ...v, followUpHoursAfter: x })}
        />
      </div>
      <CheckboxGroup
        form={form}
        name="sendOnWeekends"
        legend="Weekends"
        choices={[{ value: 'yes', label: 'Send emails on Saturdays and Sundays too' }]}
        values={v.sendOnWeekends}
        onChange={(x) => setV({ ...v, sendOnWeekends: x })}
      />
      <SubmitButton form={form}>Save reminders</SubmitButton>
    </form>
  );
}

/** The benchmark policy the hub reports against: the 2014 Gatsby benchmarks or the 2024 refresh. */
function PolicyForm({ onSaved }: { onSaved: (name: string) => void }) {
  const policies = useQuery(POLICIES, {});
  const [choose] = useMutation(CHOOSE_POLICY);
  const [picked, setPicked] = useState<string | null>(null);
  const form = useApiForm(['policyKey'] as const);
  return (
    <QueryView state={policies} what="Loading benchmark policies">
      {(d) => {
        const current = picked ?? d.hubBenchmarkPolicy.id;
        return (
          <form
            className="card stack-form"
            aria-labelledby="policy-heading"
            noValidate
            onSubmit={form.handleSubmit(
              () => ({}),
              async () => {
                const p = d.benchmarkPolicies.find((x) => x.id === current);
                if (!p) return;
                const r = await choose({ input: { policyKey: p.key, version: p.version } });
                onSaved(r.chooseBenchmarkPolicy.name);
                policies.reload();
              },
            )}
          >
            <h2 id="policy-heading">Benchmark policy</h2>
            <p className="hint">
              What counts toward Benchmarks 5 and 6 across the hub. Changing it recounts every school’s coverage; frozen snapshots keep the
              policy they were taken under.
            </p>
            <FormAlert form={form} />
            <fieldset className="field">
              <legend>Report against</legend>
              {d.benchmarkPolicies.map((p) => (
                <label key={p.id} className="checkbox policy-choice">
                  <input
                    type="radio"
                    name="policy"
                    id={p.id === d.benchmarkPolicies[0]?.id ? form.idFor('policyKey') : undefined}
                    checked={current === p.id}
                    onChange={() => setPicked(p.id)}
                  />
                  <span>
                    <strong>{`${p.name} (version ${p.version})`}</strong>
                    {p.id === d.hubBenchmarkPolicy.id && <span className="tag tag--ok">current</span>}
                    <span className="hint">{p.description}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            <SubmitButton form={form}>Use this policy</SubmitButton>
          </form>
        );
      }}
    </QueryView>
  );
}

const CATEGORIES: Array<{ value: NotificationCategory; label: string }> = [
  { value: 'reminders', label: 'Reminders before a session' },
  { value: 'follow_ups', label: 'Follow-ups after a session' },
  { value: 'nudges', label: 'Nudges about things waiting' },
  { value: 'check_ins', label: 'Termly check-ins' },
];

export function MyEmailsForm() {
  const prefs = useQuery(MY_PREFERENCES, {});
  const [update] = useMutation(UPDATE_MY_PREFERENCES);
  const [receive, setReceive] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const form = useApiForm(['muted'] as const);
  useEffect(() => {
    if (prefs.data) setReceive(CATEGORIES.map((c) => c.value).filter((c) => !prefs.data?.myNotificationPreferences.muted.includes(c)));
  }, [prefs.data]);
  return (
    <QueryView state={prefs} what="Loading your email settings">
      {(d) => (
        <form
          className="card stack-form"
          aria-labelledby="my-emails"
          noValidate
          onSubmit={form.handleSubmit(
            () => ({}),
            async () => {
              await update({ input: { muted: CATEGORIES.map((c) => c.value).filter((c) => !receive.includes(c)) } });
              setSaved(true);
            },
          )}
        >
          <h2 id="my-emails">Emails you receive</h2>
          {saved && <Notice>Your email settings were saved.</Notice>}
          <FormAlert form={form} />
          <CheckboxGroup
            form={form}
            name="muted"
            legend={`Send to ${d.myNotificationPreferences.email}:`}
            hint="Booking requests and confirmations always arrive."
            choices={CATEGORIES}
            values={receive}
            onChange={setReceive}
          />
          <SubmitButton form={form}>Save email settings</SubmitButton>
        </form>
      )}
    </QueryView>
  );
}

export function SettingsPage({ me }: { me: Me }) {
  const settings = useQuery(HUB_SETTINGS, {}, { skip: me.role !== 'HUB_ADMIN' });
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      <PageHeader title="Settings" />
      {saved && <Notice>{saved}</Notice>}
      {me.role === 'HUB_ADMIN' && (
        <QueryView state={settings} what="Loading settings">
          {(d) => (
            <>
              <HubForm hub={d.hub} onSaved={() => setSaved('Hub settings saved.')} />
              <PolicyForm onSaved={(name) => setSaved(`The hub now reports against ${name}.`)} />
              <MatchingWeightsForm
                weights={d.hub.settings.matchingWeights}
                defaults={d.hub.settings.defaultMatchingWeights}
                onSaved={setSaved}
              />
              <RemindersForm settings={d.bookingSettings} onSaved={() => setSaved('Reminder settings saved.')} />
            </>
          )}
        </QueryView>
      )}
      <MyEmailsForm />
    </>
  );
}
