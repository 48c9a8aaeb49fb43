/**
 * Delivery of an access package, once, until `rights.exportExpiry`: through the mailed link together with a fresh
 * one-time code sent to the same verified address — a forwarded or leaked link alone opens nothing — or, within a day
 * of the proof, from the status page of the browser that proved the mailbox (used the mailed link or typed the mailed
 * code), which needs no further mail. Every download is audited; the bytes are deleted when it expires (see due.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Language } from '../charter/schema.js';
import { inOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import { tooManyRequests } from '../platform/errors.js';
import { allowHits } from '../platform/throttle.js';
import type { RightsContext } from './context.js';
import { limits, throttleHit } from './intake.js';
import { downloadCodeMail, mailContext } from './mails.js';
import {
  findRequest,
  insertCode,
  latestCode,
  packageByLink,
  packageContent,
  packagesOf,
  recordEvent,
  retireCodes,
  updateCode,
  updatePackage,
  type PackageRow,
} from './repository.js';
import { codeLifetimeMs, formatCode, generateCode, maxCodeAttempts, normaliseCode, sameSecret } from './secrets.js';

/** Codes a package's link may ask for per hour (each goes to the requester's mailbox). */
const codesPerPackageHour = 5;

export interface PackageView {
  packageId: string;
  requestId: string;
  reference: string;
  language: string;
  siteId: string;
}

function usable(p: PackageRow | undefined, now: Date): p is PackageRow {
  return p !== undefined && p.hasContent && !p.downloadedAt && !p.deletedAt && p.expiresAt > now;
}

/** The package behind a link, if the link still works. */
export async function peekPackage(
  context: RightsContext,
  scope: OrgScope,
  secret: string,
): Promise<PackageView | undefined> {
  const key = await context.key(scope);
  const now = context.now();
  return inOrganisation(context.db, scope, async (trx) => {
    const found = await packageByLink(trx, scope, key.linkHash(secret));
    if (!usable(found, now)) return undefined;
    const request = await findRequest(trx, scope, found.requestId);
    if (!request) return undefined;
    return {
      packageId: found.id,
      requestId: request.id,
      reference: request.reference,
      language: request.language,
      siteId: request.siteId,
    };
  });
}

/** Sends a fresh download code to the verified address(es). False when the link does not work (same page either way). */
export async function sendDownloadCode(context: RightsContext, scope: OrgScope, secret: string): Promise<boolean> {
  const key = await context.key(scope);
  const now = context.now();
  const code = generateCode();
  const sent = await inOrganisation(context.db, scope, async (trx) => {
    const found = await packageByLink(trx, scope, key.linkHash(secret));
    if (!usable(found, now)) return undefined;
    if (!(await allowHits(trx, [throttleHit(scope, key, 'download', found.id, 3_600_000, codesPerPackageHour)], now)))
      throw tooManyRequests();
    const request = await findRequest(trx, scope, found.requestId);
    if (!request) return undefined;
    await retireCodes(trx, scope, request.id, 'download', now);
    await insertCode(trx, scope, {
      id: randomUUID(),
      requestId: request.id,
      purpose: 'download',
      codeHash: key.codeHash(request.id, 'download', code),
      linkHash: null,
      packageId: found.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + codeLifetimeMs),
    });
    await recordEvent(trx, scope, request, {
      actor: 'subject',
      kind: 'download-code-sent',
      at: now,
      data: { package: found.id },
    });
    return request;
  });
  if (!sent) return false;
  const charter = await context.charter(scope);
  const mail = downloadCodeMail(mailContext(charter, sent), formatCode(code));
  for (const email of sent.contacts) await context.send(scope, email, mail, sent.language as Language);
  return true;
}

/**
 * Checks the download code and hands out the package, once. Undefined for every failure (wrong, expired, used or
 * locked code; used or expired link) — the page says the same thing for all of them.
 */
export async function download(
  context: RightsContext,
  scope: OrgScope,
  secret: string,
  typed: string,
  ip?: string,
): Promise<{ fileName: string; content: Buffer } | undefined> {
  const key = await context.key(scope);
  const now = context.now();
  const code = normaliseCode(typed);
  return inOrganisation(context.db, scope, async (trx) => {
    if (
      ip &&
      !(await allowHits(trx, [throttleHit(scope, key, 'code-ip', ip, 3_600_000, limits.codeTriesPerAddressHour)], now))
    )
      throw tooManyRequests();
    const found = await packageByLink(trx, scope, key.linkHash(secret));
    if (!usable(found, now)) return undefined;
    const request = await findRequest(trx, scope, found.requestId);
    if (!request) return undefined;
    const stored = await latestCode(trx, scope, request.id, 'download', found.id);
    if (!stored || stored.usedAt || stored.lockedAt || stored.expiresAt <= now || stored.attempts >= maxCodeAttempts)
      return undefined;
    const right =
      code !== undefined &&
      stored.codeHash !== null &&
      sameSecret(stored.codeHash, key.codeHash(request.id, 'download', code));
    if (!right) {
      const attempts = stored.attempts + 1;
      await updateCode(trx, scope, stored.id, { attempts, ...(attempts >= maxCodeAttempts ? { locked_at: now } : {}) });
      await recordEvent(trx, scope, request, {
        actor: 'subject',
        kind: attempts >= maxCodeAttempts ? 'download-code-locked' : 'download-code-failed',
        at: now,
        data: { package: found.id, attempts },
      });
      return undefined;
    }
    const content = await packageContent(trx, scope, found.id);
    if (!content) return undefined;
    await updateCode(trx, scope, stored.id, { used_at: now });
    await updatePackage(trx, scope, found.id, { downloaded_at: now });
    await recordEvent(trx, scope, request, {
      actor: 'subject',
      kind: 'package-downloaded',
      at: now,
      data: { package: found.id, size: content.byteLength },
    });
    return { fileName: found.fileName, content };
  });
}

/**
 * How long after a browser proved the mailbox (it used the mailed link or typed the mailed code) it may take the
 * package straight from the status page: the same proof the package link's fresh code gives, without a third mail.
 */
export const sessionDownloadWindowMs = 24 * 3_600_000;

/** The package a proven browser may download from the status page now, if any (the newest usable one). */
export async function sessionPackage(
  context: RightsContext,
  scope: OrgScope,
  requestId: string,
  provenAt: Date | null,
): Promise<PackageRow | undefined> {
  const now = context.now();
  if (!provenAt || now.getTime() - provenAt.getTime() >= sessionDownloadWindowMs) return undefined;
  const packages = await packagesOf(context.db, scope, requestId);
  return packages.filter((p) => usable(p, now)).at(-1);
}

/**
 * Hands out the package to the proven browser, once (the same single download as through the mailed link, which stops
 * working after it). Undefined when the browser is not proven within the window or no package is usable.
 */
export async function downloadWithSession(
  context: RightsContext,
  scope: OrgScope,
  requestId: string,
  provenAt: Date | null,
): Promise<{ fileName: string; content: Buffer } | undefined> {
  const found = await sessionPackage(context, scope, requestId, provenAt);
  if (!found) return undefined;
  const now = context.now();
  return inOrganisation(context.db, scope, async (trx) => {
    // Claimed with a condition, so two presses (or the link and the page at once) hand the package out once.
    const claimed = await trx
      .updateTable('rights_packages')
      .set({ downloaded_at: now })
      .where('organisation_id', '=', scope.organisationId)
      .where('id', '=', found.id)
      .where('downloaded_at', 'is', null)
      .where('deleted_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!claimed) return undefined;
    const content = await packageContent(trx, scope, found.id);
    const request = await findRequest(trx, scope, requestId);
    if (!content || !request) throw new Error('package vanished while claimed');
    await recordEvent(trx, scope, request, {
      actor: 'subject',
      kind: 'package-downloaded',
      at: now,
      data: { package: found.id, size: content.byteLength, via: 'status-page' },
    });
    return { fileName: found.fileName, content };
  });
}
