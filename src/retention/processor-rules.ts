/**
 * Retention of processor data (pure, no I/O): a store table the organisation processes for a customer
 * (`processedFor`, Art. 28) is kept as that customer instructs — `customers[].retention`: at most `maximum` from the
 * table's anchor column, never before `minimum` — and swept by the same engine as the organisation's own tables.
 * The rule's `customer` says on whose instructions it runs (plans and run reports show it; Art. 28(3)(a)).
 */
import { duration, describeDuration } from '../charter/duration.js';
import type { Charter, ProcessorCustomer } from '../charter/schema.js';
import { deletionOrder, storeModel } from '../stores/plan.js';
import {
  longerDuration,
  ownStoreId,
  resolveAnchor,
  type ResolvedRules,
  type RuleProblem,
  type TableRule,
} from './rules.js';

/** The prefix of a processor rule's `purpose` (a purpose id is a slug, so it can never collide). */
const customerPrefix = 'customer:';

/** The `purpose` recorded for a rule run on a customer's instructions (kept in run steps without a new column). */
export function customerPurpose(customer: string): string {
  return `${customerPrefix}${customer}`;
}

/** The customer on whose instructions a rule or run step ran, from its recorded purpose; undefined for own purposes. */
export function customerOfPurpose(purpose: string | null | undefined): string | undefined {
  return purpose?.startsWith(customerPrefix) ? purpose.slice(customerPrefix.length) : undefined;
}

/** Resolves every table processed for a customer into a rule from the customer's instructions, or a problem. */
export function resolveProcessorRules(charter: Charter): ResolvedRules {
  const customers = new Map<string, ProcessorCustomer>(charter.customers.map((c) => [c.id, c]));
  const rules: TableRule[] = [];
  const problems: RuleProblem[] = [];
  const ungoverned: ResolvedRules['ungoverned'] = [];
  for (const store of charter.stores) {
    if (store.id === ownStoreId) continue;
    for (const table of store.tables) {
      const declared = table.processedFor;
      if (!declared) continue;
      const problem = (message: string, severity: RuleProblem['severity'] = 'error') =>
        problems.push({ store: store.id, table: table.name, severity, message });
      const customer = customers.get(declared.customer);
      if (!customer) {
        problem(`customer "${declared.customer}" is not declared`);
        continue;
      }
      if (table.purpose) {
        problem(
          `processed for customer "${customer.id}" and governed by purpose "${table.purpose}": left alone until the charter says which`,
        );
        continue;
      }
      const retention = customer.retention;
      if (!retention) {
        // Nothing instructs a deletion: shown as ungoverned, so keeping it is a visible choice.
        ungoverned.push({ store: store.id, table: table.name });
        problem(
          `customer "${customer.id}" gives no retention instructions: rows are kept until the customer deletes them`,
          'warning',
        );
        continue;
      }
      if (!table.anchor) {
        problem(
          `no anchor column: declare the column the customer's ${describeDuration(duration(retention.maximum))} run from`,
        );
        continue;
      }
      const anchor = resolveAnchor(store, table, table.anchor);
      if (typeof anchor === 'string') {
        problem(anchor);
        continue;
      }
      if (table.holds.length > 0) {
        problem(
          "a table processed for a customer is kept on the customer's instructions only: its legal holds are not applied; remove them or govern the table by a purpose",
          'warning',
        );
      }
      rules.push({
        id: `${store.id}/${table.name}`,
        store: store.id,
        storeKind: store.kind,
        table: table.name,
        purpose: customerPurpose(customer.id),
        customer: customer.id,
        from: retention.from ?? 'collection',
        duration: retention.maximum,
        minimum: retention.minimum,
        // Never before the minimum: should a maximum shorter than the minimum get past validation, the minimum wins.
        period: longerDuration(retention.maximum, retention.minimum),
        action: retention.action ?? 'delete',
        anchor,
        holds: [],
        purposeHolds: [],
        restrictColumn: table.restrictColumn,
      });
    }
  }
  // Children before parents (photos before the guests they reference), so one run deletes both.
  const position = new Map<string, number>();
  for (const store of charter.stores) {
    if (!store.tables.some((t) => t.processedFor) || store.kind === 'http') continue;
    try {
      deletionOrder(storeModel(store)).forEach((table, i) => position.set(`${store.id}/${table}`, i));
    } catch {
      // A reference cycle: validation reports it; the declared order stands.
    }
  }
  const storeIndex = new Map(charter.stores.map((st, i) => [st.id, i]));
  rules.sort(
    (a, b) =>
      (storeIndex.get(a.store) ?? 0) - (storeIndex.get(b.store) ?? 0) ||
      (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0),
  );
  return { rules, ungoverned, problems };
}
