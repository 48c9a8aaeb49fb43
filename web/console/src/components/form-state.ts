/**
 * A form's state as one object: `set(key, value)` changes one field, `bind(key)` gives a text control its value and
 * change handler — the lines every console form otherwise writes once per field.
 */
import { useCallback, useState, type ChangeEvent } from 'react';

type TextControl = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Keys of `F` whose values are strings (what a text control can be bound to). */
export type TextKeys<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F];

export function useFormState<F extends object>(initial: F | (() => F)) {
  const [form, setForm] = useState<F>(initial);
  const set = useCallback(<K extends keyof F>(key: K, value: F[K]) => setForm((f) => ({ ...f, [key]: value })), []);
  const bind = <K extends TextKeys<F>>(key: K) => ({
    value: form[key] as string,
    onChange: (event: ChangeEvent<TextControl>) => set(key, event.target.value as F[K]),
  });
  return { form, setForm, set, bind };
}
