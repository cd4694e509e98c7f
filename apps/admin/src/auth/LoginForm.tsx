import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { GraphQLRequestError } from '../graphql/client';
import type { LoginInput } from './types';

type Field = 'email' | 'password' | 'tenantSlug';
const FIELDS: readonly Field[] = ['email', 'password', 'tenantSlug'];
type FieldErrors = Partial<Record<Field, string>>;

/** Server codes that blame a field even when the server names none. */
const CODE_FIELDS: Record<string, Field> = { INVALID_EMAIL: 'email' };

export function validateLogin(values: LoginInput): FieldErrors {
  const errors: FieldErrors = {};
  const email = values.email.trim();
  if (!email) errors.email = 'Enter your email address';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = 'Enter an email address like name@school.org.uk';
  if (!values.password) errors.password = 'Enter your password';
  const slug = values.tenantSlug?.trim();
  if (slug && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug))
    errors.tenantSlug = 'A hub slug has only lower-case letters, digits and dashes, like north-hub';
  return errors;
}

/** Splits a failed log-in into messages next to fields and messages for the whole form. */
export function loginErrorsFrom(err: unknown): { fields: FieldErrors; form: string[] } {
  if (!(err instanceof GraphQLRequestError)) return { fields: {}, form: ['Something went wrong. Try again.'] };
  const fields: FieldErrors = {};
  const byField = err.fieldErrors();
  for (const f of FIELDS) if (byField[f]) fields[f] = byField[f];
  // slug may come back as "tenant" or "tenantSlug"
  if (!fields.tenantSlug && byField['tenant']) fields.tenantSlug = byField['tenant'];
  for (const e of err.errors) {
    const f = CODE_FIELDS[e.code];
    if (f && !e.field && !fields[f]) fields[f] = e.message;
  }
  const placed = new Set(Object.values(fields));
  const form = err.formErrors([...FIELDS, 'tenant']).filter((m) => !placed.has(m));
  return { fields, form };
}

export interface LoginFormProps {
  onSubmit: (values: LoginInput) => Promise<unknown>;
}

export function LoginForm({ onSubmit }: LoginFormProps) {
  const [values, setValues] = useState<LoginInput>({ email: '', password: '', tenantSlug: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const id = useId();
  const refs = {
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    tenantSlug: useRef<HTMLInputElement>(null),
  };
  const alertRef = useRef<HTMLDivElement>(null);
  // Errors to move focus to once they are rendered and the fields are enabled again.
  const focusAfterRender = useRef<FieldErrors | null>(null);

  const focusFirst = (errors: FieldErrors): void => {
    const first = FIELDS.find((f) => errors[f]);
    if (first) refs[first].current?.focus();
    else alertRef.current?.focus();
  };

  useEffect(() => {
    if (focusAfterRender.current && !submitting) {
      focusFirst(focusAfterRender.current);
      focusAfterRender.current = null;
    }
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting) return;
    const local = validateLogin(values);
    setFormErrors([]);
    setFieldErrors(local);
    if (Object.keys(local).length) {
      focusFirst(local);
      return;
    }
    setSubmitting(true);
    try {
      await onSubmit(values);
    } catch (err) {
      const { fields, form } = loginErrorsFrom(err);
      setFieldErrors(fields);
      setFormErrors(form);
      focusAfterRender.current = fields;
      setSubmitting(false);
      return;
    }
    setSubmitting(false);
  }

  const input = (field: Field, label: string, props: { type: string; autoComplete: string; hint?: string; required?: boolean }) => {
    const inputId = `${id}-${field}`;
    const hintId = props.hint ? `${inputId}-hint` : undefined;
    const errorId = fieldErrors[field] ? `${inputId}-error` : undefined;
    return (
      <div className={`field${fieldErrors[field] ? ' field--error' : ''}`}>
        <label htmlFor={inputId}>
          {label}
          {!props.required && <span className="optional"> (optional)</span>}
        </label>
        {props.hint && (
          <p className="hint" id={hintId}>
            {props.hint}
          </p>
        )}
        {fieldErrors[field] && (
          <p className="field-error" id={errorId}>
            <span className="visually-hidden">Error: </span>
            {fieldErrors[field]}
          </p>
        )}
        <input
          ref={refs[field]}
          id={inputId}
          name={field}
          type={props.type}
          autoComplete={props.autoComplete}
          required={props.required}
          aria-invalid={fieldErrors[field] ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
          value={values[field] ?? ''}
          onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
          disabled={submitting}
          spellCheck={false}
        />
      </div>
    );
  };

  return (
    <form className="login-form" onSubmit={(e) => void handleSubmit(e)} noValidate aria-busy={submitting}>
      <div ref={alertRef} tabIndex={-1} role="alert" className={formErrors.length ? 'form-error' : undefined}>
        {formErrors.length === 1 && <p>{formErrors[0]}</p>}
        {formErrors.length > 1 && (
          <ul>
            {formErrors.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
      </div>
      {input('email', 'Email address', { type: 'email', autoComplete: 'username', required: true })}
      {input('password', 'Password', { type: 'password', autoComplete: 'current-password', required: true })}
      {input('tenantSlug', 'Hub', {
        type: 'text',
        autoComplete: 'organization',
        hint: 'Only if you work with more than one hub: its short name, like north-hub.',
      })}
      <button type="submit" className="button button--primary" disabled={submitting}>
        {submitting ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
