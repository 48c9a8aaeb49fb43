/**
 * Builders for test charters: a small valid charter as YAML text and as a parsed object, with overrides.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadCharter } from '../../src/charter/loader.js';
import { projectFile } from '../../src/platform/project.js';
import type { Charter } from '../../src/charter/schema.js';

export const minimalCharterYaml = `charter: 1
organisation:
  id: testco
  legalName: Testco BV
  companyNumber: BE0999.999.999
  addresses:
    - street: Teststraat 1
      postalCode: "1000"
      city: Brussel
      country: BE
  contact:
    email: privacy@testco.example
  authority: be-apd
languages: [en, nl, fr]
sites:
  - id: main
    name: Testco
    domain: www.testco.example
subjects:
  - id: customer
    name: { en: Customers, nl: Klanten, fr: Clients }
purposes:
  - id: orders
    name: { en: Orders, nl: Bestellingen, fr: Commandes }
    description: { en: We deliver what you order., nl: We leveren wat u bestelt., fr: Nous livrons ce que vous commandez. }
    legalBasis: contract
    subjects: [customer]
    data: [contact.email, identity.name]
    recipients: [mailer]
    retention: { duration: P10Y, from: end-of-contract, action: delete }
  - id: analytics
    name: Analytics
    description: We count visits.
    legalBasis: consent
    subjects: [customer]
    data: [online.ip-address]
    retention: { duration: P13M, from: collection }
recipients:
  - id: mailer
    name: Mailer SA
    role: processor
    service: Sends our mail
    country: FR
    dpaDate: 2024-01-15
  - id: stats
    name: Stats Inc.
    role: processor
    service: Counts visits
    country: US
    transfer: eu-us-dpf
    dpaDate: 2024-02-01
cookies:
  - name: charter_consent
    category: necessary
    vendor: first-party
    purpose: Remembers your consent choice
    duration: P6M
  - name: _stats
    category: analytics
    vendor: stats
    purpose: Distinguishes visitors
    duration: P13M
consent:
  categories:
    - id: analytics
      name: { en: Statistics, nl: Statistieken, fr: Statistiques }
      description: { en: Counting visits, nl: Bezoeken tellen, fr: Compter les visites }
      googleConsentMode: [analytics_storage]
`;

/** The minimal charter, parsed. Throws if it ever stops being valid (a broken builder must fail loudly). */
export function buildCharter(edit?: (charter: Charter) => void): Charter {
  const result = loadCharter(minimalCharterYaml);
  if (!result.ok) throw new Error(`test charter invalid: ${JSON.stringify(result.problems)}`);
  const charter = structuredClone(result.charter);
  edit?.(charter);
  return charter;
}

/** One of the example charters under `examples/`, parsed (a fresh copy each call). Throws if it stops being valid. */
export function exampleCharter(
  name: 'lumen-av' | 'kamer-west' | 'flashbooth',
  edit?: (charter: Charter) => void,
): Charter {
  const result = loadCharter(readFileSync(projectFile(`examples/${name}/charter.yaml`), 'utf8'));
  if (!result.ok) throw new Error(`example ${name} invalid: ${JSON.stringify(result.problems)}`);
  edit?.(result.charter);
  return result.charter;
}

/**
 * Every example charter file, as `examples/`-relative paths without `.yaml` ("lumen-av/charter", "agency/clients/x"):
 * each example's `charter.yaml`, and the client charters of an example made of a template (`clients/*.yaml`).
 */
export function exampleCharterNames(): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(projectFile('examples'), { withFileTypes: true }).filter((e) => e.isDirectory())) {
    if (existsSync(projectFile(`examples/${entry.name}/charter.yaml`))) names.push(`${entry.name}/charter`);
    const clients = projectFile(`examples/${entry.name}/clients`);
    if (existsSync(clients))
      for (const file of readdirSync(clients)
        .filter((f) => f.endsWith('.yaml'))
        .sort())
        names.push(`${entry.name}/clients/${file.slice(0, -5)}`);
  }
  return names;
}

/**
 * Adds an advertising category to a charter being built: GPC applies to it, and it carries Google Consent Mode's
 * three ad signals (the category a site with ads declares next to the minimal charter's analytics).
 */
export function addMarketingCategory(charter: Charter): void {
  charter.consent.categories.push({
    id: 'marketing',
    name: 'Marketing',
    description: 'Advertisements',
    gpc: true,
    googleConsentMode: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  });
}
