/**
 * The privacy center's pages, server-rendered: the center itself (notice links, consent choices, the request form,
 * rights and contact), a request's status (code entry, confirmation, grace period, result), mailed links and package
 * downloads. Themed from the charter (name, logo, colours through /privacy/{site}/theme.css), in the site's languages,
 * no inline script or style (strict CSP), native controls only (keyboard and screen readers work as they should).
 */
import { authorityPages, findAuthority, findDataCategory } from '../charter/catalogs/index.js';
import { duration } from '../charter/duration.js';
import type { Charter, Language, Site } from '../charter/schema.js';
import { requestTypes } from '../charter/schema.js';
import { html, page, raw, type RawHtml } from '../platform/http/html.js';
import { addDurationInZone, toLocal, formatDate } from './deadline.js';
import {
  describeRows,
  isKeptForOthers,
  keptForOthersReason,
  recipientName,
  type NotificationView,
} from './recipients.js';
import { completedText } from './mails.js';
import type { RightsRequest } from './repository.js';
import type { ErasureSummary } from './results.js';
import { rectifiableCategories } from './results.js';
import {
  dateTimeWords,
  dateWords,
  durationWords,
  fill,
  localText,
  rightsTexts,
  type RightsTexts,
} from './texts/index.js';
import { erasureWaits, filerMayCancel, provenByMailbox, restrictionGrounds } from './workflow.js';
import { legalNameIn, organisationName as organisationNameIn } from '../charter/localized.js';

export interface PageFrame {
  charter: Charter;
  site: Site;
  language: Language;
  languages: Language[];
  /** Whether /banner.js is served here (the center then offers to reopen the banner). */
  banner: boolean;
}

function organisationName(charter: Charter, language: Language): string {
  return organisationNameIn(charter, language);
}

/** `scripts`: the page's script (forms, status updates); `banner`: also the consent banner (the center only). */
function frame(
  f: PageFrame,
  title: string,
  body: RawHtml,
  options: { path: string; scripts?: boolean; banner?: boolean },
): string {
  const t = rightsTexts[f.language];
  const org = organisationName(f.charter, f.language);
  const logo = f.site.theme?.logoUrl;
  const languageLinks = f.languages.map(
    (l) =>
      html`<li><a href="${options.path}?lang=${l}" lang="${l}" hreflang="${l}" ${l === f.language ? raw('aria-current="true"') : ''}>${l.toUpperCase()}</a></li>`,
  );
  const head = html`<link rel="stylesheet" href="/assets/privacy/privacy.css"><link rel="stylesheet" href="/privacy/${f.site.id}/theme.css">${
    options.scripts
      ? html`<script src="/assets/privacy/privacy.js" defer></script>${f.banner && options.banner ? html`<script src="/banner/${f.site.id}.js?lang=${f.language}" async></script>` : ''}`
      : ''
  }`;
  const header = html`<header class="site privacy-header"><div class="brand">${logo ? html`<img src="${logo}" alt="${org}">` : ''}<span ${logo ? raw('aria-hidden="true"') : ''}>${org}</span></div>${
    f.languages.length > 1
      ? html`<nav class="languages" aria-label="${t.language}"><ul>${languageLinks}</ul></nav>`
      : ''
  }</header>`;
  return page({
    lang: f.language,
    title: `${title} — ${org}`,
    skipLinkLabel: t.skip,
    head,
    body: html`${header}${body}`,
  });
}

/** WCAG relative luminance of #RRGGBB. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

/**
 * The site's colours as CSS custom properties. A colour is used only where it keeps WCAG AA contrast (4.5:1):
 * a primary colour too light for white button text falls back to the default accent.
 */
export function themeCss(site: Site): string {
  const primary = site.theme?.primaryColor;
  const background = site.theme?.backgroundColor;
  const lines: string[] = [];
  if (primary && contrast(primary, '#ffffff') >= 4.5) lines.push(`--accent: ${primary};`);
  if (background) {
    const text = contrast(background, '#1a1a1a') >= contrast(background, '#ffffff') ? '#1a1a1a' : '#ffffff';
    lines.push(`--header-bg: ${background};`, `--header-fg: ${text};`);
  }
  const header = background
    ? '\n.privacy-header { background: var(--header-bg); color: var(--header-fg); }\n.privacy-header a { color: var(--header-fg); }'
    : '';
  return `:root { ${lines.join(' ')} }${header}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// The center

export interface FormState {
  values: Record<string, string>;
  /** Field name → message key. */
  errors: Record<string, 'required' | 'email' | 'choose'>;
}

const fieldOrder = [
  'type',
  'identityType',
  'identity',
  'contact',
  'category',
  'desired',
  'ground',
  'objectionKind',
  'objectionPurpose',
  'withdrawalPurpose',
];

function errorMessage(t: RightsTexts, key: 'required' | 'email' | 'choose'): string {
  return key === 'email' ? t.fieldEmail : key === 'choose' ? t.fieldChoose : t.fieldRequired;
}

export function centerPage(f: PageFrame, state: FormState = { values: {}, errors: {} }): string {
  const { charter, site, language } = f;
  const t = rightsTexts[language];
  const org = organisationName(charter, language);
  const v = state.values;
  const base = `/privacy/${site.id}`;
  const err = (name: string) => state.errors[name];
  const errorId = (name: string) => `${name}-error`;
  const errorLine = (name: string) => {
    const e = err(name);
    return e ? html`<p class="field-error" id="${errorId(name)}">${errorMessage(t, e)}</p>` : '';
  };
  const invalid = (name: string) => (err(name) ? raw(`aria-invalid="true"`) : '');
  const describedBy = (name: string, hint?: string) => {
    const ids = [hint, err(name) ? errorId(name) : undefined].filter(Boolean).join(' ');
    return ids ? raw(`aria-describedby="${ids}"`) : '';
  };
  const checked = (name: string, value: string) => (v[name] === value ? raw('checked') : '');
  const selected = (name: string, value: string) => (v[name] === value ? raw('selected') : '');

  const summary = Object.keys(state.errors).length
    ? html`<div class="error-summary" role="alert" tabindex="-1" id="errors"><h2>${t.fixFields}</h2><ul>${fieldOrder
        .filter((name) => err(name))
        .map(
          (name) => html`<li><a href="#${firstControlId(name)}">${errorMessage(t, err(name) ?? 'required')}</a></li>`,
        )}</ul></div>`
    : '';

  // A fresh form starts on access, the right most people come for (one choice fewer); a form sent back keeps its choice.
  const chosenType = state.values.type ?? (Object.keys(state.errors).length ? undefined : 'access');
  const typeChoices = requestTypes.map(
    (type, i) =>
      html`<div class="choice"><input type="radio" name="type" id="type-${type}" value="${type}" required ${chosenType === type ? raw('checked') : ''} ${i === 0 ? invalid('type') : ''} aria-describedby="hint-${type}${err('type') ? ' type-error' : ''}"><label for="type-${type}">${t.types[type]}</label><p class="hint" id="hint-${type}">${t.typeHints[type]}</p></div>`,
  );
  const identityOptions = charter.rights.identities.map(
    (id) => html`<option value="${id}" ${selected('identityType', id)}>${t.identityTypes[id]}</option>`,
  );
  const categories = rectifiableCategories(charter).map((id) => {
    const name =
      localText(charter.data.find((d) => d.id === id)?.name, language) || findDataCategory(id)?.name[language] || id;
    return html`<option value="${id}" ${selected('category', id)}>${name}</option>`;
  });
  const liPurposes = charter.purposes.filter(
    (p) => p.legalBasis === 'legitimate-interests' && (!site.purposes || site.purposes.includes(p.id)),
  );
  const consentPurposes = charter.purposes.filter(
    (p) => p.legalBasis === 'consent' && p.consent && (!site.purposes || site.purposes.includes(p.id)),
  );
  const hasOtherIdentities = charter.rights.identities.some((id) => id !== 'email');

  const form = html`<form method="post" action="${base}/requests" data-request-form>
  <input type="hidden" name="lang" value="${language}">
  <fieldset><legend>${t.typeLegend}</legend>${errorLine('type')}${typeChoices}</fieldset>
  <fieldset><legend>${t.identityLegend}</legend>
    <label for="identityType">${t.identityTypeLabel}</label>
    <select id="identityType" name="identityType" ${invalid('identityType')} ${describedBy('identityType')}>${identityOptions}</select>${errorLine('identityType')}
    <label for="identity">${t.identityValueLabel}</label>
    <input id="identity" name="identity" required autocomplete="email" maxlength="254" value="${v.identity ?? ''}" ${invalid('identity')} ${describedBy('identity', 'identity-hint')}>
    <p class="hint" id="identity-hint">${t.identityHint}</p>${errorLine('identity')}
    ${
      hasOtherIdentities
        ? html`<label for="contact">${t.contactLabel}</label><input type="email" id="contact" name="contact" autocomplete="email" maxlength="254" value="${v.contact ?? ''}" ${invalid('contact')} ${describedBy('contact', 'contact-hint')}><p class="hint" id="contact-hint">${t.contactHint}</p>${errorLine('contact')}`
        : ''
    }
  </fieldset>
  <fieldset data-for="rectification"><legend>${t.detailsLegend}: ${t.types.rectification}</legend>
    <label for="category">${t.rectificationCategoryLabel}</label>
    <select id="category" name="category"><option value="">${t.rectificationCategoryAny}</option>${categories}</select>
    <label for="desired">${t.rectificationDesiredLabel}</label>
    <textarea id="desired" name="desired" maxlength="2000" ${invalid('desired')} ${describedBy('desired')}>${v.desired ?? ''}</textarea>${errorLine('desired')}
  </fieldset>
  <fieldset data-for="restriction"><legend>${t.restrictionGroundLabel}</legend>${errorLine('ground')}
    ${restrictionGrounds.map((g) => html`<div class="choice"><input type="radio" name="ground" id="ground-${g}" value="${g}" ${checked('ground', g)}><label for="ground-${g}">${t.restrictionGrounds[g]}</label></div>`)}
  </fieldset>
  <fieldset data-for="objection"><legend>${t.objectionKindLabel}</legend>${errorLine('objectionKind')}
    <div class="choice"><input type="radio" name="objectionKind" id="kind-dm" value="direct-marketing" ${checked('objectionKind', 'direct-marketing')}><label for="kind-dm">${t.objectionDirectMarketing}</label></div>
    ${
      liPurposes.length
        ? html`<div class="choice"><input type="radio" name="objectionKind" id="kind-li" value="legitimate-interest" ${checked('objectionKind', 'legitimate-interest')}><label for="kind-li">${t.objectionLegitimateInterest}</label></div>
    <div data-when-kind="legitimate-interest"><label for="objectionPurpose">${t.objectionPurposeLabel}</label>
    <select id="objectionPurpose" name="objectionPurpose" ${invalid('objectionPurpose')} ${describedBy('objectionPurpose')}>${liPurposes.map((p) => html`<option value="${p.id}" ${selected('objectionPurpose', p.id)}>${localText(p.name, language)}</option>`)}</select>${errorLine('objectionPurpose')}
    <label for="explanation">${t.objectionExplanationLabel}</label><textarea id="explanation" name="explanation" maxlength="4000">${v.explanation ?? ''}</textarea></div>`
        : ''
    }
  </fieldset>
  <fieldset data-for="withdrawal"><legend>${t.detailsLegend}: ${t.types.withdrawal}</legend>
    <label for="withdrawalPurpose">${t.withdrawalPurposeLabel}</label>
    <select id="withdrawalPurpose" name="withdrawalPurpose" ${invalid('withdrawalPurpose')} ${describedBy('withdrawalPurpose')}>${consentPurposes.map((p) => html`<option value="${p.id}" ${selected('withdrawalPurpose', p.id)}>${localText(p.name, language)}</option>`)}</select>${errorLine('withdrawalPurpose')}
  </fieldset>
  <label for="message">${t.messageLabel}</label>
  <textarea id="message" name="message" maxlength="4000">${v.message ?? ''}</textarea>
  <div class="actions"><button type="submit">${t.submit}</button></div>
</form>`;

  const authority = findAuthority(charter.organisation.authority);
  const authorityName = authority
    ? (authority.names[language] ?? authority.names.en ?? authority.shortName)
    : charter.organisation.authority;
  const address = charter.organisation.addresses[0];
  const contactEmail = site.contact?.email ?? charter.rights.channels.email ?? charter.organisation.contact.email;
  const body = html`<main id="main">
<h1>${t.centerTitle}</h1>
<p>${fill(t.centerIntro, { org })}</p>
<ul class="links"><li><a href="${base}/notice?lang=${language}">${t.noticeLink}</a></li><li><a href="${base}/cookies?lang=${language}">${t.cookiesLink}</a></li></ul>
${summary}
<section aria-labelledby="consent-heading"><h2 id="consent-heading">${t.consentHeading}</h2>
<p>${t.consentIntro}</p>
${f.banner ? html`<p><button type="button" class="secondary" data-charter-open>${t.consentButton}</button></p>` : ''}
<p>${t.purposeConsentsIntro}</p></section>
<section aria-labelledby="request-heading"><h2 id="request-heading">${t.requestHeading}</h2><p>${t.requestIntro}</p>${form}</section>
<section aria-labelledby="rights-heading"><h2 id="rights-heading">${t.rightsHeading}</h2>
<ul>${t.rightsList.map((r) => html`<li>${r}</li>`)}</ul>
<p>${complaintLine(t, authorityName, authority && authorityPages(authority, language).complaintUrl)}</p></section>
<section aria-labelledby="contact-heading"><h2 id="contact-heading">${t.contactHeading}</h2>
<p>${legalNameIn(charter, language)}${charter.organisation.companyNumber ? html`, ${charter.organisation.companyNumber}` : ''}<br>
${address ? html`${address.street}, ${address.postalCode} ${address.city}<br>` : ''}
<a href="mailto:${contactEmail}">${contactEmail}</a></p>
${charter.organisation.dpo?.email ? html`<p>${t.dpoLabel}: ${charter.organisation.dpo.name ?? ''} <a href="mailto:${charter.organisation.dpo.email}">${charter.organisation.dpo.email}</a></p>` : ''}
<p>${fill(t.otherChannels, { email: contactEmail })}</p></section>
</main>`;
  return frame(f, t.centerTitle, body, { path: base, scripts: true, banner: true });
}

/** "…complain to <a>the authority</a>." — the authority's name is the link (a bare URL does not wrap on a phone). */
function complaintLine(t: RightsTexts, name: string, url: string | undefined): RawHtml {
  const [before = '', after = ''] = t.complaint.replace(' ({url})', '').split('{authority}');
  return html`${before}${url ? html`<a href="${url}">${name}</a>` : name}${after}`;
}

function firstControlId(name: string): string {
  if (name === 'type') return 'type-access';
  if (name === 'ground') return 'ground-accuracy-contested';
  if (name === 'objectionKind') return 'kind-dm';
  return name;
}

// ---------------------------------------------------------------------------------------------------------------
// A request's status

export interface StatusOptions {
  error?: 'code' | undefined;
  now: Date;
  /** A verified person's purpose consents, shown with a withdraw button each. */
  consents?: { purpose: string; granted: boolean; at: string }[] | undefined;
  /** A consent was just withdrawn. */
  withdrawn?: boolean;
  /** The request's Art. 19 records: who was told of its rectification, erasure or restriction, and who will be. */
  notifications?: NotificationView[] | undefined;
  /** This browser typed the code or used the link from the mail (else it only filed the request). */
  proven: boolean;
  /** Set when this proven browser may take the package here: until when. */
  downloadUntil?: Date | undefined;
}

export function statusPage(f: PageFrame, request: RightsRequest, options: StatusOptions): string {
  const { charter, language } = f;
  const t = rightsTexts[language];
  const base = `/privacy/${f.site.id}/requests/${request.id}`;
  const identityName =
    t.identityTypes[request.identity.type as keyof RightsTexts['identityTypes']] ?? request.identity.type;
  // Received and awaiting verification look the same: the page must not show when the background lookup finished.
  const shownState = request.state === 'received' ? 'awaiting-verification' : request.state;
  const parts: (RawHtml | string)[] = [];
  const cancelForm =
    options.proven || filerMayCancel(request)
      ? html`<form method="post" action="${base}/cancel"><input type="hidden" name="lang" value="${language}"><button type="submit" class="secondary">${t.cancelButton}</button><p class="hint">${t.cancelHint}</p></form>`
      : '';

  // The mailbox owner proved control in another browser: this one (which may be an impostor's) learns nothing more.
  if (!options.proven && provenByMailbox(request)) {
    const body = html`<main id="main"><h1>${t.statusTitle}</h1>
<dl class="facts"><dt>${t.reference}</dt><dd>${request.reference}</dd><dt>${t.typeLabel}</dt><dd>${t.types[request.type]}</dd>
<dt>${t.receivedLabel}</dt><dd>${dateWords(formatDate(toLocal(request.receivedAt)), language)}</dd></dl>
<p class="notice" role="status" data-proof="elsewhere">${t.provenElsewhere}</p>
<p><a href="/privacy/${f.site.id}?lang=${language}">${t.backToCenter}</a></p></main>`;
    return frame(f, `${t.statusTitle} ${request.reference}`, body, { path: base });
  }

  if (shownState === 'awaiting-verification') {
    if (request.verificationLevel === 'account') parts.push(html`<p>${t.staffVerification}</p>`);
    else if (!request.codeVerifiedAt) {
      parts.push(html`<p>${fill(t.codeSent, { identity: identityName })}</p>`);
      if (options.error === 'code')
        parts.push(html`<p class="error" role="alert" id="code-error">${t.codeInvalid}</p>`);
      parts.push(html`<form method="post" action="${base}/verify"><input type="hidden" name="lang" value="${language}">
<label for="code">${t.codeLabel}</label>
<input id="code" name="code" class="code-input" inputmode="numeric" autocomplete="one-time-code" required maxlength="20" ${options.error ? raw('aria-invalid="true" aria-describedby="code-error"') : ''}>
<div class="actions"><button type="submit">${t.verifyButton}</button></div></form><p class="hint">${t.codeHelp}</p>`);
    } else {
      // What happens and when: at once under P0D (nothing to cancel afterwards), else after the grace period.
      const grace = durationWords(duration(charter.rights.erasureGracePeriod), language);
      const when = dateTimeWords(addDurationInZone(options.now, charter.rights.erasureGracePeriod), language);
      const erasureText = erasureWaits(charter) ? fill(t.confirmErasure, { grace, date: when }) : t.confirmErasureNow;
      parts.push(html`<h2>${t.confirmHeading}</h2><p>${request.type === 'erasure' ? erasureText : t.confirmOther}</p>
<form method="post" action="${base}/confirm"><input type="hidden" name="lang" value="${language}"><div class="actions"><button type="submit">${t.confirmButton}</button></div></form>`);
    }
    parts.push(cancelForm);
  } else if (shownState === 'verified') {
    if (request.executeAfter && request.executeAfter > options.now)
      parts.push(html`<p>${fill(t.scheduled, { date: dateTimeWords(request.executeAfter, language) })}</p>`);
    else parts.push(html`<p>${t.inProgress}</p>`);
    parts.push(cancelForm);
  } else if (shownState === 'in-progress') parts.push(html`<p>${t.inProgress}</p>`);
  else if (shownState === 'awaiting-approval') parts.push(html`<p>${t.awaitingApproval}</p>`, cancelForm);
  else if (shownState === 'completed') {
    parts.push(html`<p>${completedText(language, request.type, request.result)}</p>`);
    if (options.downloadUntil) {
      parts.push(html`<p>${fill(t.downloadHere, { date: dateWords(formatDate(toLocal(options.downloadUntil)), language) })}</p>
<form method="post" action="${base}/download"><input type="hidden" name="lang" value="${language}"><div class="actions"><button type="submit">${t.downloadButton}</button></div></form>`);
    }
    const erasure = (request.result as { erasure?: ErasureSummary } | null)?.erasure;
    if (erasure) parts.push(erasureResult(erasure, charter, language));
    parts.push(notificationsResult(options.notifications ?? [], charter, language));
  } else if (shownState === 'refused') {
    const reason = request.refusalReason ?? 'other';
    parts.push(html`<p>${fill(t.refused, { reason: t.refusalReasons[reason] })}</p>`);
    if (reason === 'not-verifiable') parts.push(html`<p>${t.notVerifiable}</p>`);
    if (request.refusalExplanation) parts.push(html`<p>${request.refusalExplanation}</p>`);
    const authority = findAuthority(charter.organisation.authority);
    const name = authority
      ? (authority.names[language] ?? authority.names.en ?? authority.shortName)
      : charter.organisation.authority;
    parts.push(html`<p>${complaintLine(t, name, authority && authorityPages(authority, language).complaintUrl)}</p>`);
  } else if (shownState === 'withdrawn') parts.push(html`<p>${t.withdrawn}</p>`);

  if (options.proven && options.consents?.length)
    parts.push(consentsSection(f, base, options.consents, options.withdrawn === true));

  if (request.extendedAt && request.extensionReason && !['completed', 'refused', 'withdrawn'].includes(shownState)) {
    parts.unshift(
      html`<p class="notice">${fill(t.extended, { reason: request.extensionReason, date: dateWords(request.dueOn, language) })}</p>`,
    );
  }

  // Work that finishes by itself in moments (not a grace period, not an officer's approval): the page's script looks again.
  const working =
    shownState === 'in-progress' ||
    (shownState === 'verified' && !(request.executeAfter && request.executeAfter > options.now));
  const body = html`<main id="main"><h1>${t.statusTitle}</h1>
<dl class="facts"><dt>${t.reference}</dt><dd>${request.reference}</dd><dt>${t.typeLabel}</dt><dd>${t.types[request.type]}</dd>
<dt>${t.stateLabel}</dt><dd data-state="${shownState}" ${working ? raw('data-refresh="1"') : ''}>${t.states[shownState]}</dd>
<dt>${t.receivedLabel}</dt><dd>${dateWords(formatDate(toLocal(request.receivedAt)), language)}</dd>
${['completed', 'refused', 'withdrawn'].includes(shownState) ? '' : html`<dt>${t.dueLabel}</dt><dd>${dateWords(request.dueOn, language)}</dd>`}</dl>
${parts}
<p><a href="/privacy/${f.site.id}?lang=${language}">${t.backToCenter}</a></p></main>`;
  return frame(f, `${t.statusTitle} ${request.reference}`, body, { path: base, scripts: working });
}

function consentsSection(
  f: PageFrame,
  base: string,
  consents: { purpose: string; granted: boolean; at: string }[],
  withdrawn: boolean,
): RawHtml {
  const t = rightsTexts[f.language];
  const items = consents.map((c) => {
    const purpose = f.charter.purposes.find((p) => p.id === c.purpose);
    const name = purpose ? localText(purpose.name, f.language) : c.purpose;
    const since = c.at ? dateWords(c.at.slice(0, 10), f.language) : '';
    return html`<li><strong>${name}</strong> — ${fill(c.granted ? t.consentGivenSince : t.consentWithdrawnSince, { date: since })}${
      c.granted
        ? html` <form method="post" action="${base}/consents" class="inline-form"><input type="hidden" name="lang" value="${f.language}"><input type="hidden" name="purpose" value="${c.purpose}"><button type="submit" class="secondary" aria-label="${t.withdrawConsentButton}: ${name}">${t.withdrawConsentButton}</button></form>`
        : ''
    }</li>`;
  });
  return html`<section aria-labelledby="consents-heading"><h2 id="consents-heading">${t.consentsHeading}</h2>${withdrawn ? html`<p class="notice" role="status">${t.consentWithdrawnNotice}</p>` : ''}<p>${t.consentsIntro}</p><ul class="consents">${items}</ul></section>`;
}

/** What was erased and kept (Art. 17(3)) in data categories and purposes: a person never sees store or table names. */
function erasureResult(summary: ErasureSummary, charter: Charter, language: Language): RawHtml {
  const t = rightsTexts[language];
  const erased = summary.erased.map((e) => html`<li>${describeRows(charter, e, language)}</li>`);
  const kept = summary.kept
    .filter((k) => !isKeptForOthers(k))
    .map((k) => {
      const hold = charter.holds.find((h) => h.id === k.hold);
      return html`<li data-hold="${k.hold}">${describeRows(charter, k, language)}. <strong>${hold ? localText(hold.law, language) : k.law}</strong>${hold ? html` — ${localText(hold.reason, language)}` : ''}${
        k.until ? html` (${dateWords(k.until.slice(0, 10), language)})` : ''
      }</li>`;
    });
  const forOthers = summary.kept
    .filter(isKeptForOthers)
    .map(
      (k) =>
        html`<li data-hold="${k.hold}">${describeRows(charter, k, language)} — ${keptForOthersReason(k, language)}</li>`,
    );
  return html`${erased.length ? html`<h2>${t.resultErased}</h2><ul>${erased}</ul>` : ''}${kept.length ? html`<h2>${t.resultKept}</h2><ul class="kept">${kept}</ul>` : ''}${
    forOthers.length ? html`<h2>${t.resultKeptForOthers}</h2><ul class="kept">${forOthers}</ul>` : ''
  }`;
}

/** Art. 19: "informed" only for what a record says was done; the rest "we will inform". */
function notificationsResult(notifications: NotificationView[], charter: Charter, language: Language): RawHtml {
  const t = rightsTexts[language];
  const done = notifications.filter((n) => n.state === 'done');
  const pending = notifications.filter((n) => n.state !== 'done');
  const list = (items: NotificationView[]) =>
    html`<ul>${items.map((n) => html`<li>${recipientName(charter, n.recipient, language)}</li>`)}</ul>`;
  return html`${done.length ? html`<h2>${t.resultNotified}</h2>${list(done)}` : ''}${pending.length ? html`<h2>${t.resultWillNotify}</h2>${list(pending)}` : ''}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Links, downloads, messages

export function linkPage(
  f: PageFrame,
  view: { purpose: 'verify' | 'cancel'; reference: string },
  secret: string,
): string {
  const t = rightsTexts[f.language];
  const path = `/privacy/${f.site.id}/link/${secret}`;
  const text = view.purpose === 'verify' ? t.linkVerify : t.linkCancel;
  const button = view.purpose === 'verify' ? t.linkVerifyButton : t.linkCancelButton;
  const body = html`<main id="main"><h1>${t.linkTitle}</h1><p>${fill(text, { ref: view.reference })}</p>${view.purpose === 'verify' ? html`<p>${t.linkVerifyHere}</p>` : ''}
<form method="post" action="${path}"><input type="hidden" name="lang" value="${f.language}"><div class="actions"><button type="submit">${button}</button></div></form></main>`;
  return frame(f, t.linkTitle, body, { path });
}

export function downloadPage(f: PageFrame, secret: string, state: { sent: boolean; error: boolean }): string {
  const t = rightsTexts[f.language];
  const path = `/privacy/${f.site.id}/download/${secret}`;
  const body = state.sent
    ? html`<main id="main"><h1>${t.downloadTitle}</h1><p>${t.downloadCodeSent}</p>${state.error ? html`<p class="error" role="alert" id="code-error">${t.codeInvalid}</p>` : ''}
<form method="post" action="${path}"><input type="hidden" name="lang" value="${f.language}"><label for="code">${t.codeLabel}</label>
<input id="code" name="code" class="code-input" inputmode="numeric" autocomplete="one-time-code" required maxlength="20" ${state.error ? raw('aria-invalid="true" aria-describedby="code-error"') : ''}>
<div class="actions"><button type="submit">${t.downloadButton}</button></div></form></main>`
    : html`<main id="main"><h1>${t.downloadTitle}</h1><p>${t.downloadIntro}</p>
<form method="post" action="${path}/code"><input type="hidden" name="lang" value="${f.language}"><div class="actions"><button type="submit">${t.sendCodeButton}</button></div></form></main>`;
  return frame(f, t.downloadTitle, body, { path });
}

export type MessageKind =
  | 'not-found'
  | 'link-invalid'
  | 'link-used'
  | 'link-expired'
  | 'link-closed'
  | 'too-many'
  | 'proof-needed'
  | 'foreign-form';

export function messagePage(f: PageFrame, kind: MessageKind): string {
  const t = rightsTexts[f.language];
  const texts: Record<MessageKind, string> = {
    'not-found': t.notFound,
    'link-invalid': t.linkInvalid,
    'link-used': t.linkUsed,
    'link-expired': t.linkExpired,
    'link-closed': t.linkClosed,
    'too-many': t.tooMany,
    'proof-needed': t.proofNeeded,
    'foreign-form': t.foreignForm,
  };
  const text = texts[kind];
  const body = html`<main id="main"><h1>${t.notFoundTitle}</h1><p>${text}</p><p><a href="/privacy/${f.site.id}?lang=${f.language}">${t.backToCenter}</a></p></main>`;
  return frame(f, t.notFoundTitle, body, { path: `/privacy/${f.site.id}` });
}
