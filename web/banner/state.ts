/**
 * The banner's state and the small helpers every piece shares: one `Banner` object made by `boot` and passed to each
 * function (no shared closure), the consent cookie's shape, cookie reading/writing, expiry and the GPC hold.
 */
import type { BannerCategory, BannerConfig } from '../../src/consent/banner-config.js';

export type Choices = Record<string, boolean>;
/** The consent cookie: revision, time of the choice (ms), choices, method, receipt id from the ledger. */
export interface Stored {
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
export type Listener = (state: ConsentState | null) => void;

/** Everything the banner knows on one page; `config` is set once the site's configuration has arrived. */
export interface Banner {
  origin: string;
  site: string;
  script: HTMLScriptElement;
  /** The visitor's browser sends Global Privacy Control. */
  gpc: boolean;
  gtag: (...args: unknown[]) => void;
  listeners: Listener[];
  /** Gated scripts already run, so a rescan never runs one twice. */
  ran: WeakSet<Element>;
  config?: BannerConfig;
  stored?: Stored;
  root?: HTMLElement;
  returnFocus: Element | null;
  /** `Charter.open()` came before the configuration: open as soon as it arrives. */
  openWanted: boolean;
}

export const w = window as unknown as Window & {
  dataLayer?: unknown[];
  Charter?: { consent(): ConsentState | null; open(): void; on(event: 'change', listener: Listener): void };
};
export const d = document;
export const CONSENT = 'charter_consent';
export const VISITOR = 'charter_visitor';

export const esc = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
export const readCookie = (name: string) => new RegExp(`(?:^|; )${name}=([^;]*)`).exec(d.cookie)?.[1];
export const writeCookie = (name: string, value: string, maxAge: number) => {
  d.cookie = `${name}=${value};path=/;max-age=${maxAge};SameSite=Lax${location.protocol == 'https:' ? ';Secure' : ''}`;
};
/** When a choice made at `t` must be asked again: calendar months (clamped to the month's end), then days. */
export const expires = (s: Banner, t: number) => {
  const { months, days } = s.config!.expiry;
  const e = new Date(t);
  const day = e.getDate();
  e.setDate(1);
  e.setMonth(e.getMonth() + months);
  e.setDate(Math.min(day, new Date(e.getFullYear(), e.getMonth() + 1, 0).getDate()) + days);
  return +e;
};
/** A category Global Privacy Control holds off (sale, sharing, advertising) when the charter honours it. */
export const held = (s: Banner, k: BannerCategory) => s.config!.honourGpc && s.gpc && k.gpc;
export const all = (s: Banner, value: (k: BannerCategory) => boolean): Choices =>
  Object.fromEntries(s.config!.categories.map((k) => [k.id, value(k)]));
export const consentState = ({ stored }: Banner): ConsentState | null =>
  stored
    ? {
        choices: { ...stored.c },
        revision: stored.r,
        method: stored.m,
        date: new Date(stored.t).toISOString(),
        receipt: stored.i ?? null,
      }
    : null;
