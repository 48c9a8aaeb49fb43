/** Pieces the breach forms share: datetime-local conversion, comma lists, and a yes/no decision with its reason. */
import type { T } from './texts.js';

/** `datetime-local` value of an ISO instant in the browser's time zone, and back. */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const offset = d.getTimezoneOffset() * 60_000;
  return new Date(d.getTime() - offset).toISOString().slice(0, 16);
}
export function fromLocalInput(value: string): string | undefined {
  return value ? new Date(value).toISOString() : undefined;
}
/** The items of a comma-separated field, trimmed, without empty ones. */
export const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Art. 33/34 decisions: must the authority (or the people concerned) be told, and why (or why not). */
export function Decision({
  name,
  legend,
  value,
  reason,
  onChange,
  t,
}: {
  name: string;
  legend: string;
  value: boolean;
  reason: string;
  onChange: (value: boolean, reason: string) => void;
  t: T;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="checkbox">
        <input type="radio" id={`${name}-yes`} name={name} checked={value} onChange={() => onChange(true, reason)} />
        <label htmlFor={`${name}-yes`}>{t.form.yes}</label>
      </div>
      <div className="checkbox">
        <input type="radio" id={`${name}-no`} name={name} checked={!value} onChange={() => onChange(false, reason)} />
        <label htmlFor={`${name}-no`}>{t.form.no}</label>
      </div>
      <label htmlFor={`${name}-reason`}>{t.form.why}</label>
      <textarea
        id={`${name}-reason`}
        required
        rows={2}
        value={reason}
        onChange={(e) => onChange(value, e.target.value)}
      />
    </fieldset>
  );
}

/** A group of checkboxes over a list of values; `checked` is the chosen ones, in the order they were ticked. */
export function CheckboxGroup<V extends string>({
  legend,
  idPrefix,
  options,
  checked,
  onChange,
}: {
  legend: string;
  idPrefix: string;
  options: readonly (readonly [V, string])[];
  checked: V[];
  onChange: (checked: V[]) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map(([value, label]) => (
        <div className="checkbox" key={value}>
          <input
            type="checkbox"
            id={`${idPrefix}-${value}`}
            checked={checked.includes(value)}
            onChange={() =>
              onChange(checked.includes(value) ? checked.filter((x) => x !== value) : [...checked, value])
            }
          />
          <label htmlFor={`${idPrefix}-${value}`}>{label}</label>
        </div>
      ))}
    </fieldset>
  );
}
