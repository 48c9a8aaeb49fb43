/**
 * Cross-reference and plausibility checks on a charter that already has the right shape: every id a section names
 * must be declared, catalog ids must exist, and values the law rules out (a 5-year cookie, a 2-year consent) are
 * refused. Each problem carries the path of the offending value so the loader can point at its line and column.
 * One function per section, called in the order of the charter; the stores' checks are in `store-references.ts`.
 */
import { findAuthority } from './catalogs/authorities.js';
import { findDataCategory } from './catalogs/data-taxonomy.js';
import { findTransferMechanism } from './catalogs/transfer-mechanisms.js';
import { duration, isAtMost } from './duration.js';
import {
  referenceContext,
  type AddProblem,
  type IssuePath,
  type ReferenceContext,
  type ReferenceProblem,
} from './reference-context.js';
import type { Charter, RetentionRule } from './schema.js';
import { checkPhysicalTables, checkStores } from './store-references.js';

export { closest, type IssuePath, type ReferenceProblem } from './reference-context.js';

const thirteenMonths = duration('P13M');

/** Checks every reference and impossible value in a parsed charter. Pure: no I/O. */
export function checkReferences(charter: Charter): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const context = referenceContext(charter, problems);
  checkOrganisation(context);
  checkSites(context);
  charter.purposes.forEach((_, p) => checkPurpose(context, p));
  checkRecipients(context);
  checkCookiesAndConsent(context);
  checkStores(context);
  checkPhysicalTables(context);
  checkIdentities(context);
  checkCustomers(context);
  Object.keys(charter.children.minimumAge).forEach((code) =>
    context.checkCountry(['children', 'minimumAge', code], code),
  );
  checkProcessorRole(context);
  return problems;
}

/** The organisation: its authority and countries, the default language, and custom data categories' names. */
function checkOrganisation({ charter, add, checkCountry }: ReferenceContext): void {
  if (!findAuthority(charter.organisation.authority)) {
    add(
      ['organisation', 'authority'],
      'unknown_authority',
      `unknown supervisory authority "${charter.organisation.authority}" (see the catalog: be-apd, nl-ap, fr-cnil, …)`,
    );
  }
  charter.organisation.addresses.forEach((address, i) =>
    checkCountry(['organisation', 'addresses', i, 'country'], address.country),
  );
  if (charter.defaultLanguage && !charter.languages.includes(charter.defaultLanguage)) {
    add(
      ['defaultLanguage'],
      'unknown_language',
      `"${charter.defaultLanguage}" is not one of the charter languages (${charter.languages.join(', ')})`,
    );
  }
  // Data categories: a taxonomy id, or declared in `data` with its own name.
  charter.data.forEach((d, i) => {
    if (!findDataCategory(d.id) && !d.name) {
      add(['data', i, 'name'], 'missing_name', `"${d.id}" is not in the shipped taxonomy: give it a name`);
    }
  });
}

function checkSites({ charter, add, expectIn, ids }: ReferenceContext): void {
  charter.sites.forEach((site, s) => {
    site.languages?.forEach((language, l) => {
      if (!charter.languages.includes(language))
        add(['sites', s, 'languages', l], 'unknown_language', `"${language}" is not one of the charter languages`);
    });
    site.purposes?.forEach((id, p) => expectIn(['sites', s, 'purposes', p], id, ids.purposes, 'purpose'));
    site.cookies?.forEach((name, c) =>
      expectIn(
        ['sites', s, 'cookies', c],
        name,
        charter.cookies.map((k) => k.name),
        'cookie',
      ),
    );
  });
}

/** One purpose: what it names, its sources and optional data, its legal basis's text, and its retention rule. */
function checkPurpose({ charter, add, expectIn, checkData, ids }: ReferenceContext, p: number): void {
  const purpose = charter.purposes[p];
  if (!purpose) return;
  const at = (...rest: IssuePath) => ['purposes', p, ...rest];
  purpose.subjects.forEach((id, i) => expectIn(at('subjects', i), id, ids.subjects, 'subject'));
  purpose.data.forEach((id, i) => checkData(at('data', i), id));
  // Several sources: each names only data and subjects of this purpose.
  if (Array.isArray(purpose.source)) {
    purpose.source.forEach((source, i) => {
      source.data?.forEach((id, j) => {
        if (!purpose.data.includes(id))
          add(at('source', i, 'data', j), 'unknown_reference', `"${id}" is not in this purpose's data`);
      });
      source.subjects?.forEach((id, j) => {
        if (!purpose.subjects.includes(id))
          add(at('source', i, 'subjects', j), 'unknown_reference', `"${id}" is not in this purpose's subjects`);
      });
    });
  }
  purpose.optionalData?.forEach((id, i) => {
    if (!purpose.data.includes(id))
      add(at('optionalData', i), 'unknown_reference', `"${id}" is not in this purpose's data`);
  });
  purpose.recipients.forEach((id, i) => expectIn(at('recipients', i), id, ids.recipients, 'recipient'));
  if (purpose.legalBasis === 'legitimate-interests' && !purpose.legitimateInterest) {
    add(
      at('legitimateInterest'),
      'missing_interest',
      'a legitimate-interests purpose must state the interest pursued (Art. 13(1)(d))',
    );
  }
  if (purpose.legalBasis === 'legal-obligation' && !purpose.legalObligation) {
    add(at('legalObligation'), 'missing_obligation', 'a legal-obligation purpose must name the law that requires it');
  }
  const rule = purpose.retention;
  checkRetentionKind(rule, (path, code, message) => add(at('retention', ...path), code, message));
  if (rule.from === 'event' && !rule.event)
    add(at('retention', 'event'), 'missing_event', 'describe the event the retention period runs from');
  rule.holds.forEach((id, i) => expectIn(at('retention', 'holds', i), id, ids.holds, 'legal hold'));
  if (rule.minimum && rule.duration && !isAtMost(duration(rule.minimum), duration(rule.duration))) {
    add(
      at('retention', 'minimum'),
      'impossible_value',
      `the minimum ${rule.minimum} is longer than the retention ${rule.duration}`,
    );
  }
  if (purpose.consent && purpose.legalBasis !== 'consent') {
    add(
      at('consent'),
      'impossible_value',
      'a consent text only makes sense for a purpose whose legal basis is consent',
    );
  }
}

/** Recipients and their sub-processors: countries, transfer mechanisms, and the HTTP store a recipient is told through. */
function checkRecipients({ charter, add, expectIn, checkCountry }: ReferenceContext): void {
  charter.recipients.forEach((recipient, r) => {
    checkCountry(['recipients', r, 'country'], recipient.country);
    if (recipient.transfer && !findTransferMechanism(recipient.transfer)) {
      add(['recipients', r, 'transfer'], 'unknown_transfer', `unknown transfer mechanism "${recipient.transfer}"`);
    }
    if (recipient.store !== undefined) {
      expectIn(
        ['recipients', r, 'store'],
        recipient.store,
        charter.stores.filter((s) => s.kind === 'http').map((s) => s.id),
        'HTTP store',
      );
    }
    recipient.subProcessors.forEach((sub, i) => {
      checkCountry(['recipients', r, 'subProcessors', i, 'country'], sub.country);
      if (sub.transfer && !findTransferMechanism(sub.transfer)) {
        add(
          ['recipients', r, 'subProcessors', i, 'transfer'],
          'unknown_transfer',
          `unknown transfer mechanism "${sub.transfer}"`,
        );
      }
    });
  });
}

/** Cookies name a consent category and a vendor, live at most 13 months unless justified; consent expires within 13. */
function checkCookiesAndConsent({ charter, add, expectIn, ids }: ReferenceContext): void {
  const cookieCategories = ['necessary', ...ids.consentCategories];
  const seenCookies = new Set<string>();
  charter.cookies.forEach((cookie, c) => {
    const key = `${cookie.name}@${cookie.domain ?? ''}`;
    if (seenCookies.has(key)) add(['cookies', c, 'name'], 'duplicate_id', `cookie "${cookie.name}" is declared twice`);
    seenCookies.add(key);
    expectIn(['cookies', c, 'category'], cookie.category, cookieCategories, 'consent category');
    if (cookie.vendor !== 'first-party')
      expectIn(
        ['cookies', c, 'vendor'],
        cookie.vendor,
        ['first-party', ...ids.recipients],
        'vendor (a recipient id or first-party)',
      );
    if (
      cookie.duration !== 'session' &&
      !isAtMost(duration(cookie.duration), thirteenMonths) &&
      !cookie.justification
    ) {
      add(
        ['cookies', c, 'duration'],
        'impossible_value',
        `a cookie lifetime of ${cookie.duration} exceeds 13 months; shorten it or give a justification`,
      );
    }
  });
  if (!isAtMost(duration(charter.consent.expiry), thirteenMonths)) {
    add(
      ['consent', 'expiry'],
      'impossible_value',
      `consent must be asked again within 13 months (got ${charter.consent.expiry})`,
    );
  }
  if (charter.consent.categories.length === 0 && charter.cookies.some((c) => c.category !== 'necessary')) {
    add(
      ['consent', 'categories'],
      'missing_category',
      'non-essential cookies are declared but no consent category asks for them',
    );
  }
}

/** Each identity a requester may use must be held by some SQL store column (unless an HTTP store answers). */
function checkIdentities({ charter, add }: ReferenceContext): void {
  const sqlIdentities = new Set(
    charter.stores
      .filter((st) => st.kind !== 'http')
      .flatMap((st) => st.tables.flatMap((t) => t.columns.flatMap((c) => (c.identity ? [c.identity] : [])))),
  );
  if (sqlIdentities.size === 0) return;
  charter.rights.identities.forEach((type, i) => {
    if (!sqlIdentities.has(type) && !charter.stores.some((st) => st.kind === 'http')) {
      add(
        ['rights', 'identities', i],
        'unreachable_identity',
        `requesters may identify with "${type}" but no store column holds that identity`,
      );
    }
  });
}

/** For a processor: each customer's data, retention instructions and recipients. */
function checkCustomers({ charter, add, expectIn, checkData, ids }: ReferenceContext): void {
  charter.customers.forEach((customer, c) => {
    customer.data.forEach((id, i) => checkData(['customers', c, 'data', i], id));
    const retention = customer.retention;
    if (retention?.minimum && !isAtMost(duration(retention.minimum), duration(retention.maximum))) {
      add(
        ['customers', c, 'retention', 'minimum'],
        'impossible_value',
        `the customer's minimum ${retention.minimum} is longer than its maximum ${retention.maximum}`,
      );
    }
    if (retention?.from === 'event') {
      add(
        ['customers', c, 'retention', 'from'],
        'impossible_value',
        "from: event needs a described event, which customer instructions cannot give: use the anchor column's own meaning (collection, end-of-contract, …)",
      );
    }
    customer.recipients.forEach((id, i) =>
      expectIn(['customers', c, 'recipients', i], id, ids.recipients, 'recipient'),
    );
  });
}

/** Tables processed for customers make the organisation a processor. */
function checkProcessorRole({ charter, add }: ReferenceContext): void {
  const processorTable = charter.stores.findIndex((st) => st.tables.some((t) => t.processedFor));
  if (processorTable >= 0 && charter.organisation.role === 'controller') {
    add(
      ['organisation', 'role'],
      'impossible_value',
      `store ${charter.stores[processorTable]?.id ?? ''} has tables processed for customers: the organisation's role is "processor" or "both"`,
    );
  }
}

/**
 * Art. 13(2)(a): a retention rule is exactly one of a duration from an event, criteria (with the event they run from
 * and an optional review period), or `notDecided: true`. Mixing them would leave the notice to guess which one holds.
 */
function checkRetentionKind(rule: RetentionRule, add: AddProblem): void {
  const kinds = [
    rule.duration !== undefined && 'duration',
    rule.criteria !== undefined && 'criteria',
    rule.notDecided && 'notDecided',
  ].filter((k): k is string => typeof k === 'string');
  // None at all is a shape error (schema.ts).
  if (kinds.length > 1) {
    add(
      [kinds[1] ?? 'duration'],
      'impossible_value',
      `a retention rule is one of duration, criteria or notDecided, not ${kinds.join(' and ')}`,
    );
    return;
  }
  if (rule.duration !== undefined && rule.from === undefined)
    add(['from'], 'missing_event', 'give the event the duration runs from (from: collection, end-of-contract, …)');
  if (rule.criteria !== undefined && rule.from === undefined)
    add(['from'], 'missing_event', 'give the event the criteria run from (from: collection, end-of-contract, …)');
  if (rule.review !== undefined && rule.criteria === undefined)
    add(['review'], 'impossible_value', 'a review period goes with criteria; a duration is its own limit');
  if (rule.notDecided && rule.from !== undefined)
    add(['from'], 'impossible_value', 'a retention that is not decided has no event to run from yet');
}
