/**
 * Form building blocks: every field has a label, an optional hint, and its error right next to it
 * (linked with aria-describedby, marked aria-invalid); the form-level alert takes focus when the
 * problem is not one field's. `useApiForm` runs a submit and maps the API's errors onto the fields.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { mapApiErrors, type FieldErrors } from './form-errors';

export interface ApiForm<F extends string> {
  id: string;
  fieldErrors: FieldErrors<F>;
  formErrors: string[];
  submitting: boolean;
  /** Field id for labels/inputs: `${form id}-${field}`. */
  idFor: (field: F) => string;
  /** onSubmit handler: local checks first (an object of messages), then the action. */
  handleSubmit: (validate: () => FieldErrors<F>, action: () => Promise<void>) => (e: FormEvent) => void;
  alertRef: React.RefObject<HTMLDivElement | null>;
  clear: () => void;
}

export function useApiForm<F extends string>(fields: readonly F[], codeFields: Partial<Record<string, F>> = {}): ApiForm<F> {
  const id = useId().replace(/:/g, '');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<F>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const alertRef = useRef<HTMLDivElement | null>(null);
  const focusNext = useRef<FieldErrors<F> | null>(null);
  const idFor = useCallback((field: F) => `${id}-${field}`, [id]);

  // Focus the first field with a problem once it is rendered (and enabled again).
  useEffect(() => {
    if (!focusNext.current || submitting) return;
    const first = fields.find((f) => focusNext.current?.[f]);
    focusNext.current = null;
    const el = first ? document.getElementById(idFor(first)) : alertRef.current;
    el?.focus();
  });

  const handleSubmit = (validate: () => FieldErrors<F>, action: () => Promise<void>) => (e: FormEvent) => {
    e.preventDefault();
    if (submitting) return;
    const local = validate();
    setFormErrors([]);
    setFieldErrors(local);
    if (Object.keys(local).length) {
      focusNext.current = local;
      return;
    }
    setSubmitting(true);
    action()
      .then(() => setSubmitting(false))
      .catch((err: unknown) => {
        const mapped = mapApiErrors(err, fields, codeFields);
        setFieldErrors(mapped.fields);
        setFormErrors(mapped.form);
        focusNext.current = mapped.fields;
        setSubmitting(false);
      });
  };

  return { id, fieldErrors, formErrors, submitting, idFor, handleSubmit, alertRef, clear: () => (setFieldErrors({}), setFormErrors([])) };
}

export function FormAlert({ form }: { form: Pick<ApiForm<string>, 'formErrors' | 'alertRef'> }) {
  const { formErrors } = form;
  return (
    <div ref={form.alertRef} tabIndex={-1} role="alert" className={formErrors.length ? 'form-error' : undefined}>
      {formErrors.length === 1 && <p>{formErrors[0]}</p>}
      {formErrors.length > 1 && (
        <ul>
          {formErrors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface FieldShellProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  children: (aria: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
  className?: string;
}

export function FieldShell({ id, label, hint, error, optional, children, className }: FieldShellProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> (optional)</span>}
      </label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {children({ id, ...(error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
    </div>
  );
}

interface InputFieldProps<F extends string> {
  form: ApiForm<F>;
  name: F;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  optional?: boolean;
  type?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'text' | 'email';
  placeholder?: string;
}

export function TextField<F extends string>({
  form,
  name,
  label,
  value,
  onChange,
  hint,
  optional,
  type = 'text',
  autoComplete,
  inputMode,
  placeholder,
}: InputFieldProps<F>) {
  return (
    <FieldShell id={form.idFor(name)} label={label} hint={hint} error={form.fieldErrors[name]} optional={optional}>
      {(aria) => (
        <input
          {...aria}
          name={name}
          type={type}
          value={value}
          autoComplete={autoComplete ?? 'off'}
          inputMode={inputMode}
          placeholder={placeholder}
          disabled={form.submitting}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldShell>
  );
}

export function TextAreaField<F extends string>({
  form,
  name,
  label,
  value,
  onChange,
  hint,
  optional,
  rows = 4,
}: Omit<InputFieldProps<F>, 'type'> & { rows?: number }) {
  return (
    <FieldShell id={form.idFor(name)} label={label} hint={hint} error={form.fieldErrors[name]} optional={optional}>
      {(aria) => (
        <textarea {...aria} name={name} rows={rows} value={value} disabled={form.submitting} onChange={(e) => onChange(e.target.value)} />
      )}
    </FieldShell>
  );
}

export interface Choice {
  value: string;
  label: string;
}

export function SelectField<F extends string>({
  form,
  name,
  label,
  value,
  onChange,
  hint,
  optional,
  choices,
  placeholder,
}: Omit<InputFieldProps<F>, 'type'> & { choices: readonly Choice[] }) {
  return (
    <FieldShell id={form.idFor(name)} label={label} hint={hint} error={form.fieldErrors[name]} optional={optional}>
      {(aria) => (
        <select {...aria} name={name} value={value} disabled={form.submitting} onChange={(e) => onChange(e.target.value)}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** A group of checkboxes (fieldset + legend), its error next to the legend. */
export function CheckboxGroup<F extends string>({
  form,
  name,
  legend,
  hint,
  choices,
  values,
  onChange,
}: {
  form: ApiForm<F>;
  name: F;
  legend: string;
  hint?: string;
  choices: readonly Choice[];
  values: readonly string[];
  onChange: (values: string[]) => void;
}) {
  const id = form.idFor(name);
  const error = form.fieldErrors[name];
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`field checkbox-group${error ? ' field--error' : ''}`} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <div className="checkbox-row">
        {choices.map((c, i) => (
          <label key={c.value} className="checkbox">
            <input
              type="checkbox"
              id={i === 0 ? id : undefined}
              name={name}
              value={c.value}
              checked={values.includes(c.value)}
              disabled={form.submitting}
              onChange={(e) => onChange(e.target.checked ? [...values, c.value] : values.filter((v) => v !== c.value))}
            />{' '}
            {c.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function SubmitButton({ form, children, busy }: { form: Pick<ApiForm<string>, 'submitting'>; children: ReactNode; busy?: string }) {
  return (
    <button type="submit" className="button button--primary button--inline" disabled={form.submitting}>
      {form.submitting ? (busy ?? 'Saving…') : children}
    </button>
  );
}
