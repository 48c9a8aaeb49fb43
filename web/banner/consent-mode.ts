/**
 * Google Consent Mode v2: the `default` (all denied) goes first, before any tag can run, and each choice sends an
 * `update`. Commands are pushed the way gtag does it (`dataLayer.push(arguments)`), which Google's tag requires.
 */
import { consentModeDefaultSignals } from '../../src/consent/consent-mode-default.js';
import { held, type Banner, type Choices } from './state.js';

// The same signals, in the same order, as the blocking default script (src/consent/consent-mode-default.ts): one list.
const signals = consentModeDefaultSignals;

export const consentMode = (granted: (signal: string) => boolean) =>
  Object.fromEntries(signals.map((s) => [s, granted(s) ? 'granted' : 'denied']));

/** A gtag bound to the page's dataLayer; queues the default unless one is already there. */
export function startConsentMode(dataLayer: unknown[]) {
  function gtag(..._args: unknown[]) {
    // eslint-disable-next-line prefer-rest-params
    dataLayer.push(arguments);
  }
  // With the blocking `/banner/{site}/consent-mode.js` before the Google tag (README), the default is already queued
  // (and honours a stored choice and GPC): a second one would only muddle the order, so it is pushed only when absent.
  if (
    !dataLayer.some(
      (command) =>
        (command as ArrayLike<unknown> | null)?.[0] == 'consent' && (command as ArrayLike<unknown>)[1] == 'default',
    )
  ) {
    gtag('consent', 'default', { ...consentMode(() => false), wait_for_update: 500 });
  }
  return gtag;
}

/** Sends the stored choice; what GPC holds back stays denied even under a choice made before GPC was on. */
export function updateConsentMode(s: Banner, choices: Choices) {
  const { categories } = s.config!;
  s.gtag(
    'consent',
    'update',
    consentMode((signal) =>
      categories.some((k) => choices[k.id] && !held(s, k) && k.signals.includes(signal as never)),
    ),
  );
}
