/**
 * A fieldset of checkboxes laid out in a grid, one per value (an API token's scopes, a webhook's events): the values
 * in `chosen` are ticked, and ticking or unticking one hands the new list to `onChange`.
 */
import type { ReactNode } from 'react';

export interface CheckboxGridProps {
  legend: ReactNode;
  /** Prefix of each checkbox's id (`${idPrefix}-${value}`), unique on the page. */
  idPrefix: string;
  values: readonly string[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  /** The label shown for a value (the value itself unless given). */
  labelOf?: (value: string) => ReactNode;
}

export function CheckboxGrid({ legend, idPrefix, values, chosen, onChange, labelOf }: CheckboxGridProps) {
  const toggle = (value: string) =>
    onChange(chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value]);
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="scope-grid">
        {values.map((value) => (
          <div key={value} className="checkbox">
            <input
              id={`${idPrefix}-${value}`}
              type="checkbox"
              checked={chosen.includes(value)}
              onChange={() => toggle(value)}
            />
            <label htmlFor={`${idPrefix}-${value}`}>{labelOf ? labelOf(value) : value}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
