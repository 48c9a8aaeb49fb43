/**
 * Showing and hiding what the banner puts on the page: the dialog's closing and the reopen button. Apart from
 * dialog.ts, which builds the dialog and records choices through choices.ts, so that choices.ts can close the dialog
 * without importing the module that imports it.
 */
import { d, type Banner } from './state.js';

export function reopenButton(hidden: boolean) {
  const button = d.querySelector<HTMLElement>('.chb-r');
  if (button) button.hidden = hidden;
}

/** Closes the dialog and gives focus back to where it was. */
export function hide(s: Banner) {
  if (!s.root) return;
  s.root.hidden = true;
  reopenButton(false);
  const back = s.returnFocus;
  if (back instanceof HTMLElement && back != d.body && back.isConnected) back.focus();
  s.returnFocus = null;
}
