/**
 * The banner's dialog: the first layer (title, categories, accept/reject/choose), the second (a switch and the
 * cookie and vendor details per category), focus in and back out, and the reopen button.
 */
import type { BannerCategory, BannerConfig } from '../../src/consent/banner-config.js';
import { decide } from './choices.js';
import { hide, reopenButton } from './visibility.js';
import { all, d, esc, held, type Banner } from './state.js';

/** The dialog element, made once; its buttons act through `data-a`. */
function dialog(s: Banner, config: BannerConfig) {
  const root = d.createElement('div');
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
        s,
        config.categories.some((k) => held(s, k)) ? 'gpc' : 'accept-all',
        all(s, (k) => !held(s, k)),
      );
    if (action == 'none')
      decide(
        s,
        'reject-all',
        all(s, () => false),
      );
    if (action == 'choose') show(s, true);
    if (action == 'save') {
      const choices = all(s, () => false);
      root
        .querySelectorAll<HTMLInputElement>('input[data-c]')
        .forEach((input) => (choices[input.dataset.c!] = input.checked));
      decide(s, 'custom', choices);
    }
  };
  root.onkeydown = (event) => {
    if (event.key == 'Escape') {
      if (s.stored) hide(s);
      else show(s, false);
    }
  };
  d.body.prepend(root);
  return root;
}

/** Opens the first layer, or with `second` the choices per category; waits for the configuration if need be. */
export function show(s: Banner, second: boolean) {
  const config = s.config;
  if (!config) {
    s.openWanted = true;
    return;
  }
  s.openWanted = false;
  const t = config.texts;
  const root = (s.root ??= dialog(s, config));
  if (root.hidden || !root.isConnected || !s.returnFocus) s.returnFocus = d.activeElement;
  const heldNames = config.categories
    .filter((k) => held(s, k))
    .map((k) => k.name)
    .join(', ');
  const buttons = (action: string, label: string) =>
    `<div class="chb-b"><button type="button" data-a="all">${esc(t.acceptAll)}</button><button type="button" data-a="none">${esc(t.rejectAll)}</button><button type="button" data-a="${action}">${esc(label)}</button></div>`;
  const necessaryLabel = `${esc(t.necessary)} (${esc(t.alwaysOn)})`;
  root.innerHTML =
    `<h2 id="chb-t">${esc(second ? t.settings : t.title)}</h2><p id="chb-d">${esc(t.intro)} <a href="${s.origin}${config.notice}">${esc(t.notice)}</a></p>` +
    (heldNames ? `<p class="chb-g">${esc(t.gpc.replace('{categories}', heldNames))}</p>` : '') +
    (second
      ? category(
          config,
          necessaryLabel,
          '',
          config.necessary,
          [],
          '<input type="checkbox" role="switch" checked disabled>',
        ) +
        config.categories
          .map((k) =>
            category(
              config,
              esc(k.name),
              k.description,
              k.cookies,
              k.vendors,
              `<input type="checkbox" role="switch" data-c="${esc(k.id)}"${s.stored?.c[k.id] ? ' checked' : ''}>`,
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

/** One category of the second layer: its switch, description, vendors and cookies. */
function category(
  config: BannerConfig,
  label: string,
  description: string,
  cookies: BannerConfig['necessary'],
  vendors: BannerCategory['vendors'],
  input: string,
) {
  const t = config.texts;
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
