/**
 * What changed between two versions of a site's notice, computed from the two charters (not from text): purposes,
 * legal bases, data, recipients and their safeguards, retention, rights channels, the controller, the DPO, the
 * authority, children's ages and cookies, each told in a short sentence in the reader's language. What the structure
 * does not explain (a reworded paragraph) is reported by section, by comparing the two built documents.
 */
import { findAuthority } from '../charter/catalogs/authorities.js';
import { canonicalJson } from '../charter/revision.js';
import { legalNameIn, organisationName as organisationNameIn, textFor } from '../charter/localized.js';
import { hasPeriod, type Charter, type Language, type Purpose, type Recipient, type Text } from '../charter/schema.js';
import { purposeSources } from '../charter/sources.js';
import { buildCookiePolicy } from './build-cookie-policy.js';
import { buildNotice } from './build-notice.js';
import type { DocumentKind, NoticeDocument } from './document.js';
import {
  anchorPhrase,
  cookieDurationInWords,
  countryName,
  durationInWords,
  joinList,
  periodInWords,
  retentionInBrief,
} from './phrasing.js';
import {
  dataCategoryName,
  inSentence,
  purposeName,
  safeguardName,
  siteView,
  subjectName,
  textIn,
  type SiteView,
} from './site-view.js';
import { diffTexts, type Channel, type DiffTexts } from './texts/diff.js';
import { noticeTexts } from './texts/index.js';

export interface NoticeChange {
  /** What kind of change: `purpose.added`, `recipient.added`, `retention.changed`, `wording`… */
  kind: string;
  /** The id of what changed (a purpose, recipient or cookie), when there is one. */
  subject?: string;
  /** The change in words, in the requested language. */
  text: string;
}

interface Context {
  language: Language;
  d: DiffTexts;
  before: SiteView;
  after: SiteView;
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** A charter name (one string, or one per language) in `language`; undefined when there is none. */
function nameOf(name: Text | undefined, language: Language): string | undefined {
  return name === undefined ? undefined : textFor(name, language);
}

/**
 * The changes to the privacy notice of `siteId` from charter `before` to charter `after`, in `language`. `before`
 * may be undefined (the site's first version), which gives no changes.
 *
 * @example
 * diffNotices(v1, v2, 'main', 'en').map((c) => c.text);
 * // ["added recipient: Mailchimp (United States, EU-US Data Privacy Framework)",
 * //  "retention for Recruitment changed from 1 year to 2 years after we receive it"]
 */
export function diffNotices(
  before: Charter | undefined,
  after: Charter,
  siteId: string,
  language: Language,
): NoticeChange[] {
  return diffDocuments('privacy-notice', before, after, siteId, language);
}

/** The changes to the cookie policy of `siteId`, like `diffNotices`. */
export function diffCookiePolicies(
  before: Charter | undefined,
  after: Charter,
  siteId: string,
  language: Language,
): NoticeChange[] {
  return diffDocuments('cookie-policy', before, after, siteId, language);
}

export function diffDocuments(
  kind: DocumentKind,
  before: Charter | undefined,
  after: Charter,
  siteId: string,
  language: Language,
): NoticeChange[] {
  if (!before || !before.sites.some((s) => s.id === siteId)) return [];
  const context: Context = {
    language,
    d: diffTexts[language],
    before: siteView(before, siteId),
    after: siteView(after, siteId),
  };
  const changes =
    kind === 'privacy-notice'
      ? [
          ...controllerChanges(context),
          ...purposeChanges(context),
          ...recipientChanges(context),
          ...rightsChanges(context),
          ...childrenChanges(context),
        ]
      : cookieChanges(context);
  const build = kind === 'privacy-notice' ? buildNotice : buildCookiePolicy;
  return [
    ...changes,
    ...wordingChanges(build(before, siteId, language), build(after, siteId, language), changes, context),
  ];
}

// ── controller, DPO, authority ─────────────────────────────────────────────────────────────────────────────────

function controllerChanges({ before, after, d, language }: Context): NoticeChange[] {
  const changes: NoticeChange[] = [];
  const a = before.charter.organisation;
  const b = after.charter.organisation;
  const legalA = legalNameIn(before.charter, language);
  const legalB = legalNameIn(after.charter, language);
  if (legalA !== legalB || a.tradeName !== b.tradeName)
    changes.push({ kind: 'controller.name', text: d.nameChanged(b.tradeName ? `${legalB} (${b.tradeName})` : legalB) });
  if (!same(a.contact, b.contact) || !same(before.site.contact, after.site.contact))
    changes.push({ kind: 'controller.contact', text: d.contactChanged });
  if (
    !same(
      a.addresses.map(({ label: _label, ...rest }) => rest),
      b.addresses.map(({ label: _label, ...rest }) => rest),
    )
  )
    changes.push({ kind: 'controller.address', text: d.addressChanged });
  if (!same(a.representative, b.representative))
    changes.push({ kind: 'controller.representative', text: d.representativeChanged });
  if (!a.dpo && b.dpo) changes.push({ kind: 'dpo.appointed', text: d.dpoAppointed });
  else if (a.dpo && !b.dpo) changes.push({ kind: 'dpo.removed', text: d.dpoRemoved });
  else if (!same(a.dpo, b.dpo)) changes.push({ kind: 'dpo.changed', text: d.dpoChanged });
  if (a.authority !== b.authority) {
    const name = (id: string) => {
      const authority = findAuthority(id);
      return authority
        ? `${authority.names[language] ?? authority.names.en ?? authority.shortName} (${authority.shortName})`
        : id;
    };
    changes.push({ kind: 'authority.changed', text: d.authorityChanged(name(a.authority), name(b.authority)) });
  }
  return changes;
}

// ── purposes ───────────────────────────────────────────────────────────────────────────────────────────────────

function purposeChanges(context: Context): NoticeChange[] {
  const { before, after, d, language } = context;
  const changes: NoticeChange[] = [];
  const old = new Map(before.purposes.map((p) => [p.id, p]));
  const current = new Map(after.purposes.map((p) => [p.id, p]));
  for (const purpose of after.purposes) {
    if (!old.has(purpose.id)) {
      changes.push({
        kind: 'purpose.added',
        subject: purpose.id,
        text: d.purposeAdded(
          purposeName(purpose, language, after.charter).text,
          d.basis[purpose.legalBasis] ?? purpose.legalBasis,
        ),
      });
    }
  }
  for (const purpose of before.purposes) {
    if (!current.has(purpose.id))
      changes.push({
        kind: 'purpose.removed',
        subject: purpose.id,
        text: d.purposeRemoved(purposeName(purpose, language, before.charter).text),
      });
  }
  for (const b of after.purposes) {
    const a = old.get(b.id);
    if (a) changes.push(...changesToPurpose(a, b, context));
  }
  return changes;
}

function listDifference<T>(a: readonly T[], b: readonly T[]) {
  return { added: b.filter((x) => !a.includes(x)), removed: a.filter((x) => !b.includes(x)) };
}

function changesToPurpose(a: Purpose, b: Purpose, context: Context): NoticeChange[] {
  const { before, after, d, language } = context;
  const name = purposeName(b, language, after.charter).text;
  const at = (kind: string, text: string): NoticeChange => ({ kind, subject: b.id, text });
  const changes: NoticeChange[] = [];
  if (a.legalBasis !== b.legalBasis)
    changes.push(
      at(
        'purpose.basis',
        d.basisChanged(name, d.basis[a.legalBasis] ?? a.legalBasis, d.basis[b.legalBasis] ?? b.legalBasis),
      ),
    );
  else if (
    b.legalBasis === 'legitimate-interests' &&
    textIn(a.legitimateInterest, language, before.charter) !== textIn(b.legitimateInterest, language, after.charter)
  ) {
    changes.push(at('purpose.interest', d.interestChanged(name)));
  }
  if (textIn(a.description, language, before.charter) !== textIn(b.description, language, after.charter))
    changes.push(at('purpose.description', d.descriptionChanged(name)));

  const data = listDifference(a.data, b.data);
  const dataNames = (ids: string[], charter: Charter) =>
    joinList(
      ids.map((id) => inSentence(dataCategoryName(id, language, charter), language, charter).text),
      language,
    );
  if (data.added.length)
    changes.push(at('purpose.data-added', d.dataAdded(name, dataNames(data.added, after.charter))));
  if (data.removed.length)
    changes.push(at('purpose.data-removed', d.dataRemoved(name, dataNames(data.removed, before.charter))));

  const subjects = listDifference(a.subjects, b.subjects);
  const subjectNames = (ids: string[], charter: Charter) =>
    joinList(
      ids.map((id) => subjectName(id, language, charter).text),
      language,
    );
  if (subjects.added.length)
    changes.push(at('purpose.subjects-added', d.subjectsAdded(name, subjectNames(subjects.added, after.charter))));
  if (subjects.removed.length)
    changes.push(
      at('purpose.subjects-removed', d.subjectsRemoved(name, subjectNames(subjects.removed, before.charter))),
    );

  // Recipients new to the whole notice are reported once, as "added recipient"; here only those already known.
  const shared = listDifference(a.recipients, b.recipients);
  const known = new Set(before.recipients.map((r) => r.id));
  const stillThere = new Set(after.recipients.map((r) => r.id));
  const recipientNames = (ids: string[], charter: Charter) =>
    joinList(
      ids.map((id) => nameOf(charter.recipients.find((r) => r.id === id)?.name, language) ?? id),
      language,
    );
  const sharedAdded = shared.added.filter((id) => known.has(id));
  const sharedRemoved = shared.removed.filter((id) => stillThere.has(id));
  if (sharedAdded.length)
    changes.push(at('purpose.recipients-added', d.sharedAdded(name, recipientNames(sharedAdded, after.charter))));
  if (sharedRemoved.length)
    changes.push(
      at('purpose.recipients-removed', d.sharedRemoved(name, recipientNames(sharedRemoved, before.charter))),
    );

  const ra = a.retention;
  const rb = b.retention;
  const eventA = textIn(ra.event, language, before.charter);
  const eventB = textIn(rb.event, language, after.charter);
  const criteriaA = textIn(ra.criteria, language, before.charter);
  const criteriaB = textIn(rb.criteria, language, after.charter);
  if (hasPeriod(ra) && hasPeriod(rb)) {
    if (ra.duration !== rb.duration || ra.from !== rb.from || eventA !== eventB || ra.minimum !== rb.minimum) {
      const sameAnchor = ra.from === rb.from && eventA === eventB && ra.minimum === rb.minimum;
      const from = sameAnchor ? durationInWords(ra.duration, language) : periodInWords(ra, language, eventA);
      const to = sameAnchor
        ? `${durationInWords(rb.duration, language)} ${anchorPhrase(rb.from, language, eventB)}`
        : periodInWords(rb, language, eventB);
      changes.push(at('purpose.retention', d.retentionChanged(name, from, to)));
    }
  } else {
    // A rule stated by criteria, or not decided, on either side: compare what the reader is told.
    const from = retentionInBrief(ra, language, { event: eventA, criteria: criteriaA });
    const to = retentionInBrief(rb, language, { event: eventB, criteria: criteriaB });
    if (from !== to) changes.push(at('purpose.retention', d.retentionChanged(name, from, to)));
  }
  if (ra.action !== rb.action)
    changes.push(at('purpose.retention-action', d.retentionAction(name, rb.action === 'anonymise')));

  if (a.requirement.kind !== b.requirement.kind) {
    const t = noticeTexts[language].requirements;
    changes.push(
      at(
        'purpose.requirement',
        d.requirementChanged(name, b.requirement.kind === 'none' ? t.voluntary : t.kinds[b.requirement.kind]),
      ),
    );
  }
  if (a.automatedDecisions.exists !== b.automatedDecisions.exists) {
    changes.push(
      at('purpose.automated', b.automatedDecisions.exists ? d.automatedAdded(name) : d.automatedRemoved(name)),
    );
  }
  // Sources compared as the reader sees them: kind, scope and description in this language, whichever form was written.
  const sourcesIn = (purpose: Purpose, charter: Charter) =>
    JSON.stringify(
      purposeSources(purpose).map((s) => [
        s.kind,
        s.data ?? [],
        s.subjects ?? [],
        textIn(s.description, language, charter) ?? '',
      ]),
    );
  if (sourcesIn(a, before.charter) !== sourcesIn(b, after.charter)) {
    changes.push(at('purpose.source', d.sourceChanged(name)));
  }
  return changes;
}

// ── recipients and transfers ───────────────────────────────────────────────────────────────────────────────────

function recipientChanges({ before, after, d, language }: Context): NoticeChange[] {
  const changes: NoticeChange[] = [];
  const t = noticeTexts[language];
  const old = new Map(before.recipients.map((r) => [r.id, r]));
  const current = new Map(after.recipients.map((r) => [r.id, r]));
  const safeguard = (r: Pick<Recipient, 'country' | 'transfer'>) =>
    safeguardName(r.country, r.transfer, language) ?? t.recipients.noSafeguard;
  for (const r of after.recipients) {
    if (!old.has(r.id))
      changes.push({
        kind: 'recipient.added',
        subject: r.id,
        text: d.recipientAdded(nameOf(r.name, language) ?? r.id, countryName(r.country, language), safeguard(r)),
      });
  }
  for (const r of before.recipients) {
    if (!current.has(r.id))
      changes.push({
        kind: 'recipient.removed',
        subject: r.id,
        text: d.recipientRemoved(nameOf(r.name, language) ?? r.id),
      });
  }
  for (const b of after.recipients) {
    const a = old.get(b.id);
    if (!a) continue;
    if (a.country !== b.country)
      changes.push({
        kind: 'recipient.country',
        subject: b.id,
        text: d.recipientMoved(
          nameOf(b.name, language) ?? b.id,
          countryName(a.country, language),
          countryName(b.country, language),
        ),
      });
    else if (safeguard(a) !== safeguard(b))
      changes.push({
        kind: 'recipient.safeguard',
        subject: b.id,
        text: d.safeguardChanged(nameOf(b.name, language) ?? b.id, safeguard(a), safeguard(b)),
      });
    if (a.role !== b.role)
      changes.push({
        kind: 'recipient.role',
        subject: b.id,
        text: d.roleChanged(nameOf(b.name, language) ?? b.id, t.recipients.roles[b.role]),
      });
    const subs = listDifference(
      a.subProcessors.map((s) => nameOf(s.name, language) ?? ''),
      b.subProcessors.map((s) => nameOf(s.name, language) ?? ''),
    );
    for (const sub of subs.added) {
      const country = b.subProcessors.find((s) => nameOf(s.name, language) === sub)?.country ?? '';
      changes.push({
        kind: 'recipient.sub-processor-added',
        subject: b.id,
        text: d.subProcessorAdded(nameOf(b.name, language) ?? b.id, sub, countryName(country, language)),
      });
    }
    for (const sub of subs.removed)
      changes.push({
        kind: 'recipient.sub-processor-removed',
        subject: b.id,
        text: d.subProcessorRemoved(nameOf(b.name, language) ?? b.id, sub),
      });
  }
  return changes;
}

// ── rights and children ────────────────────────────────────────────────────────────────────────────────────────

function rightsChanges({ before, after, d }: Context): NoticeChange[] {
  const changes: NoticeChange[] = [];
  const a = before.charter.rights.channels;
  const b = after.charter.rights.channels;
  for (const channel of ['web', 'email', 'post', 'phone'] as Channel[]) {
    const had = Boolean(a[channel]);
    const has = Boolean(b[channel]);
    if (!had && has) changes.push({ kind: 'rights.channel-added', subject: channel, text: d.channelAdded(channel) });
    else if (had && !has)
      changes.push({ kind: 'rights.channel-removed', subject: channel, text: d.channelRemoved(channel) });
    else if (had && has && !same(a[channel], b[channel]))
      changes.push({ kind: 'rights.channel-changed', subject: channel, text: d.channelChanged(channel) });
  }
  return changes;
}

function childrenChanges({ before, after, d, language }: Context): NoticeChange[] {
  const changes: NoticeChange[] = [];
  const a = before.charter.children;
  const b = after.charter.children;
  for (const country of new Set([...Object.keys(a.minimumAge), ...Object.keys(b.minimumAge)])) {
    const from = a.minimumAge[country];
    const to = b.minimumAge[country];
    if (from !== undefined && to !== undefined && from !== to)
      changes.push({
        kind: 'children.age',
        subject: country,
        text: d.childAgeChanged(countryName(country, language), from, to),
      });
  }
  if (
    a.collects !== b.collects ||
    textIn(a.policy, language, before.charter) !== textIn(b.policy, language, after.charter)
  ) {
    changes.push({ kind: 'children.policy', text: d.childrenPolicyChanged });
  }
  return changes;
}

// ── cookies ────────────────────────────────────────────────────────────────────────────────────────────────────

function cookieChanges({ before, after, d, language }: Context): NoticeChange[] {
  const changes: NoticeChange[] = [];
  const key = (c: { name: string; domain?: string | undefined }) => `${c.name}@${c.domain ?? ''}`;
  const old = new Map(before.cookies.map((c) => [key(c), c]));
  const current = new Map(after.cookies.map((c) => [key(c), c]));
  const vendor = (id: string, charter: Charter) =>
    id === 'first-party'
      ? organisationNameIn(charter, language)
      : (nameOf(charter.recipients.find((r) => r.id === id)?.name, language) ?? id);
  for (const c of after.cookies) {
    if (!old.has(key(c)))
      changes.push({
        kind: 'cookie.added',
        subject: c.name,
        text: d.cookieAdded(
          c.name,
          vendor(c.vendor, after.charter),
          cookieDurationInWords(c.duration, c.type, language),
        ),
      });
  }
  for (const c of before.cookies)
    if (!current.has(key(c))) changes.push({ kind: 'cookie.removed', subject: c.name, text: d.cookieRemoved(c.name) });
  for (const b of after.cookies) {
    const a = old.get(key(b));
    if (!a) continue;
    if (a.duration !== b.duration) {
      changes.push({
        kind: 'cookie.duration',
        subject: b.name,
        text: d.cookieDuration(
          b.name,
          cookieDurationInWords(a.duration, a.type, language),
          cookieDurationInWords(b.duration, b.type, language),
        ),
      });
    }
    if (a.category !== b.category) {
      const category = after.charter.consent.categories.find((c) => c.id === b.category);
      const label = category
        ? (textIn(category.name, language, after.charter) ?? b.category)
        : noticeTexts[language].cookiePolicy.headings.necessary;
      changes.push({ kind: 'cookie.category', subject: b.name, text: d.cookieCategory(b.name, label) });
    }
  }
  if (before.charter.consent.expiry !== after.charter.consent.expiry) {
    changes.push({
      kind: 'consent.expiry',
      text: d.consentExpiry(
        durationInWords(before.charter.consent.expiry, language),
        durationInWords(after.charter.consent.expiry, language),
      ),
    });
  }
  return changes;
}

// ── whatever else the reader would see ─────────────────────────────────────────────────────────────────────────

/** Sections whose content differs although no structural change explains it (reworded texts, security measures…). */
function wordingChanges(
  a: NoticeDocument,
  b: NoticeDocument,
  explained: NoticeChange[],
  { d, language }: Context,
): NoticeChange[] {
  const old = new Map(a.sections.map((s) => [s.id, canonicalJson(s)]));
  const explainedSections = new Set(explained.flatMap((change) => sectionsOf(change.kind)));
  const changed = b.sections.filter(
    (s) => old.has(s.id) && old.get(s.id) !== canonicalJson(s) && !explainedSections.has(s.id),
  );
  // Sections that appear or disappear follow from a structural change already reported (e.g. the first transfer).
  if (changed.length === 0) {
    const anyChange =
      canonicalJson({ ...a, lastUpdated: undefined }) !== canonicalJson({ ...b, lastUpdated: undefined });
    return anyChange && explained.length === 0 ? [{ kind: 'wording', text: d.wording(b.title) }] : [];
  }
  return [
    {
      kind: 'wording',
      text: d.wording(
        joinList(
          changed.map((s) => s.heading),
          language,
        ),
      ),
    },
  ];
}

/** The sections a structural change shows up in, so that it is not reported a second time as a wording change. */
const sectionsOfKind: [prefix: string, sections: string[]][] = [
  [
    'purpose.',
    [
      'purposes',
      'legitimate-interests',
      'retention',
      'consent',
      'requirements',
      'automated-decisions',
      'sources',
      'recipients',
      'transfers',
      'children',
    ],
  ],
  ['recipient.', ['recipients', 'transfers', 'purposes']],
  ['controller.', ['controller']],
  ['dpo.', ['dpo']],
  ['authority.', ['complaint']],
  ['rights.', ['rights', 'consent']],
  ['children.', ['children']],
  ['cookie.', ['necessary', 'categories', 'choice', 'cookies', 'consent']],
  ['consent.', ['choice']],
];

function sectionsOf(kind: string): string[] {
  return sectionsOfKind.filter(([prefix]) => kind.startsWith(prefix)).flatMap(([, sections]) => sections);
}
