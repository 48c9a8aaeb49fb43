/**
 * What the stored choice allows, applied to the page: gated scripts run once, gated frames load (or wait behind an
 * accessible placeholder), cookies of denied categories are deleted, Consent Mode is updated and listeners are told.
 */
import { updateConsentMode } from './consent-mode.js';
import { consentState, d, esc, writeCookie, type Banner } from './state.js';

/** Makes the page follow the stored choice: consent mode, cookies of denied categories, gated elements, listeners. */
export function apply(s: Banner) {
  const choices = s.stored?.c ?? {};
  if (s.config!.googleConsentMode) updateConsentMode(s, choices);
  s.config!.categories.forEach((k) => choices[k.id] || k.cookies.forEach(erase));
  scan(s);
  const current = consentState(s);
  s.listeners.forEach((listener) => listener(current));
  d.dispatchEvent(new CustomEvent('charter:consent', { detail: current }));
}

/** Deletes a cookie (or storage key) for this host and every parent domain the page can reach. */
export function erase(cookie: { name: string; type: string }) {
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
export function scan(s: Banner) {
  if (!s.config) return;
  d.querySelectorAll<HTMLElement>('[data-category]').forEach((el) => {
    const id = el.dataset.category!;
    const on = !!s.stored?.c[id];
    if (el instanceof HTMLScriptElement) {
      if (on && el.type == 'text/plain' && !s.ran.has(el)) {
        s.ran.add(el);
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
      frame(s, el, on, id);
    }
  });
}

function frame(s: Banner, el: HTMLIFrameElement, on: boolean, id: string) {
  const config = s.config!;
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
  const name = config.categories.find((k) => k.id == id)?.name;
  if (placeholder || !name) return;
  const box = d.createElement('div');
  box.className = 'charter-ph';
  box.lang = config.language;
  box.innerHTML = `<p>${esc(config.texts.blocked.replace('{category}', name))}</p><button type="button" data-charter-allow="${esc(id)}">${esc(config.texts.allow.replace('{category}', name))}</button>`;
  // Same box as the frame, so nothing moves when it loads (CSSOM is allowed under a strict style-src).
  if (el.offsetWidth) {
    box.style.width = `${el.offsetWidth}px`;
    box.style.height = `${el.offsetHeight}px`;
  }
  el.before(box);
  el.hidden = true;
}
