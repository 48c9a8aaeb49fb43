/**
 * The visitor's choice: made (accept, reject, custom, withdraw), kept in the first-party cookie `charter_consent`,
 * and sent to the consent ledger, whose receipt id is stored with it.
 */
import { apply } from './activation.js';
import { hide } from './visibility.js';
import { CONSENT, VISITOR, expires, readCookie, writeCookie, type Banner, type Choices, type Stored } from './state.js';

/** A choice: withdrawing is a choice that only takes back what was granted (Art. 7(3)). */
export function decide(s: Banner, method: string, choices: Choices) {
  const before = s.stored?.c;
  const ids = s.config!.categories.map((k) => k.id);
  if (before && ids.some((id) => before[id] && !choices[id]) && !ids.some((id) => choices[id] && !before[id]))
    method = 'withdraw';
  const choice = (s.stored = { r: s.config!.revision, t: Date.now(), c: choices, m: method });
  save(s, choice);
  record(s, choice);
  hide(s);
  apply(s);
}

function save(s: Banner, choice: Stored) {
  writeCookie(
    CONSENT,
    encodeURIComponent(JSON.stringify(choice)),
    Math.round((expires(s, choice.t) - Date.now()) / 1000),
  );
}

/** Sends a choice to the consent ledger and keeps the receipt with it. The choice holds whether or not this succeeds. */
export function record(s: Banner, choice: Stored) {
  let visitor = readCookie(VISITOR);
  if (!visitor || !/^[\w-]{16,64}$/.test(visitor)) {
    visitor = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => (b + 256).toString(16).slice(1)).join('');
  }
  writeCookie(VISITOR, visitor, Math.round((expires(s, Date.now()) - Date.now()) / 1000));
  fetch(`${s.origin}/api/v1/consent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      site: s.site,
      visitor,
      revision: choice.r,
      language: s.config!.language,
      method: choice.m,
      choices: choice.c,
      gpc: s.gpc,
      url: location.origin + location.pathname,
    }),
  })
    .then((response) => (response.ok ? (response.json() as Promise<{ receipt: string }>) : undefined))
    .then((answer) => {
      if (answer && s.stored == choice) {
        choice.i = answer.receipt;
        save(s, choice);
      }
    })
    .catch(() => undefined);
}
