/**
 * Lookup by identity: the seed rows a person's identities find, read for the contact channels they hold (where a
 * verification code may be sent). No reference is followed.
 */
import type { ContactsOnFile, Identity } from '../connector.js';
import { mentionedColumns } from '../ownership.js';
import { traversalPlan } from '../plan.js';
import { hashPrefix } from '../strategies.js';
import { identityTypes, type SqlContext } from './context.js';
import { traverse } from './traverse.js';

export async function contactsOnFile(ctx: SqlContext, identities: Identity[]): Promise<ContactsOnFile> {
  // Read before any transaction opens: the schema comes through the pool.
  const accepts = await ctx.schema.seedFilter();
  const plan = traversalPlan(ctx.model, identityTypes(identities));
  const contacts = new Map<string, Identity>();
  let found = false;
  await traverse(ctx.driver, ctx.model, { ...plan, edges: [] }, identities, {
    acceptsValue: accepts,
    columns: (t) => t.columns.filter((c) => c.identity).map((c) => c.name),
    onRows: async (t, rows) => {
      found = true;
      for (const row of rows) {
        // A row that names the person only beside someone else's address (Mallory's row with Alice as her
        // referrer) is not the person's: its other addresses must never receive the person's code.
        if (mentionedColumns(t, row, identities)) continue;
        for (const column of t.columns) {
          const value = row[column.name];
          // The person's own row naming a referrer: the referrer's address is not a channel of the person.
          if (column.mentions) continue;
          if (
            column.identity &&
            typeof value === 'string' &&
            value.length > 0 &&
            !value.startsWith(hashPrefix) &&
            value !== ctx.token
          ) {
            contacts.set(`${column.identity}:${value}`, { type: column.identity, value });
          }
        }
      }
    },
  });
  return { store: ctx.id, found, contacts: [...contacts.values()] };
}
