/**
 * The console's areas, in navigation order. A small area is one file, `pages/<area>.tsx`; a larger one is a folder,
 * `pages/<area>/`, whose `index.tsx` exports the page and whose `texts.ts` holds its EN/NL/FR/DE texts, beside its
 * parts (list, detail, forms) and stylesheet (breaches, consent, overview, requests, retention, webhooks; the charter
 * editor's page is `charter/page.tsx`, exported through `charter.tsx`). To add an area: export a `ConsolePage` (path,
 * title in EN/NL/FR/DE, the scope needed to see it, the component), import it here and put it in the list.
 * An area appears in the navigation (and in the phone menu) only when it is listed here and the caller holds its scope;
 * the console e2e test then opens it in every language, checks axe and that it fits 390 px. Wrap wide tables in
 * `<TableRegion label>` and show actors with `<Actor>` (components.tsx).
 */
import { auditPage } from './audit.js';
import { breachesPage } from './breaches/index.js';
import { charterPage } from './charter.js';
import { consentPage } from './consent/index.js';
import { noticesPage } from './notices.js';
import { organisationsPage } from './organisations.js';
import { outboxPage } from './outbox.js';
import { overviewPage } from './overview/index.js';
import { processorsPage } from './processors.js';
import { recordsPage } from './records.js';
import { requestsPage } from './requests/index.js';
import { retentionPage } from './retention/index.js';
import { securityPage } from './security.js';
import { sitesPage } from './sites.js';
import { tokensPage } from './tokens.js';
import type { ConsolePage } from './types.js';
import { usersPage } from './users.js';
import { webhooksPage } from './webhooks/index.js';

export const pages: ConsolePage[] = [
  overviewPage,
  organisationsPage,
  charterPage,
  // Requests, Consent, Retention, Records, Breaches, Notices go here, in that order.
  requestsPage,
  consentPage,
  sitesPage,
  retentionPage,
  recordsPage,
  processorsPage,
  breachesPage,
  noticesPage,
  outboxPage,
  auditPage,
  usersPage,
  securityPage,
  tokensPage,
  webhooksPage,
];
