/**
 * The pieces the public pages (sign-in, first run, choosing a password, second factor) share: a titled loading
 * state, a new password typed twice, and the row that shows a form's error above its submit button.
 */
import type { ReactNode } from 'react';
import { ErrorMessage, Loading, PageTitle } from '../components.js';

/** A page that waits for its first answer: the title already, so a screen reader knows where it is. */
export function TitledLoading({ title }: { title: string }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Loading />
    </>
  );
}

interface InputValue {
  value: string;
  onChange: (event: { target: { value: string } }) => void;
}

/**
 * A new password typed twice (at least 12 characters, as the server requires); the page keeps the values and says
 * where it shows that the two differ.
 */
export function NewPasswordFields({
  ids,
  labels,
  password,
  confirm,
}: {
  ids: { password: string; confirm: string };
  labels: { password: string; confirm: string };
  password: InputValue;
  confirm: InputValue;
}) {
  return (
    <>
      <label htmlFor={ids.password}>{labels.password}</label>
      <input id={ids.password} type="password" required minLength={12} autoComplete="new-password" {...password} />
      <label htmlFor={ids.confirm}>{labels.confirm}</label>
      <input id={ids.confirm} type="password" required minLength={12} autoComplete="new-password" {...confirm} />
    </>
  );
}

/**
 * A form's problem found before sending (`problem`, e.g. two passwords that differ), its error (if its last try
 * failed) and its submit button, disabled while the try is under way.
 */
export function SubmitRow({
  mutation,
  label,
  problem,
  children,
}: {
  mutation: { error?: unknown; pending: boolean };
  label: string;
  problem?: string | false;
  /** More buttons after the submit button, in the same row. */
  children?: ReactNode;
}) {
  return (
    <>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <ErrorMessage error={mutation.error} />
      <p>
        <button type="submit" disabled={mutation.pending}>
          {label}
        </button>
        {children}
      </p>
    </>
  );
}
