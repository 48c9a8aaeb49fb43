/**
 * Server-rendered pages: escaping, language negotiation and one accessible page frame with the shared stylesheet.
 * No inline scripts anywhere (the Content-Security-Policy forbids them).
 */

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: unknown): string {
  return (
    typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : ''
  ).replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/** Tagged template that escapes every interpolated value unless it is wrapped with `raw()`. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): RawHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += renderValue(value) + (strings[i + 1] ?? '');
  });
  return new RawHtml(out);
}

export class RawHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

export function raw(value: string): RawHtml {
  return new RawHtml(value);
}

function renderValue(value: unknown): string {
  if (value instanceof RawHtml) return value.value;
  if (Array.isArray(value)) return value.map(renderValue).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(value);
}

/**
 * Picks a language: an explicit choice (`?lang=`) first, then the Accept-Language header by quality, among
 * `available`; `fallback` otherwise.
 */
export function negotiateLanguage<L extends string>(
  available: readonly L[],
  fallback: L,
  explicit?: string,
  acceptLanguage?: string,
): L {
  const match = (tag: string) => available.find((l) => l === tag.toLowerCase().split('-')[0]);
  if (explicit) {
    const found = match(explicit);
    if (found) return found;
  }
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const found = match(tag);
    if (found) return found;
  }
  return fallback;
}

export interface PageOptions {
  lang: string;
  title: string;
  body: RawHtml;
  /** Extra stylesheets or scripts (external files only). */
  head?: RawHtml;
  skipLinkLabel?: string;
}

/** A full HTML document with a skip link, the shared stylesheet and a main landmark expected inside `body`. */
export function page(options: PageOptions): string {
  return (
    '<!doctype html>' +
    html`<html lang="${options.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${options.title}</title><link rel="stylesheet" href="/assets/charter.css">${options.head ?? ''}</head><body><a class="skip-link" href="#main">${options.skipLinkLabel ?? 'Skip to content'}</a>${options.body}</body></html>`
      .value
  );
}
