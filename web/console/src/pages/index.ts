/**
 * The console's areas, in navigation order. To add one: create `pages/<area>.tsx` exporting a `ConsolePage`
 * (path, title in EN/NL/FR, the scope needed to see it, the component), import it here and put it in the list.
 * An area appears in the navigation only when it is listed here and the caller holds its scope.
 */
import { auditPage } from './audit.js';
import { breachesPage } from './breaches.js';
import { consentPage } from './consent.js';
import { noticesPage } from './notices.js';
import { overviewPage } from './overview.js';
import { processorsPage } from './processors.js';
import { recordsPage } from './records.js';
import { requestsPage } from './requests.js';
import { retentionPage } from './retention.js';
import { tokensPage } from './tokens.js';
import type { ConsolePage } from './types.js';
import { usersPage } from './users.js';
import { webhooksPage } from './webhooks.js';

export const pages: ConsolePage[] = [
  overviewPage,
  // Requests, Consent, Retention, Records, Breaches, Notices go here, in that order.
  requestsPage,
  consentPage,
  retentionPage,
  recordsPage,
  processorsPage,
  breachesPage,
  noticesPage,
  auditPage,
  usersPage,
  tokensPage,
  webhooksPage,
];
