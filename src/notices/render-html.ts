/**
 * HTML renderings of a notice document: a full accessible page (served at /privacy/{site}/notice and /cookies) and an
 * embeddable fragment for an existing website (no page chrome, every class scoped under `charter-notice`). Each
 * section and each per-purpose entry carries `data-gdpr` with the items it satisfies, so the structure can be checked.
 */
import type { Language } from '../charter/schema.js';
import { escapeHtml, html, page, raw, type RawHtml } from '../platform/http/html.js';
import type { Block, Definition, LeafBlock, NoticeDocument, Paragraph, VersionStamp } from './document.js';
import { shownDate } from './document.js';
import { dateInWords } from './phrasing.js';
import { noticeTexts } from './texts/index.js';

export interface RenderOptions {
  /** The published version shown ("Version 3 · Last updated 2 November 2026"); absent for an unpublished preview. */
  version?: VersionStamp | undefined;
  /** Absolute base URL of this server, for links that must work outside it (fragment, PDF, Markdown). */
  baseUrl?: string | undefined;
}

export interface PageOptions extends RenderOptions {
  /** Languages the site offers, for the language switcher. */
  languages: readonly Language[];
  /** Stylesheets beyond the shared one (notice styles, the site theme). */
  stylesheets?: readonly string[];
  /**
   * Load the consent banner of this site, which handles the `data-charter-open` button: the one-request tag
   * `/banner/{site}.js?lang=` (configuration inside, revalidated by ETag, so a new consent revision shows at once).
   */
  bannerSite?: string | undefined;
  logoUrl?: string | undefined;
  /** Where the "notify me of changes" form posts; no form when absent. */
  subscribeAction?: string | undefined;
  /** Extra content after the document (e.g. a confirmation message). */
  message?: string | undefined;
  /** The query string to keep on format and language links (e.g. `version=2`). */
  query?: string | undefined;
}

const cls = (name: string) => `charter-notice__${name}`;

/** Makes a site-relative link absolute when a base URL is given. */
export function absolute(href: string, baseUrl: string | undefined): string {
  return baseUrl && href.startsWith('/') ? `${baseUrl.replace(/\/$/, '')}${href}` : href;
}

function renderParagraph(paragraph: Paragraph, options: RenderOptions): RawHtml {
  return raw(
    paragraph
      .map((run) => {
        const shown = run.url && run.href ? absolute(run.text, options.baseUrl) : run.text;
        let out = escapeHtml(shown);
        if (run.strong) out = `<strong>${out}</strong>`;
        if (run.href) out = `<a href="${escapeHtml(absolute(run.href, options.baseUrl))}">${out}</a>`;
        if (run.lang) out = `<span lang="${escapeHtml(run.lang)}">${out}</span>`;
        return out;
      })
      .join(''),
  );
}

const gdprAttribute = (items: readonly string[]) => (items.length ? html` data-gdpr="${items.join(' ')}"` : '');

function renderDefinition(item: Definition, options: RenderOptions): RawHtml {
  return html`<div class="${cls('entry')}"${gdprAttribute(item.gdpr)}><dt>${item.term}</dt>${item.paragraphs.map((p) => html`<dd>${renderParagraph(p, options)}</dd>`)}</div>`;
}

function renderLeaf(block: LeafBlock, options: RenderOptions): RawHtml {
  switch (block.type) {
    case 'paragraph':
      return html`<p>${renderParagraph(block.content, options)}</p>`;
    case 'list':
      return html`<ul class="${cls('list')}">${block.items.map((item) => html`<li>${renderParagraph(item, options)}</li>`)}</ul>`;
    case 'address':
      return html`<address class="${cls('address')}">${block.lines.map((line, i) => html`${i ? raw('<br>') : ''}${renderParagraph(line, options)}`)}</address>`;
    case 'definitions':
      return html`<dl class="${cls('definitions')}">${block.items.map((item) => renderDefinition(item, options))}</dl>`;
    case 'table':
      return html`<div class="${cls('table-wrap')}" role="region" aria-label="${block.caption}" tabindex="0"><table class="${cls('table')}"><caption>${block.caption}</caption><thead><tr>${block.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead><tbody>${block.rows.map(
        (row) =>
          html`<tr>${row.map((cell, i) => (i === 0 ? html`<th scope="row">${renderParagraph(cell, options)}</th>` : html`<td>${renderParagraph(cell, options)}</td>`))}</tr>`,
      )}</tbody></table></div>`;
    case 'consent-button':
      return html`<p><button type="button" class="${cls('consent-button')}" data-charter-open>${block.label}</button></p><p class="${cls('muted')}">${renderParagraph(block.fallback, options)}</p>`;
  }
}

function renderBlock(block: Block, level: number, options: RenderOptions): RawHtml {
  if (block.type !== 'subsection') return renderLeaf(block, options);
  const headingId = `${block.id}-heading`;
  return html`<section class="${cls('subsection')}" id="${block.id}" aria-labelledby="${headingId}"${gdprAttribute(block.gdpr)}>${heading(level, headingId, block.heading)}${block.blocks.map((b) => renderLeaf(b, options))}</section>`;
}

function heading(level: number, id: string, label: string): RawHtml {
  const tag = `h${Math.min(level, 6)}`;
  return raw(`<${tag} id="${escapeHtml(id)}">${escapeHtml(label)}</${tag}>`);
}

function versionLine(document: NoticeDocument, options: RenderOptions): RawHtml | '' {
  const t = noticeTexts[document.language];
  const date = shownDate(document, options.version);
  const parts: string[] = [];
  if (options.version) parts.push(`${t.labels.version} ${options.version.version}`);
  if (date) parts.push(`${t.labels.lastUpdated}: ${dateInWords(date, document.language)}`);
  if (parts.length === 0) return '';
  return html`<p class="${cls('version')}"${options.version ? html` data-notice-version="${options.version.version}"` : ''}>${parts.join(' · ')}</p>`;
}

/**
 * The document's body: title, version line, intro, table of contents and sections. `level` is the heading level of
 * the title (1 on a page of its own, 2 inside someone else's page).
 */
function renderBody(
  document: NoticeDocument,
  level: number,
  options: RenderOptions & { extraAfterChanges?: RawHtml },
): RawHtml {
  const t = noticeTexts[document.language];
  const toc = html`<nav class="${cls('toc')}" aria-label="${t.labels.contents}"><ol>${document.sections.map((s) => html`<li><a href="#${s.id}">${s.heading}</a></li>`)}</ol></nav>`;
  const sections = document.sections.map(
    (section) =>
      html`<section class="${cls('section')}" id="${section.id}" aria-labelledby="${section.id}-heading"${gdprAttribute(section.gdpr)}>${heading(level + 1, `${section.id}-heading`, section.heading)}${section.blocks.map((b) => renderBlock(b, level + 2, options))}${section.id === 'changes' ? (options.extraAfterChanges ?? '') : ''}</section>`,
  );
  return html`${heading(level, 'notice-title', document.title)}${versionLine(document, options)}${document.intro.map((p) => html`<p class="${cls('intro')}">${renderParagraph(p, options)}</p>`)}${toc}${sections}`;
}

/** The embeddable fragment: the notice without page chrome, under one scoped container with absolute links. */
export function renderFragment(document: NoticeDocument, options: RenderOptions = {}): string {
  return html`<div class="charter-notice charter-notice--fragment" lang="${document.language}" data-charter-document="${document.kind}" data-site="${document.site.id}">${renderBody(document, 2, options)}</div>`
    .value;
}

/** A full HTML page: skip link, header with logo, language and format links, the document, and the subscribe form. */
export function renderPage(document: NoticeDocument, options: PageOptions): string {
  const t = noticeTexts[document.language];
  const base = document.kind === 'privacy-notice' ? 'notice' : 'cookies';
  const path = `/privacy/${document.site.id}/${base}`;
  const query = (lang: string, extra?: string) =>
    `?${[`lang=${lang}`, options.query, extra].filter(Boolean).join('&')}`;
  const languageLinks =
    options.languages.length > 1
      ? html`<nav class="${cls('languages')}" aria-label="${t.labels.languages}"><ul>${options.languages.map(
          (l) =>
            html`<li><a href="${path}${query(l)}" lang="${l}" hreflang="${l}"${l === document.language ? html` aria-current="page"` : ''}>${noticeTexts[l].languageName}</a></li>`,
        )}</ul></nav>`
      : '';
  const formats = html`<p class="${cls('formats')}">${t.labels.formats}: <a href="${path}${query(document.language, 'format=pdf')}">${t.labels.pdf}</a> · <a href="${path}${query(document.language, 'format=md')}">${t.labels.markdown}</a> · <a href="/privacy/${document.site.id}/${base === 'notice' ? 'cookies' : 'notice'}?lang=${document.language}">${base === 'notice' ? t.labels.cookiePolicy : t.labels.privacyNotice}</a></p>`;
  const logo = options.logoUrl
    ? html`<img class="${cls('logo')}" src="${options.logoUrl}" alt="${document.site.name}">`
    : '';
  const subscribe = options.subscribeAction
    ? html`<form class="${cls('subscribe')}" method="post" action="${options.subscribeAction}"><p>${t.changes.subscribe}</p><label for="subscribe-email">${t.changes.subscribeEmail}</label><input id="subscribe-email" name="email" type="email" autocomplete="email" required><input type="hidden" name="lang" value="${document.language}"><button type="submit">${t.changes.subscribeButton}</button></form>`
    : undefined;
  const message = options.message ? html`<p class="${cls('message')}" role="status">${options.message}</p>` : '';
  const head = html`${(options.stylesheets ?? []).map((href) => html`<link rel="stylesheet" href="${href}">`)}${options.bannerSite ? html`<script src="/banner/${options.bannerSite}.js?lang=${document.language}" async></script>` : ''}`;
  const body = html`<header class="site ${cls('header')}">${logo}${languageLinks}</header><main id="main" class="charter-notice charter-notice--page" data-charter-document="${document.kind}" data-site="${document.site.id}">${message}${renderBody(document, 1, { ...options, ...(subscribe ? { extraAfterChanges: subscribe } : {}) })}${formats}</main>`;
  return page({ lang: document.language, title: document.title, body, head, skipLinkLabel: t.labels.skip });
}
