/**
 * A form's submit button on a line of its own, disabled while the form's request runs (no second submission) or
 * while the form is `incomplete` (e.g. no scope or event chosen yet).
 */
export function SubmitRow({
  label,
  pending,
  incomplete = false,
}: {
  label: string;
  pending: boolean;
  incomplete?: boolean;
}) {
  return (
    <p>
      <button type="submit" disabled={pending || incomplete}>
        {label}
      </button>
    </p>
  );
}
