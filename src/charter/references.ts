/**
 * Cross-reference and plausibility checks on a charter that already has the right shape: every id a section names
 * must be declared, catalog ids must exist, and values the law rules out (a 5-year cookie, a 2-year consent) are
 * refused. Each problem carries the path of the offending value so the loader can point at its line and column.
 */
import { findAuthority } from './catalogs/authorities.js';
import { findCountry } from './catalogs/countries.js';
import { findDataCategory } from './catalogs/data-taxonomy.js';
import { findTransferMechanism } from './catalogs/transfer-mechanisms.js';
import { duration, isAtMost } from './duration.js';
import { referenceCycles, storeModel, traversalPlan } from '../stores/plan.js';
import { hasPeriod, retentionKind, type Charter, type RetentionRule, type Store, type StoreTable } from './schema.js';
import { engineHolds } from './localized.js';

export type IssuePath = (string | number)[];

export interface ReferenceProblem {
  path: IssuePath;
  message: string;
  code: string;
}

const thirteenMonths = duration('P13M');

/** Suggests the closest of `candidates` to `value`, for "did you mean" hints. */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function hint(value: string, candidates: readonly string[]): string {
  const suggestion = closest(value, candidates);
  return suggestion ? ` (did you mean "${suggestion}"?)` : '';
}

/** Checks every reference and impossible value in a parsed charter. Pure: no I/O. */
export function checkReferences(charter: Charter): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const add = (path: IssuePath, code: string, message: string) => problems.push({ path, code, message });

  const unique = (section: string, items: readonly { id: string }[]) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id))
        add([section, index, 'id'], 'duplicate_id', `"${item.id}" is declared twice in ${section}`);
      seen.add(item.id);
    });
    return [...seen];
  };
  const expectIn = (path: IssuePath, value: string, known: readonly string[], what: string) => {
    if (!known.includes(value)) add(path, 'unknown_reference', `unknown ${what} "${value}"${hint(value, known)}`);
  };

  const subjectIds = unique('subjects', charter.subjects);
  const purposeIds = unique('purposes', charter.purposes);
  const recipientIds = unique('recipients', charter.recipients);
  const holdIds = unique('holds', charter.holds);
  const siteIds = unique('sites', charter.sites);
  const categoryIds = unique(
    'consent',
    charter.consent.categories.map((c) => ({ id: c.id })),
  );
  unique('stores', charter.stores);
  const customerIds = unique('customers', charter.customers);
  void siteIds;

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
  const declaredData = new Map(charter.data.map((d) => [d.id, d]));
  charter.data.forEach((d, i) => {
    if (!findDataCategory(d.id) && !d.name) {
      add(['data', i, 'name'], 'missing_name', `"${d.id}" is not in the shipped taxonomy: give it a name`);
    }
  });
  const knownData = [...declaredData.keys()];
  const checkData = (path: IssuePath, id: string) => {
    if (!declaredData.has(id) && !findDataCategory(id)) {
      add(
        path,
        'unknown_reference',
        `unknown data category "${id}": declare it under data with a name${hint(id, knownData)}`,
      );
    }
  };
  function checkCountry(path: IssuePath, code: string) {
    if (!findCountry(code)) add(path, 'unknown_country', `unknown country code "${code}"`);
  }

  charter.sites.forEach((site, s) => {
    site.languages?.forEach((language, l) => {
      if (!charter.languages.includes(language))
        add(['sites', s, 'languages', l], 'unknown_language', `"${language}" is not one of the charter languages`);
    });
    site.purposes?.forEach((id, p) => expectIn(['sites', s, 'purposes', p], id, purposeIds, 'purpose'));
    site.cookies?.forEach((name, c) =>
      expectIn(
        ['sites', s, 'cookies', c],
        name,
        charter.cookies.map((k) => k.name),
        'cookie',
      ),
    );
  });

  charter.purposes.forEach((purpose, p) => {
    const at = (...rest: IssuePath) => ['purposes', p, ...rest];
    purpose.subjects.forEach((id, i) => expectIn(at('subjects', i), id, subjectIds, 'subject'));
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
    purpose.recipients.forEach((id, i) => expectIn(at('recipients', i), id, recipientIds, 'recipient'));
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
    rule.holds.forEach((id, i) => expectIn(at('retention', 'holds', i), id, holdIds, 'legal hold'));
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
  });

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

  const cookieCategories = ['necessary', ...categoryIds];
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
        ['first-party', ...recipientIds],
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

  charter.stores.forEach((store, s) => {
    const tableNames = store.tables.map((t) => t.name);
    if (store.kind === 'http' && !store.secret) {
      add(
        ['stores', s, 'secret'],
        'missing_secret',
        'an HTTP store needs `secret`: the environment variable holding its signing key',
      );
    }
    const seenTables = new Set<string>();
    store.tables.forEach((table, t) => {
      const at = (...rest: IssuePath) => ['stores', s, 'tables', t, ...rest];
      if (seenTables.has(table.name))
        add(at('name'), 'duplicate_id', `table "${table.name}" is declared twice in store ${store.id}`);
      seenTables.add(table.name);
      table.columns.forEach((column, c) => {
        checkData(at('columns', c, 'category'), column.category);
        if (column.name === table.primaryKey && column.erase !== 'keep' && column.erase !== 'delete') {
          add(
            at('columns', c, 'erase'),
            'impossible_value',
            `the primary key "${column.name}" can only be kept or deleted with its row`,
          );
        }
        if (column.mentions && !column.identity) {
          add(
            at('columns', c, 'mentions'),
            'impossible_value',
            `"mentions" marks an identity column that names another person; ${column.name} has no identity type: add "identity" or remove "mentions"`,
          );
        }
      });
      if (table.purpose) expectIn(at('purpose'), table.purpose, purposeIds, 'purpose');
      table.rules?.forEach((rule, r) => {
        expectIn(at('rules', r, 'purpose'), rule.purpose, purposeIds, 'purpose');
        rule.columns?.forEach((name, c) => {
          if (!table.columns.some((column) => column.name === name))
            add(
              at('rules', r, 'columns', c),
              'unknown_reference',
              `"${name}" is not a declared column of ${table.name}`,
            );
        });
        const [anchorTable] = rule.anchor.split('.');
        if (
          rule.anchor.includes('.') &&
          anchorTable !== table.name &&
          !table.references.some((x) => x.to.split('.')[0] === anchorTable)
        ) {
          add(
            at('rules', r, 'anchor'),
            'unknown_reference',
            `the anchor "${rule.anchor}" needs a reference from ${table.name} to ${anchorTable ?? ''}`,
          );
        }
      });
      if (table.restrictColumn?.includes('.')) {
        // Art. 18 protects a person's rows in every table through ownership: the flag lives on the person's own row.
        add(
          at('restrictColumn'),
          'impossible_value',
          `restrictColumn "${table.restrictColumn}" points at another table: restriction is inherited through ownership (a row belonging to a restricted row is protected), so declare restrictColumn only on the table that holds the flag, as a column of it`,
        );
      }
      if (table.purpose && !table.anchor)
        add(
          at('anchor'),
          'missing_anchor',
          'a table governed by a retention rule needs the column its period runs from',
        );
      // A sweep deletes by a date: a rule stated by criteria, or not decided, cannot govern a table.
      const unexecutable = (id: string | undefined, path: IssuePath) => {
        const governing = id ? charter.purposes.find((p) => p.id === id) : undefined;
        if (governing && !hasPeriod(governing.retention)) {
          add(
            path,
            'not_executable',
            `the retention of purpose "${governing.id}" has no duration (${retentionKind(governing.retention) === 'criteria' ? 'it is stated by criteria' : 'it is not decided'}), so no sweep can execute it on ${table.name}: give the purpose a duration, or do not let it govern the table`,
          );
        }
      };
      unexecutable(table.purpose, at('purpose'));
      table.rules?.forEach((rule, r) => unexecutable(rule.purpose, at('rules', r, 'purpose')));
      if (table.processedFor) checkProcessedFor(table, store.kind, at, add, customerIds, charter);
      table.references.forEach((reference, r) => {
        const [target, targetColumn] = reference.to.split('.');
        const targetTable = store.tables.find((x) => x.name === target);
        if (target && !targetTable)
          add(at('references', r, 'to'), 'unknown_reference', `unknown table "${target}"${hint(target, tableNames)}`);
        else if (
          targetTable &&
          targetColumn &&
          targetColumn !== targetTable.primaryKey &&
          !targetTable.columns.some((c) => c.name === targetColumn)
        ) {
          add(
            at('references', r, 'to'),
            'unknown_reference',
            `"${targetColumn}" is neither the primary key nor a declared column of ${target}`,
          );
        }
      });
      if (table.anchor?.includes('.')) {
        const [anchorTable] = table.anchor.split('.');
        if (!table.references.some((r) => r.to.split('.')[0] === anchorTable)) {
          add(
            at('anchor'),
            'unknown_reference',
            `the anchor "${table.anchor}" needs a reference from ${table.name} to ${anchorTable ?? ''}`,
          );
        }
      }
      table.holds.forEach((held, h) => {
        expectIn(at('holds', h, 'hold'), held.hold, holdIds, 'legal hold');
        const definition = charter.holds.find((x) => x.id === held.hold);
        if (held.anchor && definition && !definition.duration) {
          add(
            at('holds', h, 'anchor'),
            'impossible_value',
            `hold "${held.hold}" has no duration to run from ${held.anchor}: give the hold a duration or use a flag column`,
          );
        }
      });
    });
    if (store.kind === 'http' || store.tables.length === 0) return;
    // Cycles of non-nullable references: no order can delete their rows (children first), so erasure would fail.
    const model = storeModel(store, engineHolds(charter));
    for (const cycle of referenceCycles(model)) {
      const index = store.tables.findIndex((x) => x.name === cycle[0]);
      add(
        ['stores', s, 'tables', Math.max(0, index), 'references'],
        'reference_cycle',
        `reference cycle ${cycle.join(' → ')}: mark one of its references nullable: true so erasure can unlink it first`,
      );
    }
    // Every table must be reachable from some identity, or requests would silently miss it.
    const plan = traversalPlan(model, ['email', 'phone', 'customer-number', 'account-id']);
    for (const name of plan.unreachable) {
      const index = store.tables.findIndex((x) => x.name === name);
      add(
        ['stores', s, 'tables', index, 'name'],
        'unreachable_table',
        `no identity column reaches table "${name}": declare an identity column on it or a reference to a table that has one`,
      );
    }
  });

  // One physical table declared twice (one database under two stores, or twice in one store) would be read, erased
  // and swept twice under rules that contradict each other: declare it once, with several `rules` if needed.
  const physical = new Map<string, IssuePath>();
  charter.stores.forEach((store, s) => {
    if (store.kind === 'http') return;
    store.tables.forEach((table, t) => {
      const key = `${store.connection}\u0000${store.schema ?? ''}\u0000${table.name}`;
      const first = physical.get(key);
      const at: IssuePath = ['stores', s, 'tables', t, 'name'];
      if (first) {
        const where = (path: IssuePath) => `stores[${String(path[1])}].tables[${String(path[3])}]`;
        const message = (other: IssuePath) =>
          `table "${table.name}" of the database ${store.connection}${store.schema ? ` (schema ${store.schema})` : ''} is declared twice (also at ${where(other)}): declare it once and give it several retention rules (rules: [...]) instead`;
        add(first, 'duplicate_table', message(at));
        // Twice in one store: the second is already reported as a duplicate name.
        if (first[1] !== s) add(at, 'duplicate_table', message(first));
      } else physical.set(key, at);
    });
  });

  const sqlIdentities = new Set(
    charter.stores
      .filter((st) => st.kind !== 'http')
      .flatMap((st) => st.tables.flatMap((t) => t.columns.flatMap((c) => (c.identity ? [c.identity] : [])))),
  );
  if (sqlIdentities.size > 0) {
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
    customer.recipients.forEach((id, i) => expectIn(['customers', c, 'recipients', i], id, recipientIds, 'recipient'));
  });

  Object.keys(charter.children.minimumAge).forEach((code) => checkCountry(['children', 'minimumAge', code], code));

  const processorTable = charter.stores.findIndex((st) => st.tables.some((t) => t.processedFor));
  if (processorTable >= 0 && charter.organisation.role === 'controller') {
    add(
      ['organisation', 'role'],
      'impossible_value',
      `store ${charter.stores[processorTable]?.id ?? ''} has tables processed for customers: the organisation's role is "processor" or "both"`,
    );
  }

  return problems;
}

/**
 * A table the organisation processes for its customers (Art. 28): the customer must be declared, the table cannot
 * also be governed by a purpose of the organisation's own, the customer's retention needs an anchor column, and
 * the column naming the client must exist.
 */
function checkProcessedFor(
  table: StoreTable,
  storeKind: Store['kind'],
  at: (...rest: IssuePath) => IssuePath,
  add: (path: IssuePath, code: string, message: string) => void,
  customerIds: readonly string[],
  charter: Charter,
): void {
  const declared = table.processedFor;
  if (!declared) return;
  if (!customerIds.includes(declared.customer)) {
    add(
      at('processedFor', 'customer'),
      'unknown_reference',
      `unknown customer "${declared.customer}"${hint(declared.customer, customerIds)}: declare it under customers`,
    );
  }
  if (table.purpose) {
    add(
      at('purpose'),
      'conflicting_governance',
      `table "${table.name}" is processed for customer "${declared.customer}": it follows the customer's instructions, so it cannot also be governed by the purpose "${table.purpose}" of the organisation's own`,
    );
  }
  if (storeKind === 'http') {
    add(
      at('processedFor'),
      'unsupported',
      'processor data is supported on PostgreSQL and MySQL stores; an HTTP store decides itself what its adapter returns',
    );
  }
  const customer = charter.customers.find((c) => c.id === declared.customer);
  if (customer?.retention && !table.anchor) {
    add(
      at('anchor'),
      'missing_anchor',
      `customer "${customer.id}" instructs a retention of at most ${customer.retention.maximum}: give the column the period runs from`,
    );
  }
  if (declared.column) {
    const columns = [table.primaryKey, ...table.columns.map((c) => c.name), ...table.references.map((r) => r.column)];
    if (!columns.includes(declared.column)) {
      add(
        at('processedFor', 'column'),
        'unknown_reference',
        `"${declared.column}" is neither a declared column nor a reference column of ${table.name}${hint(declared.column, columns)}`,
      );
    }
  }
}

/**
 * Art. 13(2)(a): a retention rule is exactly one of a duration from an event, criteria (with the event they run from
 * and an optional review period), or `notDecided: true`. Mixing them would leave the notice to guess which one holds.
 */
function checkRetentionKind(rule: RetentionRule, add: (path: IssuePath, code: string, message: string) => void): void {
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
