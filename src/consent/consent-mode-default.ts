/**
 * The Google Consent Mode default as a tiny blocking script (issue 18 item 8, issue 19): `GET /banner/{site}/consent-
 * mode.js`, placed WITHOUT `async` before the Google tag. The banner itself loads `async` (it must not hold the page),
 * so a Google tag written after it could run first and find no default; this script runs where it stands, before any
 * later script, and pushes `gtag('consent', 'default', …)` onto `dataLayer` — all denied, except what the visitor's
 * stored choice for the current consent revision granted, and never what Global Privacy Control holds back.
 * The banner sees that a default is already queued and does not push a second one; its `update` follows each choice.
 * Pure: configuration in, script text out (a few hundred bytes, no dependency, ES5 so it runs wherever the tag does).
 */
import type { BannerConfig } from './banner-config.js';

/** Every signal the default sets; the banner imports this list (web/banner/consent-mode.ts), so both set the same ones. */
export const consentModeDefaultSignals = [
  'ad_storage',
  'analytics_storage',
  'ad_user_data',
  'ad_personalization',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
] as const;

/**
 * The script for a site's current configuration. The stored choice is the banner's first-party cookie
 * `charter_consent` (`{ r: revision, t: time ms, c: choices }`); a choice for another revision, or one past the
 * charter's `consent.expiry`, counts as none (the banner asks again), exactly as the banner decides.
 */
export function consentModeDefaultScript(
  config: Pick<BannerConfig, 'revision' | 'expiry' | 'honourGpc' | 'categories'>,
): string {
  const settings = {
    r: config.revision,
    m: config.expiry.months,
    d: config.expiry.days,
    h: config.honourGpc,
    s: consentModeDefaultSignals,
    k: config.categories.map((k) => [k.id, k.signals, k.gpc]),
  };
  const json = JSON.stringify(settings).replace(/</g, '\\u003c');
  // `wait_for_update`: tags wait briefly for the banner's update on a returning visit (Google's documented field).
  return `/* Charter: Google Consent Mode default; load without async, before the Google tag */
(function(w,C){var q=w.dataLayer=w.dataLayer||[];function gtag(){q.push(arguments)}
var c={},v;try{v=JSON.parse(decodeURIComponent((/(?:^|; )charter_consent=([^;]*)/.exec(document.cookie)||[])[1]||''))}catch(e){}
if(v&&v.r==C.r&&v.c){var e=new Date(v.t),day=e.getDate();e.setDate(1);e.setMonth(e.getMonth()+C.m);
e.setDate(Math.min(day,new Date(e.getFullYear(),e.getMonth()+1,0).getDate())+C.d);if(Date.now()<+e)c=v.c}
var g=C.h&&navigator.globalPrivacyControl===true,o={};C.s.forEach(function(s){o[s]='denied'});
C.k.forEach(function(k){if(c[k[0]]===true&&!(g&&k[2]))k[1].forEach(function(s){o[s]='granted'})});
o.wait_for_update=500;gtag('consent','default',o)})(window,${json});
`;
}
