/**
 * Labelled form fields: the label tied to its control, a hint and an error message tied to it by aria-describedby (and
 * aria-invalid while the error stands), and a select built from value/label pairs — the shapes every console form
 * repeats.
 */
import { cloneElement, type ReactElement, type ReactNode } from 'react';

interface ControlProps {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

export interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** The control (input, select, textarea); it receives the id and the describing ids. */
  children: ReactElement<ControlProps>;
}

/** The ids of a field's hint and error, for a control that is not the field's only child. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function Field({ id, label, hint, error, children }: FieldProps) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="muted hint">
          {hint}
        </p>
      )}
      {cloneElement(children, {
        id,
        'aria-describedby': describedBy(id, hint, error),
        ...(error ? { 'aria-invalid': true } : {}),
      })}
      {error && (
        <p id={`${id}-error`} className="error">
          {error}
        </p>
      )}
    </>
  );
}

/** Value/label pairs for a select, e.g. `optionsOf(states, t.states)`. */
export function optionsOf<V extends string>(
  values: readonly V[],
  labels: Partial<Record<string, string>>,
): [V, string][] {
  return values.map((value) => [value, labels[value] ?? value]);
}

export interface SelectFieldProps<V extends string> {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: V) => void;
  options: readonly (readonly [V, string])[];
  /** A first option with the empty value (a filter's "any"). */
  any?: string;
  required?: boolean;
  hint?: ReactNode;
  error?: ReactNode;
}

export function SelectField<V extends string>({
  id,
  label,
  value,
  onChange,
  options,
  any,
  required,
  hint,
  error,
}: SelectFieldProps<V>) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select required={required} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {any !== undefined && <option value="">{any}</option>}
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
}
