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
 */
import type { BannerCategory, BannerConfig } from '../../src/consent/banner-config.js';

/** The minified stylesheet, inlined by scripts/build-banner.mjs. */
declare const __CSS__: string;
/**
 * The configuration, when the server wrapped this bundle around it (src/consent/banner-script.ts, `/banner/{site}.js`):
 * then no second request. Absent in the plain `/banner.js`, which fetches it.
 */
declare const __charterConfig: BannerConfig | undefined;

type Choices = Record<string, boolean>;
/** The consent cookie: revision, time of the choice (ms), choices, method, receipt id from the ledger. */
interface Stored {
  r: string;
  t: number;
  c: Choices;
  m: string;
  i?: string;
}
/** What `Charter.consent()` returns and `change` listeners receive; null while no valid choice exists. */
export interface ConsentState {
  choices: Choices;
  revision: string;
  method: string;
  date: string;
  receipt: string | null;
}
type Listener = (state: ConsentState | null) => void;

const w = window as unknown as Window & {
  dataLayer?: unknown[];
  Charter?: { consent(): ConsentState | null; open(): void; on(event: 'change', listener: Listener): void };
};
const d = document;
if (!w.Charter) boot();

function boot() {
  const CONSENT = 'charter_consent';
  const VISITOR = 'charter_visitor';
  const embedded = typeof __charterConfig == 'object' ? __charterConfig : undefined;
  const script = (d.currentScript ?? d.querySelector('script[data-site],script[src*="/banner/"]')) as HTMLScriptElement;
  const origin = new URL(script.src).origin;
  const site = script.dataset.site ?? embedded?.site ?? '';
  const gpcSignal = (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  const listeners: Listener[] = [];
  const ran = new WeakSet<Element>();
  let config: BannerConfig | undefined;
  let stored: Stored | undefined;
  let root: HTMLElement | undefined;
  let returnFocus: Element | null = null;
  let openWanted = false;

  // Google Consent Mode v2: the default goes first, before any tag can run; gtag's own `dataLayer.push(arguments)`.
  const dataLayer = (w.dataLayer ??= []);
  function gtag(..._args: unknown[]) {
    // eslint-disable-next-line prefer-rest-params
    dataLayer.push(arguments);
  }
  const signals = [
    'ad_storage',
    'analytics_storage',
    'ad_user_data',
    'ad_personalization',
    'functionality_storage',
    'personalization_storage',
    'security_storage',
  ];
  const consentMode = (granted: (signal: string) => boolean) =>
    Object.fromEntries(signals.map((s) => [s, granted(s) ? 'granted' : 'denied']));
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

  const esc = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const readCookie = (name: string) => new RegExp(`(?:^|; )${name}=([^;]*)`).exec(d.cookie)?.[1];
  const writeCookie = (name: string, value: string, maxAge: number) => {
    d.cookie = `${name}=${value};path=/;max-age=${maxAge};SameSite=Lax${location.protocol == 'https:' ? ';Secure' : ''}`;
  };
  /** When a choice made at `t` must be asked again: calendar months (clamped to the month's end), then days. */
  const expires = (t: number) => {
    const { months, days } = config!.expiry;
    const e = new Date(t);
    const day = e.getDate();
    e.setDate(1);
    e.setMonth(e.getMonth() + months);
    e.setDate(Math.min(day, new Date(e.getFullYear(), e.getMonth() + 1, 0).getDate()) + days);
    return +e;
  };
  const held = (k: BannerCategory) => config!.honourGpc && gpcSignal && k.gpc;
  const all = (value: (k: BannerCategory) => boolean): Choices =>
    Object.fromEntries(config!.categories.map((k) => [k.id, value(k)]));
  const state = (): ConsentState | null =>
    stored
      ? {
          choices: { ...stored.c },
          revision: stored.r,
          method: stored.m,
          date: new Date(stored.t).toISOString(),
          receipt: stored.i ?? null,
        }
      : null;

  w.Charter = {
    consent: state,
    open: () => show(true),
    on: (event, listener) => {
      if (event == 'change') listeners.push(listener);
    },
  };

  d.addEventListener('click', (event) => {
    const target = (event.target as Element).closest?.('[data-charter-open],[data-charter-allow]');
    if (!target) return;
    event.preventDefault();
    const id = target.getAttribute('data-charter-allow');
    if (id) decide('custom', { ...(stored?.c ?? all(() => false)), [id]: true });
    else show(true);
  });

  const languages = [
    ...new Set([d.documentElement.lang, ...(navigator.languages ?? [])].map((l) => l.slice(0, 2).toLowerCase())),
  ].filter(Boolean);
  const base = `${origin}/api/v1/banner/${encodeURIComponent(site)}/`;
  // The server chose the embedded language from the tag's ?lang= or Accept-Language; only when the page's own
  // language is another of the site's languages is that one fetched (revision-addressed, so cacheable for a year).
  const wanted = embedded && languages.find((l) => embedded.languages.includes(l as BannerConfig['language']));
  (embedded && (!wanted || wanted == embedded.language)
    ? Promise.resolve(embedded)
    : fetch(embedded ? `${base}${embedded.revision}/${wanted}.json` : `${base}config?lang=${languages.join()}`).then(
        (response) =>
          response.ok ? (response.json() as Promise<BannerConfig>) : Promise.reject(new Error(`${response.status}`)),
      )
  )
    .then((value) => (d.body ? start(value) : d.addEventListener('DOMContentLoaded', () => start(value))))
    .catch((error: unknown) => console.warn('Charter banner:', error));

  function start(value: BannerConfig) {
    // Nothing to consent to: no banner, no button, nothing recorded.
    if (!value.categories.length) return;
    config = value;
    if (d.adoptedStyleSheets) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(`${__CSS__}:root{--charter-accent:${value.accent}}`);
      d.adoptedStyleSheets = [...d.adoptedStyleSheets, sheet];
    } else {
      d.head.insertAdjacentHTML('beforeend', `<link rel="stylesheet" href="${origin}/banner.css">`);
    }
    if (script.dataset.button != 'off') {
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
    if (previous && Date.now() >= expires(previous.t)) {
      // The choice lapsed (charter consent.expiry): record that, forget it, remove what it allowed, ask again.
      record({ r: value.revision, t: Date.now(), c: all(() => false), m: 'expiry' });
      writeCookie(CONSENT, '', 0);
      value.categories.forEach((k) => k.cookies.forEach(erase));
      previous = undefined;
    }
    if (previous?.r == value.revision) {
      stored = previous;
      if (!previous.i) record(previous);
      apply();
      reopenButton(false);
    } else {
      show(openWanted);
      // Statistics only ("shown"): a text/plain beacon needs no CORS preflight and carries nothing about the visitor.
      navigator.sendBeacon?.(`${origin}/api/v1/consent/shown`, JSON.stringify({ site, revision: value.revision }));
    }
    scan();
    new MutationObserver((records) => {
      if (
        records.some((r) =>
          [...r.addedNodes].some(
            (n) => n instanceof Element && (n.matches('[data-category]') || !!n.querySelector('[data-category]')),
          ),
        )
      )
        scan();
    }).observe(d.documentElement, { childList: true, subtree: true });
    if (openWanted) show(true);
  }

  function reopenButton(hidden: boolean) {
    const button = d.querySelector<HTMLElement>('.chb-r');
    if (button) button.hidden = hidden;
  }

  function show(second: boolean) {
    if (!config) {
      openWanted = true;
      return;
    }
    openWanted = false;
    const t = config.texts;
    if (!root) {
      root = d.createElement('div');
      root.id = 'charter-banner';
      root.className = 'chb';
      root.tabIndex = -1;
      root.lang = config.language;
      root.setAttribute('role', 'dialog');
      root.setAttribute('aria-labelledby', 'chb-t');
      root.setAttribute('aria-describedby', 'chb-d');
      root.onclick = (event) => {
        const action = (event.target as Element).closest('[data-a]')?.getAttribute('data-a');
        if (action == 'all')
          decide(
            config!.categories.some(held) ? 'gpc' : 'accept-all',
            all((k) => !held(k)),
          );
        if (action == 'none')
          decide(
            'reject-all',
            all(() => false),
          );
        if (action == 'choose') show(true);
        if (action == 'save') {
          const choices = all(() => false);
          root!
            .querySelectorAll<HTMLInputElement>('input[data-c]')
            .forEach((input) => (choices[input.dataset.c!] = input.checked));
          decide('custom', choices);
        }
      };
      root.onkeydown = (event) => {
        if (event.key == 'Escape') {
          if (stored) hide();
          else show(false);
        }
      };
      d.body.prepend(root);
    }
    if (root.hidden || !root.isConnected || !returnFocus) returnFocus = d.activeElement;
    const heldNames = config.categories
      .filter(held)
      .map((k) => k.name)
      .join(', ');
    const buttons = (action: string, label: string) =>
      `<div class="chb-b"><button type="button" data-a="all">${esc(t.acceptAll)}</button><button type="button" data-a="none">${esc(t.rejectAll)}</button><button type="button" data-a="${action}">${esc(label)}</button></div>`;
    const necessaryLabel = `${esc(t.necessary)} (${esc(t.alwaysOn)})`;
    root.innerHTML =
      `<h2 id="chb-t">${esc(second ? t.settings : t.title)}</h2><p id="chb-d">${esc(t.intro)} <a href="${origin}${config.notice}">${esc(t.notice)}</a></p>` +
      (heldNames ? `<p class="chb-g">${esc(t.gpc.replace('{categories}', heldNames))}</p>` : '') +
      (second
        ? category(necessaryLabel, '', config.necessary, [], '<input type="checkbox" role="switch" checked disabled>') +
          config.categories
            .map((k) =>
              category(
                esc(k.name),
                k.description,
                k.cookies,
                k.vendors,
                `<input type="checkbox" role="switch" data-c="${esc(k.id)}"${stored?.c[k.id] ? ' checked' : ''}>`,
              ),
            )
            .join('') +
          buttons('save', t.save)
        : `<ul class="chb-l"><li>${necessaryLabel}: ${esc(config.necessary.map((c) => c.name).join(', '))}</li>${config.categories.map((k) => `<li>${esc(k.name)}</li>`).join('')}</ul>` +
          buttons('choose', t.choose));
    root.hidden = false;
    reopenButton(true);
    root.focus({ preventScroll: true });
  }

  function category(
    label: string,
    description: string,
    cookies: BannerConfig['necessary'],
    vendors: BannerCategory['vendors'],
    input: string,
  ) {
    const t = config!.texts;
    const rows = cookies
      .map(
        (c) =>
          `<tr><td>${esc(c.name)}<br>${esc(c.vendor)}</td><td>${esc(c.purpose)}</td><td>${esc(c.duration)}</td></tr>`,
      )
      .join('');
    const vendorList = vendors
      .map(
        (v) =>
          (v.privacyUrl ? `<a href="${esc(v.privacyUrl)}">${esc(v.name)}</a>` : esc(v.name)) + ` (${esc(v.country)})`,
      )
      .join(', ');
    return (
      `<div class="chb-c"><label>${input} ${label}</label>${description ? `<p>${esc(description)}</p>` : ''}` +
      (rows || vendorList
        ? `<details><summary>${esc(t.details)}</summary>${vendorList ? `<p>${esc(t.vendors)}: ${vendorList}</p>` : ''}${rows ? `<table><tr><th scope="col">${esc(t.cookie)}</th><th scope="col">${esc(t.purpose)}</th><th scope="col">${esc(t.duration)}</th></tr>${rows}</table>` : ''}</details>`
        : '') +
      '</div>'
    );
  }

  function hide() {
    if (!root) return;
    root.hidden = true;
    reopenButton(false);
    if (returnFocus instanceof HTMLElement && returnFocus != d.body && returnFocus.isConnected) returnFocus.focus();
    returnFocus = null;
  }

  /** A choice: withdrawing is a choice that only takes back what was granted (Art. 7(3)). */
  function decide(method: string, choices: Choices) {
    const before = stored?.c;
    const ids = config!.categories.map((k) => k.id);
    if (before && ids.some((id) => before[id] && !choices[id]) && !ids.some((id) => choices[id] && !before[id]))
      method = 'withdraw';
    stored = { r: config!.revision, t: Date.now(), c: choices, m: method };
    save(stored);
    record(stored);
    hide();
    apply();
  }

  function save(choice: Stored) {
    writeCookie(
      CONSENT,
      encodeURIComponent(JSON.stringify(choice)),
      Math.round((expires(choice.t) - Date.now()) / 1000),
    );
  }

  /** Sends a choice to the consent ledger and keeps the receipt with it. The choice holds whether or not this succeeds. */
  function record(choice: Stored) {
    let visitor = readCookie(VISITOR);
    if (!visitor || !/^[\w-]{16,64}$/.test(visitor)) {
      visitor = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => (b + 256).toString(16).slice(1)).join('');
    }
    writeCookie(VISITOR, visitor, Math.round((expires(Date.now()) - Date.now()) / 1000));
    fetch(`${origin}/api/v1/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        site,
        visitor,
        revision: choice.r,
        language: config!.language,
        method: choice.m,
        choices: choice.c,
        gpc: gpcSignal,
        url: location.origin + location.pathname,
      }),
    })
      .then((response) => (response.ok ? (response.json() as Promise<{ receipt: string }>) : undefined))
      .then((answer) => {
        if (answer && stored == choice) {
          choice.i = answer.receipt;
          save(choice);
        }
      })
      .catch(() => undefined);
  }

  /** Makes the page follow the stored choice: consent mode, cookies of denied categories, gated elements, listeners. */
  function apply() {
    const choices = stored?.c ?? {};
    if (config!.googleConsentMode) {
      // What GPC holds back stays denied even under a choice made before GPC was on, as the default has it.
      gtag(
        'consent',
        'update',
        consentMode((s) => config!.categories.some((k) => choices[k.id] && !held(k) && k.signals.includes(s as never))),
      );
    }
    config!.categories.forEach((k) => choices[k.id] || k.cookies.forEach(erase));
    scan();
    const current = state();
    listeners.forEach((listener) => listener(current));
    d.dispatchEvent(new CustomEvent('charter:consent', { detail: current }));
  }

  /** Deletes a cookie (or storage key) for this host and every parent domain the page can reach. */
  function erase(cookie: { name: string; type: string }) {
    const prefix = cookie.name.endsWith('*') ? cookie.name.slice(0, -1) : '';
    if (cookie.type != 'cookie') {
      try {
        (cookie.type == 'local-storage' ? localStorage : sessionStorage).removeItem(cookie.name);
      } catch {
        // storage blocked: nothing to delete
      }
      return;
    }
    const names = prefix
      ? d.cookie
          .split('; ')
          .map((p) => p.split('=')[0]!)
          .filter((n) => n.startsWith(prefix))
      : [cookie.name];
    const parts = location.hostname.split('.');
    for (const name of names) {
      writeCookie(name, '', 0);
      parts.forEach((_, i) => (d.cookie = `${name}=;path=/;max-age=0;domain=${parts.slice(i).join('.')}`));
    }
  }

  /** Runs granted gated scripts once, loads granted frames, and holds back (with a placeholder) the others. */
  function scan() {
    if (!config) return;
    d.querySelectorAll<HTMLElement>('[data-category]').forEach((el) => {
      const id = el.dataset.category!;
      const on = !!stored?.c[id];
      if (el instanceof HTMLScriptElement) {
        if (on && el.type == 'text/plain' && !ran.has(el)) {
          ran.add(el);
          const run = d.createElement('script');
          for (const a of el.attributes)
            if (!/^(type|data-category|data-src)$/.test(a.name)) run.setAttribute(a.name, a.value);
          run.nonce = el.nonce ?? '';
          run.async = false;
          if (el.dataset.src) run.src = el.dataset.src;
          else run.text = el.text;
          el.after(run);
        }
      } else if (el instanceof HTMLIFrameElement) {
        frame(el, on, id);
      }
    });
  }

  function frame(el: HTMLIFrameElement, on: boolean, id: string) {
    const placeholder = el.previousElementSibling?.classList.contains('charter-ph')
      ? (el.previousElementSibling as HTMLElement)
      : undefined;
    if (on) {
      el.hidden = false;
      // Whoever allowed it from the placeholder lands on what it loaded.
      if (placeholder?.contains(d.activeElement)) el.focus();
      placeholder?.remove();
      if (el.dataset.src && el.getAttribute('src') != el.dataset.src) el.src = el.dataset.src;
      return;
    }
    if (el.getAttribute('src')) {
      // Revoked: a fresh element without src unloads what the frame had loaded.
      const fresh = el.cloneNode() as HTMLIFrameElement;
      fresh.removeAttribute('src');
      el.replaceWith(fresh);
      el = fresh;
    }
    // A category the charter does not declare cannot be consented to: the frame stays empty, with no offer.
    const name = config!.categories.find((k) => k.id == id)?.name;
    if (placeholder || !name) return;
    const box = d.createElement('div');
    box.className = 'charter-ph';
    box.lang = config!.language;
    box.innerHTML = `<p>${esc(config!.texts.blocked.replace('{category}', name))}</p><button type="button" data-charter-allow="${esc(id)}">${esc(config!.texts.allow.replace('{category}', name))}</button>`;
    // Same box as the frame, so nothing moves when it loads (CSSOM is allowed under a strict style-src).
    if (el.offsetWidth) {
      box.style.width = `${el.offsetWidth}px`;
      box.style.height = `${el.offsetHeight}px`;
    }
    el.before(box);
    el.hidden = true;
  }
}
