/**
 * Charter's consent banner: one script tag on any site, no dependencies, a strict size budget (JS + CSS ≤ 6,000 bytes
 * gzip -9, enforced by test/unit/banner-size-budget.test.ts).
 *
 *   <script src="https://charter.example/banner/main.js" async></script>
 *
 * That script carries the site's configuration (one request); the older tag `<script src=".../banner.js"
 * data-site="main" async>` still works and fetches it. It finds the Charter server from its own src, takes the
 * site's configuration in the page's language
 * (src/consent/banner-config.ts), asks first, remembers the choice in the first-party cookie `charter_consent`
 * with the receipt of the consent ledger, and only then runs what the choice allows:
 * - `<script type="text/plain" data-category="analytics" [data-src]>` runs once its category is granted;
 * - `<iframe data-category="…" data-src="…">` loads once granted; until then an accessible placeholder offers consent;
 * - revoking a category deletes that category's cookies the page can reach (names from the charter);
 * - Google Consent Mode v2: `default` all denied before anything else, `update` after each choice;
 * - Global Privacy Control: sale/sharing/advertising categories stay off and the banner says so.
 * API: `Charter.consent()`, `Charter.open()`, `Charter.on('change', fn)`, and the DOM event `charter:consent`.
 * Any element with `data-charter-open` reopens the choices; `data-button="off"` on the tag hides our own button.
 * Works under a strict host CSP: styles go in a constructed stylesheet, never in style attributes of markup.
 *
 * This file boots the banner and publishes its API; the pieces share one `Banner` state object (state.ts): the dialog
 * (dialog.ts), the choice and its storage (choices.ts), what a choice allows on the page (activation.ts) and Google
 * Consent Mode (consent-mode.ts).
 */
import type { BannerConfig } from '../../src/consent/banner-config.js';
import { erase, scan, apply } from './activation.js';
import { decide, record } from './choices.js';
import { startConsentMode } from './consent-mode.js';
import { show } from './dialog.js';
import { reopenButton } from './visibility.js';
import {
  CONSENT,
  all,
  consentState,
  d,
  esc,
  expires,
  readCookie,
  w,
  writeCookie,
  type Banner,
  type Stored,
} from './state.js';

/** The minified stylesheet, inlined by scripts/build-banner.mjs. */
declare const __CSS__: string;
/**
 * The configuration, when the server wrapped this bundle around it (src/consent/banner-script.ts, `/banner/{site}.js`):
 * then no second request. Absent in the plain `/banner.js`, which fetches it.
 */
declare const __charterConfig: BannerConfig | undefined;

export type { ConsentState } from './state.js';

if (!w.Charter) boot();

function boot() {
  const embedded = typeof __charterConfig == 'object' ? __charterConfig : undefined;
  const script = (d.currentScript ?? d.querySelector('script[data-site],script[src*="/banner/"]')) as HTMLScriptElement;
  // Consent Mode's default goes first, before any tag can run.
  const gtag = startConsentMode((w.dataLayer ??= []));
  const s: Banner = {
    origin: new URL(script.src).origin,
    site: script.dataset.site ?? embedded?.site ?? '',
    script,
    gpc: (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true,
    gtag,
    listeners: [],
    ran: new WeakSet(),
    returnFocus: null,
    openWanted: false,
  };
  publish(s);
  fetchConfig(s, embedded)
    .then((value) => (d.body ? start(s, value) : d.addEventListener('DOMContentLoaded', () => start(s, value))))
    .catch((error: unknown) => console.warn('Charter banner:', error));
}

/** `window.Charter`, and the page's own `data-charter-open` / `data-charter-allow` elements. */
function publish(s: Banner) {
  w.Charter = {
    consent: () => consentState(s),
    open: () => show(s, true),
    on: (event, listener) => {
      if (event == 'change') s.listeners.push(listener);
    },
  };
  d.addEventListener('click', (event) => {
    const target = (event.target as Element).closest?.('[data-charter-open],[data-charter-allow]');
    if (!target) return;
    event.preventDefault();
    const id = target.getAttribute('data-charter-allow');
    if (id) decide(s, 'custom', { ...(s.stored?.c ?? all(s, () => false)), [id]: true });
    else show(s, true);
  });
}

/** The site's configuration in the page's language: the embedded one when it fits, else one request. */
function fetchConfig(s: Banner, embedded: BannerConfig | undefined): Promise<BannerConfig> {
  const languages = [
    ...new Set([d.documentElement.lang, ...(navigator.languages ?? [])].map((l) => l.slice(0, 2).toLowerCase())),
  ].filter(Boolean);
  const base = `${s.origin}/api/v1/banner/${encodeURIComponent(s.site)}/`;
  // The server chose the embedded language from the tag's ?lang= or Accept-Language; only when the page's own
  // language is another of the site's languages is that one fetched (revision-addressed, so cacheable for a year).
  const wanted = embedded && languages.find((l) => embedded.languages.includes(l as BannerConfig['language']));
  return embedded && (!wanted || wanted == embedded.language)
    ? Promise.resolve(embedded)
    : fetch(embedded ? `${base}${embedded.revision}/${wanted}.json` : `${base}config?lang=${languages.join()}`).then(
        (response) =>
          response.ok ? (response.json() as Promise<BannerConfig>) : Promise.reject(new Error(`${response.status}`)),
      );
}

function start(s: Banner, value: BannerConfig) {
  // Nothing to consent to: no banner, no button, nothing recorded.
  if (!value.categories.length) return;
  s.config = value;
  if (d.adoptedStyleSheets) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`${__CSS__}:root{--charter-accent:${value.accent}}`);
    d.adoptedStyleSheets = [...d.adoptedStyleSheets, sheet];
  } else {
    d.head.insertAdjacentHTML('beforeend', `<link rel="stylesheet" href="${s.origin}/banner.css">`);
  }
  if (s.script.dataset.button != 'off') {
    d.body.insertAdjacentHTML(
      'beforeend',
      `<button type="button" class="chb-r" data-charter-open hidden>${esc(value.texts.reopen)}</button>`,
    );
  }
  let previous: Stored | undefined;
  try {
    previous = JSON.parse(decodeURIComponent(readCookie(CONSENT) ?? '')) as Stored;
  } catch {
    // no choice yet, or an unreadable one: ask
  }
  if (previous && Date.now() >= expires(s, previous.t)) {
    // The choice lapsed (charter consent.expiry): record that, forget it, remove what it allowed, ask again.
    record(s, { r: value.revision, t: Date.now(), c: all(s, () => false), m: 'expiry' });
    writeCookie(CONSENT, '', 0);
    value.categories.forEach((k) => k.cookies.forEach(erase));
    previous = undefined;
  }
  if (previous?.r == value.revision) {
    s.stored = previous;
    if (!previous.i) record(s, previous);
    apply(s);
    reopenButton(false);
  } else {
    show(s, s.openWanted);
    // Statistics only ("shown"): a text/plain beacon needs no CORS preflight and carries nothing about the visitor.
    navigator.sendBeacon?.(
      `${s.origin}/api/v1/consent/shown`,
      JSON.stringify({ site: s.site, revision: value.revision }),
    );
  }
  scan(s);
  // Gated elements the page adds later are held back (or run) as they arrive.
  new MutationObserver((records) => {
    if (
      records.some((r) =>
        [...r.addedNodes].some(
          (n) => n instanceof Element && (n.matches('[data-category]') || !!n.querySelector('[data-category]')),
        ),
      )
    )
      scan(s);
  }).observe(d.documentElement, { childList: true, subtree: true });
  if (s.openWanted) show(s, true);
}
