/**
 * The small pages around the notice: the version history with what changed in each version, and the pages of the
 * change-notification subscription (confirm, unsubscribe, messages). Server-rendered, no scripts, forms post to
 * this server (CSP `form-action 'self'`).
 */
import type { Language } from '../charter/schema.js';
import { html, page } from '../platform/http/html.js';
import type { NoticeChange } from './diff.js';
import { dateInWords } from './phrasing.js';
import { noticeTexts } from './texts/index.js';

const stylesheets = (site: string) =>
  html`<link rel="stylesheet" href="/assets/notice.css"><link rel="stylesheet" href="/privacy/${site}/notice/theme.css">`;

export interface HistoryEntry {
  version: number;
  date: string;
  significant: boolean;
  changes: NoticeChange[];
}

/** The list of versions of a site's notice, newest first, each with what changed. */
export function historyPage(input: {
  site: string;
  siteName: string;
  language: Language;
  languages: readonly Language[];
  entries: HistoryEntry[];
}): string {
  const t = noticeTexts[input.language];
  const languageLinks =
    input.languages.length > 1
      ? html`<nav class="charter-notice__languages" aria-label="${t.labels.languages}"><ul>${input.languages.map(
          (l) =>
            html`<li><a href="/privacy/${input.site}/notice/versions?lang=${l}" lang="${l}" hreflang="${l}"${l === input.language ? html` aria-current="page"` : ''}>${noticeTexts[l].languageName}</a></li>`,
        )}</ul></nav>`
      : '';
  const entries = input.entries.map((entry, i) => {
    const last = i === input.entries.length - 1;
    const changes = entry.changes.length
      ? html`<ul>${entry.changes.map((change) => html`<li>${change.text}</li>`)}</ul>`
      : html`<p>${last ? t.history.first : t.history.noChange}</p>`;
    return html`<li data-version="${entry.version}"><h2>${t.history.version(entry.version, dateInWords(entry.date, input.language))}</h2>${entry.significant ? html`<p><strong>${t.history.significant}</strong></p>` : ''}${changes}<p><a href="/privacy/${input.site}/notice?lang=${input.language}&amp;version=${entry.version}">${t.history.view}</a></p></li>`;
  });
  const body = html`<header class="site charter-notice__header">${languageLinks}</header><main id="main" class="charter-notice charter-notice--page"><h1>${t.history.title}</h1><p>${t.history.intro}</p><ol class="charter-notice__history" reversed>${entries}</ol><p><a href="/privacy/${input.site}/notice?lang=${input.language}">${t.subscription.back}</a></p></main>`;
  return page({
    lang: input.language,
    title: `${t.history.title} — ${input.siteName}`,
    body,
    head: stylesheets(input.site),
    skipLinkLabel: t.labels.skip,
  });
}

export type SubscriptionPageKind =
  'requested' | 'confirm' | 'confirmed' | 'unsubscribe' | 'unsubscribed' | 'invalid' | 'too-many';

/** A one-message page of the subscription flow; `confirm` and `unsubscribe` carry the form with the token. */
export function subscriptionPage(input: {
  site: string;
  language: Language;
  kind: SubscriptionPageKind;
  token?: string | undefined;
}): string {
  const t = noticeTexts[input.language].subscription;
  const labels = noticeTexts[input.language].labels;
  const form = (action: string, question: string, button: string) =>
    html`<form method="post" action="/privacy/${input.site}/notice/${action}" class="charter-notice__subscribe"><p>${question}</p><input type="hidden" name="token" value="${input.token ?? ''}"><input type="hidden" name="lang" value="${input.language}"><button type="submit">${button}</button></form>`;
  const content = {
    requested: html`<p class="charter-notice__message" role="status">${t.requested}</p>`,
    confirm: form('subscription', t.confirmQuestion, t.confirmButton),
    confirmed: html`<p class="charter-notice__message" role="status">${t.confirmed}</p>`,
    unsubscribe: form('unsubscribe', t.unsubscribeQuestion, t.unsubscribeButton),
    unsubscribed: html`<p class="charter-notice__message" role="status">${t.unsubscribed}</p>`,
    invalid: html`<p class="charter-notice__message" role="status">${t.invalid}</p>`,
    'too-many': html`<p class="charter-notice__message" role="status">${t.tooMany}</p>`,
  }[input.kind];
  const body = html`<main id="main" class="charter-notice charter-notice--page"><h1>${t.pageTitle}</h1>${content}<p><a href="/privacy/${input.site}/notice?lang=${input.language}">${t.back}</a></p></main>`;
  return page({
    lang: input.language,
    title: t.pageTitle,
    body,
    head: stylesheets(input.site),
    skipLinkLabel: labels.skip,
  });
}
