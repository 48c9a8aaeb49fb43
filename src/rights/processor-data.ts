/**
 * Requests that reach processor data: rows of tables the organisation processes for its customers (`processedFor`).
 * The stores engine counts them and leaves them alone (src/stores/processor-rows.ts); this module turns the counts
 * into what Art. 28(3)(e) asks of a processor — assist the controller: the request records what was found for which
 * customer (counts only, no contents), the customer is told (a mail to its `contact` when that is an email address,
 * recorded in the outbox; otherwise the privacy officers get the task of telling it), and the person is told, in
 * their language, that the customer is the controller and decides.
 *
 * The texts live here rather than in texts.ts so that this work and the mails of other rights stay apart.
 */
import type { Charter, Language, RequestType } from '../charter/schema.js';
import { inOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import type { ProcessorRows } from '../stores/connector.js';
import type { RightsContext } from './context.js';
import type { RenderedMail } from './mails.js';
import { claimReminder, recordEvent, type RightsRequest } from './repository.js';
import { fill, rightsTexts } from './texts/index.js';
import { organisationName as organisationNameIn } from '../charter/localized.js';

/** What a request found in data held for one customer: counts only. */
export interface ProcessorFinding {
  /** The `customers[]` id. */
  customer: string;
  rows: number;
  /** How the customer was told: a mail to its contact, or a task for the privacy officers. */
  informed: 'mail' | 'officer';
}

/** Anything a connector answers that may carry processor counts (access, erasure, rectification, restriction). */
interface WithProcessorRows {
  processorRows?: ProcessorRows[] | undefined;
}

/** Rows left to each customer, summed over the stores' answers (customers in charter order). */
export function processorCounts(
  charter: Charter,
  results: readonly WithProcessorRows[],
): { customer: string; rows: number }[] {
  const rows = new Map<string, number>();
  for (const result of results)
    for (const entry of result.processorRows ?? [])
      rows.set(entry.customer, (rows.get(entry.customer) ?? 0) + entry.rows);
  const order = charter.customers.map((c) => c.id);
  return [...rows]
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([customer, n]) => ({ customer, rows: n }));
}

/** A test for "this store table is processed for a customer" (its rows are never the organisation's own in a package). */
export function processorTableTest(charter: Charter): (store: string, table: string) => boolean {
  const keys = new Set(
    charter.stores.flatMap((s) => s.tables.filter((t) => t.processedFor).map((t) => `${s.id}\u0000${t.name}`)),
  );
  return (store, table) => keys.size > 0 && keys.has(`${store}\u0000${table}`);
}

/** The customer's contact when it is an email address (mailed directly); otherwise undefined (an officer task). */
export function customerEmail(charter: Charter, customerId: string): string | undefined {
  const contact = charter.customers.find((c) => c.id === customerId)?.contact?.trim();
  return contact && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact) ? contact : undefined;
}

interface ProcessorTexts {
  /** To the person: what was left alone and who decides. */
  found: string;
  toldByMail: string;
  toldByOfficer: string;
  personSubject: string;
  /** To the customer (controller). */
  customerSubject: string;
  customerBody: string;
  /** To the privacy officers, when the customer has no email contact. */
  officerSubject: string;
  officerBody: string;
}

const texts: Record<Language, ProcessorTexts> = {
  en: {
    found:
      'We did not act on {rows} record(s) that we hold on behalf of {customer}. We process that data as a processor, on their instructions: {customer} is the controller and decides on your request about it (Art. 28(3)(e) GDPR).',
    toldByMail: 'We have informed them of your request (reference {ref}); you may also contact them directly.',
    toldByOfficer:
      'Our privacy team will pass your request (reference {ref}) on to them; you may also contact them directly.',
    personSubject: 'Your request {ref}: data we hold on behalf of our customers',
    customerSubject: 'Request {ref} about personal data we process for you',
    customerBody:
      '{org} received a data subject request ({type}, reference {ref}) that concerns personal data we process on your behalf as your processor ({customer}): {rows} record(s).\n\nWe have not acted on that data: as the controller, you decide how to answer the request (Art. 28(3)(e) GDPR). The person has been told so. Please send us your instructions, quoting the reference, at {email}; we will then give you the details you need to answer the person.',
    officerSubject: 'Task: tell customer {customer} about request {ref}',
    officerBody:
      'Request {ref} ({type}) found {rows} record(s) that we hold on behalf of customer {customer} ({name}). We did not act on them. The charter gives no email address for this customer (contact: {contact}): tell the customer of the request, as Art. 28(3)(e) GDPR requires, and record their instructions.\n\n{link}',
  },
  nl: {
    found:
      'Met {rows} record(s) die we bewaren in opdracht van {customer} hebben we niets gedaan. Die gegevens verwerken we als verwerker, op hun instructies: {customer} is de verwerkingsverantwoordelijke en beslist over uw verzoek daarover (art. 28, lid 3, e) AVG).',
    toldByMail:
      'We hebben hen op de hoogte gebracht van uw verzoek (referentie {ref}); u kunt hen ook rechtstreeks contacteren.',
    toldByOfficer:
      'Ons privacyteam bezorgt hun uw verzoek (referentie {ref}); u kunt hen ook rechtstreeks contacteren.',
    personSubject: 'Uw verzoek {ref}: gegevens die we bewaren in opdracht van onze klanten',
    customerSubject: 'Verzoek {ref} over persoonsgegevens die we voor u verwerken',
    customerBody:
      '{org} ontving een verzoek van een betrokkene ({type}, referentie {ref}) over persoonsgegevens die we in uw opdracht verwerken als uw verwerker ({customer}): {rows} record(s).\n\nMet die gegevens hebben we niets gedaan: als verwerkingsverantwoordelijke beslist u hoe het verzoek beantwoord wordt (art. 28, lid 3, e) AVG). De betrokkene weet dat. Stuur ons uw instructies, met vermelding van de referentie, op {email}; we bezorgen u dan de gegevens die u nodig hebt om de betrokkene te antwoorden.',
    officerSubject: 'Taak: breng klant {customer} op de hoogte van verzoek {ref}',
    officerBody:
      'Verzoek {ref} ({type}) vond {rows} record(s) die we bewaren in opdracht van klant {customer} ({name}). We hebben er niets mee gedaan. Het charter geeft geen e-mailadres voor deze klant (contact: {contact}): breng de klant op de hoogte van het verzoek, zoals art. 28, lid 3, e) AVG vereist, en noteer zijn instructies.\n\n{link}',
  },
  fr: {
    found:
      'Nous n’avons pas donné suite à votre demande pour {rows} enregistrement(s) que nous conservons pour le compte de {customer}. Nous traitons ces données en tant que sous-traitant, sur ses instructions : {customer} en est le responsable du traitement et décide de la suite à donner à votre demande (art. 28, par. 3, e) du RGPD).',
    toldByMail: 'Nous l’avons informé de votre demande (référence {ref}) ; vous pouvez aussi le contacter directement.',
    toldByOfficer:
      'Notre équipe vie privée lui transmettra votre demande (référence {ref}) ; vous pouvez aussi le contacter directement.',
    personSubject: 'Votre demande {ref} : données que nous conservons pour le compte de nos clients',
    customerSubject: 'Demande {ref} concernant des données personnelles que nous traitons pour vous',
    customerBody:
      '{org} a reçu une demande d’une personne concernée ({type}, référence {ref}) portant sur des données personnelles que nous traitons pour votre compte en tant que sous-traitant ({customer}) : {rows} enregistrement(s).\n\nNous n’avons pas touché à ces données : en tant que responsable du traitement, c’est vous qui décidez de la réponse à la demande (art. 28, par. 3, e) du RGPD). La personne en a été informée. Envoyez-nous vos instructions, en mentionnant la référence, à {email} ; nous vous communiquerons alors les éléments nécessaires pour lui répondre.',
    officerSubject: 'Tâche : informer le client {customer} de la demande {ref}',
    officerBody:
      'La demande {ref} ({type}) a trouvé {rows} enregistrement(s) que nous conservons pour le compte du client {customer} ({name}). Nous n’y avons pas touché. La charte ne donne pas d’adresse e-mail pour ce client (contact : {contact}) : informez-le de la demande, comme l’exige l’art. 28, par. 3, e) du RGPD, et consignez ses instructions.\n\n{link}',
  },
  de: {
    found:
      'Zu {rows} Datensätzen, die wir im Auftrag von {customer} speichern, haben wir nichts unternommen. Diese Daten verarbeiten wir als Auftragsverarbeiter nach deren Weisungen: Verantwortlicher ist {customer}, der über Ihren Antrag zu diesen Daten entscheidet (Art. 28 Abs. 3 lit. e DSGVO).',
    toldByMail:
      'Wir haben den Verantwortlichen über Ihren Antrag (Referenz {ref}) informiert; Sie können sich auch direkt an ihn wenden.',
    toldByOfficer:
      'Unser Datenschutzteam leitet Ihren Antrag (Referenz {ref}) an den Verantwortlichen weiter; Sie können sich auch direkt an ihn wenden.',
    personSubject: 'Ihr Antrag {ref}: Daten, die wir im Auftrag unserer Kunden speichern',
    customerSubject: 'Antrag {ref} zu personenbezogenen Daten, die wir für Sie verarbeiten',
    customerBody:
      '{org} hat einen Antrag einer betroffenen Person erhalten ({type}, Referenz {ref}), der personenbezogene Daten betrifft, die wir als Ihr Auftragsverarbeiter in Ihrem Auftrag verarbeiten ({customer}): {rows} Datensätze.\n\nMit diesen Daten haben wir nichts unternommen: Als Verantwortlicher entscheiden Sie, wie der Antrag beantwortet wird (Art. 28 Abs. 3 lit. e DSGVO). Die Person wurde darüber informiert. Bitte senden Sie uns Ihre Weisungen unter Angabe der Referenz an {email}; wir geben Ihnen dann die Angaben, die Sie für die Antwort an die Person brauchen.',
    officerSubject: 'Aufgabe: Kunde {customer} über Antrag {ref} informieren',
    officerBody:
      'Antrag {ref} ({type}) hat {rows} Datensätze gefunden, die wir im Auftrag des Kunden {customer} ({name}) speichern. Wir haben nichts damit unternommen. Die Charta nennt keine E-Mail-Adresse für diesen Kunden (Kontakt: {contact}): Informieren Sie den Kunden über den Antrag, wie Art. 28 Abs. 3 lit. e DSGVO es verlangt, und halten Sie seine Weisungen fest.\n\n{link}',
  },
};

function organisationName(charter: Charter, language: Language): string {
  return organisationNameIn(charter, language);
}

function signed(charter: Charter, language: Language, body: string): string {
  const t = rightsTexts[language];
  return [
    t.mailGreeting,
    '',
    body,
    '',
    fill(t.mailSignature, { org: organisationName(charter, language) }),
    charter.organisation.contact.email,
  ].join('\n');
}

function customerName(charter: Charter, id: string): string {
  return charter.customers.find((c) => c.id === id)?.name ?? id;
}

/** The lines that tell the person, in their language, what was left to which customer and who decides. */
export function personLines(
  charter: Charter,
  findings: readonly ProcessorFinding[],
  language: Language,
  reference: string,
): string[] {
  const t = texts[language];
  return findings.map((f) => {
    const p = { rows: f.rows, customer: customerName(charter, f.customer), ref: reference };
    return `${fill(t.found, p)} ${fill(f.informed === 'mail' ? t.toldByMail : t.toldByOfficer, p)}`;
  });
}

/**
 * A mail to the person about data held for customers: beside an access package (whose mail carries only its link),
 * or instead of the completion mail when the request changed nothing of the organisation's own (which would
 * otherwise say "your data has been erased"). `closing`: a paragraph after the lines (the remedies).
 */
export function personMail(
  charter: Charter,
  findings: readonly ProcessorFinding[],
  language: Language,
  reference: string,
  closing?: string,
): RenderedMail {
  const t = texts[language];
  const lines = personLines(charter, findings, language, reference);
  return {
    template: 'request.processor-data',
    subject: fill(t.personSubject, { ref: reference }),
    text: signed(charter, language, [...lines, ...(closing ? [closing] : [])].join('\n\n')),
  };
}

/** Whether a request's result shows nothing of the organisation's own acted on (erased, kept, changed or restricted). */
export function ownDataUntouched(result: Record<string, unknown>): boolean {
  const erasure = result.erasure as { erased: unknown[]; kept: unknown[] } | undefined;
  if (erasure) return erasure.erased.length === 0 && erasure.kept.length === 0;
  const changed = (result.rectification ?? result.restriction) as { updated: unknown[] } | undefined;
  return changed ? changed.updated.length === 0 : false;
}

/** The mail to a customer (controller) whose data a request reached: type, reference and counts, no personal data. */
export function customerMail(
  charter: Charter,
  finding: Pick<ProcessorFinding, 'customer' | 'rows'>,
  type: RequestType,
  reference: string,
  language: Language,
): RenderedMail {
  const t = texts[language];
  const p = {
    org: organisationName(charter, language),
    type: rightsTexts[language].types[type],
    ref: reference,
    customer: customerName(charter, finding.customer),
    rows: finding.rows,
    email: charter.organisation.contact.email,
  };
  return {
    template: 'request.processor-customer',
    subject: fill(t.customerSubject, p),
    text: signed(charter, language, fill(t.customerBody, p)),
  };
}

/** The task mail to the privacy officers when a customer has no email contact. */
export function officerTaskMail(
  charter: Charter,
  finding: Pick<ProcessorFinding, 'customer' | 'rows'>,
  type: RequestType,
  reference: string,
  language: Language,
  link: string,
): RenderedMail {
  const t = texts[language];
  const customer = charter.customers.find((c) => c.id === finding.customer);
  const p = {
    type: rightsTexts[language].types[type],
    ref: reference,
    customer: finding.customer,
    name: customer?.name ?? finding.customer,
    contact: customer?.contact ?? '—',
    rows: finding.rows,
    link,
  };
  return {
    template: 'request.processor-task',
    subject: fill(t.officerSubject, p),
    text: signed(charter, language, fill(t.officerBody, p)),
  };
}

/**
 * Records what a request found in data held for customers and tells each customer (once per request, also when the
 * request is executed again after a crash): a mail to its email contact, else a task mail to the privacy officers.
 * Returns the findings for the request's result and the person's mail.
 */
export async function routeToControllers(
  context: RightsContext,
  scope: OrgScope,
  charter: Charter,
  request: Pick<RightsRequest, 'id' | 'type' | 'reference'>,
  counts: readonly { customer: string; rows: number }[],
): Promise<ProcessorFinding[]> {
  if (counts.length === 0) return [];
  const language: Language = charter.defaultLanguage ?? charter.languages[0] ?? 'en';
  const now = context.now();
  const findings: ProcessorFinding[] = counts.map((c) => ({
    ...c,
    informed: customerEmail(charter, c.customer) ? 'mail' : 'officer',
  }));
  for (const finding of findings) {
    // One notice per customer and request, recorded with its event: a retried execution does not tell them again.
    const first = await inOrganisation(context.db, scope, async (trx) => {
      if (!(await claimReminder(trx, scope, request.id, `controller:${finding.customer}`, now))) return false;
      await recordEvent(trx, scope, request, {
        actor: 'system',
        kind: 'processor-data-found',
        at: now,
        data: { customer: finding.customer, rows: finding.rows, informed: finding.informed },
      });
      return true;
    });
    if (!first) continue;
    const email = customerEmail(charter, finding.customer);
    if (email)
      await context.send(
        scope,
        email,
        customerMail(charter, finding, request.type, request.reference, language),
        language,
      );
    else {
      const mail = officerTaskMail(
        charter,
        finding,
        request.type,
        request.reference,
        language,
        context.link(`/console/requests/${request.id}`),
      );
      for (const officer of await context.deps.officers.emails(scope, charter))
        await context.send(scope, officer, mail, language);
    }
  }
  return findings;
}
