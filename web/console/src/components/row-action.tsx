/**
 * The secondary button that acts on one row of a list (revoke a token, remove a member). Its visible label is the
 * action alone, so its accessible name also says which row it acts on: a screen reader lists every row's button.
 */
export function RowAction({
  label,
  name,
  disabled,
  onClick,
}: {
  /** The action, shown on the button. */
  label: string;
  /** The accessible name: the action and the row it acts on. */
  name: string;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <button type="button" className="secondary" disabled={disabled} onClick={onClick} aria-label={name}>
      {label}
    </button>
  );
}
