/**
 * Art. 19 GDPR, as pure rules: which recipients must hear of a rectification, erasure or restriction, and how each
 * is told — through the HTTP store Charter called on their system, by a mail to their declared privacy contact, or
 * else by the privacy officer (a task on the request). And the words a person reads about it, which never say
 * "informed" unless a record says so, and never show an internal store or table name (data categories and purposes
 * instead).
 */
import { findDataCategory } from '../charter/catalogs/index.js';
import type { Charter, Language, RequestType } from '../charter/schema.js';
import { defaultText, textFor } from '../charter/localized.js';
import { fill, localText, rightsTexts } from './texts/index.js';

/** The request types Art. 19 covers: rectification (Art. 16), erasure (Art. 17(1)) and restriction (Art. 18). */
export const informingTypes = ['erasure', 'rectification', 'restriction'] as const;
export type InformingType = (typeof informingTypes)[number];

export function informsRecipients(type: RequestType): type is InformingType {
  return (informingTypes as readonly string[]).includes(type);
}

/**
 * How a recipient is told: `store` — Charter called the HTTP store connected to the recipient's system, which is
 * the telling; `mail` — a notice to the recipient's privacy contact; `officer` — the privacy officer tells them (a task).
 */
export const notificationChannels = ['store', 'mail', 'officer'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];
export const notificationStates = ['done', 'pending'] as const;
export type NotificationState = (typeof notificationStates)[number];

export interface PlannedNotification {
  recipient: string;
  channel: NotificationChannel;
  /** For `store`: the HTTP store that was called, and what it answered (counts only). */
  store?: string;
  rows?: number;
  /** For a restriction task (channel `officer`): the store and table to restrict by hand. */
  task?: { store: string; table: string };
}

/**
 * Art. 18: the officer's task to restrict a person's rows by hand in a table that cannot mark a restriction (no
 * `restrictColumn`). Recorded like an Art. 19 task (pending until a person marks it done); its id cannot be a
 * recipient's (recipient ids are slugs, without `:`). Shown in the console only, never to the person.
 */
export function restrictionTasks(tables: readonly { store: string; table: string }[]): PlannedNotification[] {
  return tables.map(({ store, table }) => ({
    recipient: `${restrictionTaskPrefix}${store}/${table}`,
    channel: 'officer',
    task: { store, table },
  }));
}

const restrictionTaskPrefix = 'restrict:';

/** Whether a recorded notification is a restriction task (console only) rather than a recipient to tell. */
export function isRestrictionTask(recipient: string): boolean {
  return recipient.startsWith(restrictionTaskPrefix);
}

/** The notifications a person may read about: recipients only, never the officer's restriction tasks. */
export function forThePerson<T extends { recipient: string }>(notifications: readonly T[]): T[] {
  return notifications.filter((n) => !isRestrictionTask(n.recipient));
}

/** A recorded notification as the person's mails and pages need it. */
export interface NotificationView {
  recipient: string;
  state: NotificationState;
}

/** The HTTP stores of the charter among the stores that answered an operation (a store that answered was called). */
export function calledHttpStores(charter: Charter, results: { store: string }[]): string[] {
  return results.map((r) => r.store).filter((id) => charter.stores.find((s) => s.id === id)?.kind === 'http');
}

/**
 * The recipients to tell and how. A recipient is concerned when a purpose governing a touched table discloses to it
 * (and it is told of such changes: `notifyOnErasure`), or when its system is the HTTP store that was called. A
 * charter that maps no stores cannot say which purposes were touched: then every recipient that is told is concerned.
 */
export function planNotifications(
  charter: Charter,
  touched: { store: string; table: string }[],
  calledStores: string[],
  rows: Record<string, number> = {},
): PlannedNotification[] {
  const purposes = new Set<string>();
  for (const { store, table } of touched) {
    const purpose = charter.stores.find((s) => s.id === store)?.tables.find((t) => t.name === table)?.purpose;
    if (purpose) purposes.add(purpose);
  }
  const governing = charter.stores.length === 0 ? charter.purposes : charter.purposes.filter((p) => purposes.has(p.id));
  const concerned = new Set(governing.flatMap((p) => p.recipients));
  const plans: PlannedNotification[] = [];
  for (const recipient of charter.recipients) {
    const viaStore = recipient.store !== undefined && calledStores.includes(recipient.store);
    if (!viaStore && !(concerned.has(recipient.id) && recipient.notifyOnErasure)) continue;
    if (viaStore)
      plans.push({
        recipient: recipient.id,
        channel: 'store',
        store: recipient.store,
        rows: rows[recipient.store!] ?? 0,
      });
    else if (recipient.privacyContact) plans.push({ recipient: recipient.id, channel: 'mail' });
    else plans.push({ recipient: recipient.id, channel: 'officer' });
  }
  return plans;
}

/** A recipient's name in `language` (default: the charter's default language), or its id when it is not declared. */
export function recipientName(charter: Charter, id: string, language?: Language): string {
  const name = charter.recipients.find((r) => r.id === id)?.name;
  if (name === undefined) return id;
  return language ? textFor(name, language, charter.languages) : defaultText(name, charter);
}

/** A data category in words: the charter's own name, the taxonomy's, or its id. */
export function categoryName(charter: Charter, id: string, language: Language): string {
  return localText(charter.data.find((d) => d.id === id)?.name, language) || findDataCategory(id)?.name[language] || id;
}

export function purposeName(charter: Charter, id: string | null | undefined, language: Language): string | undefined {
  const purpose = id ? charter.purposes.find((p) => p.id === id) : undefined;
  return purpose ? localText(purpose.name, language) : undefined;
}

/** What a person reads for rows of a table: its data categories and purpose, never the store or table name. */
export function describeRows(
  charter: Charter,
  entry: { purpose?: string | null; categories?: string[]; rows: number },
  language: Language,
): string {
  const t = rightsTexts[language];
  const names = [...new Set((entry.categories ?? []).map((c) => categoryName(charter, c, language)))];
  const categories = names.length ? names.join(', ') : t.resultYourData;
  const purpose = purposeName(charter, entry.purpose, language);
  const count = `${entry.rows} ${entry.rows === 1 ? t.records[0] : t.records[1]}`;
  return purpose ? fill(t.resultLine, { categories, purpose, count }) : `${categories}: ${count}`;
}

/** The Art. 19 lines of a person's mail: who was told (per the records) and who will be. */
export function notificationLines(charter: Charter, notifications: NotificationView[], language: Language): string[] {
  const t = rightsTexts[language];
  const done = notifications
    .filter((n) => n.state === 'done')
    .map((n) => recipientName(charter, n.recipient, language));
  const pending = notifications
    .filter((n) => n.state !== 'done')
    .map((n) => recipientName(charter, n.recipient, language));
  const lines: string[] = [];
  if (done.length) lines.push(`${t.resultNotified}:`, ...done.map((n) => `- ${n}`));
  if (pending.length)
    lines.push(...(lines.length ? [''] : []), `${t.resultWillNotify}:`, ...pending.map((n) => `- ${n}`));
  return lines;
}

/** Rows kept because other people's data is involved (`referenced` by someone else's row, or `shared`), not by law. */
export function isKeptForOthers(k: { hold: string }): boolean {
  return k.hold === 'referenced' || k.hold === 'shared';
}

/** Why rows were kept for other people's sake, in the person's language. */
export function keptForOthersReason(k: { hold: string }, language: Language): string {
  const t = rightsTexts[language];
  return k.hold === 'shared' ? t.keptShared : t.keptReferenced;
}
