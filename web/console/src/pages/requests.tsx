/**
 * Requests: the inbox of data-subject requests (filters by state, type, site and due date; overdue and due soon),
 * one request with its timeline, the plan before execution and the result after, and the privacy team's actions —
 * approve, refuse with reasons, extend once, verify by override (two people), edit a rectification, cancel — plus
 * entering a request received by post, phone, email or at the counter.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { RequestDetail, RequestSummary } from '../../../../src/rights/schemas.js';
import { api } from '../api.js';
import {
  Actor,
  ErrorMessage,
  Loading,
  PageTitle,
  TableRegion,
  useApi,
  useDescribeActor,
  useMutation,
  usePeople,
  describeValue,
} from '../components.js';
import { countOf, formatDateTime, useLanguage, useTexts, type Language } from '../i18n.js';
import { Link, usePath } from '../router.js';
import { useSession } from '../session.js';
import type { ConsolePage } from './types.js';
import './requests.css';

interface Site {
  id: string;
  name: string;
  domain: string;
}

type Inbox = { total: number; overdue: number; dueWithin7Days: number; requests: RequestSummary[] };

const states = [
  'received',
  'awaiting-verification',
  'verified',
  'in-progress',
  'awaiting-approval',
  'completed',
  'refused',
  'withdrawn',
] as const;
const types = ['access', 'portability', 'rectification', 'erasure', 'restriction', 'objection', 'withdrawal'] as const;
const channels = ['post', 'phone', 'counter', 'email', 'api'] as const;
const reasons = ['unfounded', 'excessive', 'not-verifiable', 'compelling-grounds', 'other'] as const;

const texts = {
  en: {
    title: 'Requests',
    intro:
      'Data-subject requests from the privacy centers and other channels, with their deadlines (one month from receipt, Art. 12(3)).',
    filters: 'Filters',
    state: 'Status',
    type: 'Type',
    site: 'Site',
    dueBefore: 'Due on or before',
    overdueOnly: 'Overdue only',
    any: 'Any',
    apply: 'Apply',
    counts: (total: number, overdue: number, soon: number) =>
      `${countOf('en', total, 'request', 'requests')} shown. Open requests overdue: ${overdue}; due within 7 days: ${soon}.`,
    none: 'No request matches.',
    reference: 'Reference',
    channel: 'Channel',
    received: 'Received',
    due: 'Due',
    daysLeft: (n: number) =>
      n < 0
        ? `${countOf('en', -n, 'day', 'days')} overdue`
        : n === 0
          ? 'due today'
          : `${countOf('en', n, 'day', 'days')} left`,
    overdue: 'overdue',
    extended: 'extended',
    states: {
      received: 'received',
      'awaiting-verification': 'awaiting verification',
      verified: 'verified',
      'in-progress': 'in progress',
      'awaiting-approval': 'awaiting approval',
      completed: 'completed',
      refused: 'refused',
      withdrawn: 'withdrawn',
    } as Record<string, string>,
    types: {
      access: 'access',
      portability: 'portability',
      rectification: 'rectification',
      erasure: 'erasure',
      restriction: 'restriction',
      objection: 'objection',
      withdrawal: 'withdrawal of consent',
    } as Record<string, string>,
    channels: {
      web: 'privacy center',
      post: 'post',
      phone: 'phone',
      counter: 'counter',
      email: 'email',
      api: 'API',
    } as Record<string, string>,
    reasons: {
      unfounded: 'manifestly unfounded',
      excessive: 'manifestly excessive',
      'not-verifiable': 'identity not verifiable',
      'compelling-grounds': 'compelling legitimate grounds',
      other: 'other',
    } as Record<string, string>,
    newRequest: 'Enter a request received by post, phone, email or at the counter',
    identityType: 'Identity type',
    identity: 'Identity (email, customer number…)',
    language: 'Language of the requester',
    message: 'What the person asked (optional)',
    create: 'Record the request',
    createdNote: 'Recorded. If the stores hold this identity, a one-time code went to the contact on file.',
    back: 'All requests',
    facts: 'Request',
    identityLabel: 'Identity',
    known: 'Held in the stores',
    contacts: 'Code sent to',
    level: 'Verification',
    verified: 'Verified',
    verifiedBy: 'by',
    executeAfter: 'Executes after (grace period)',
    details: 'What the person asked',
    plan: 'Plan',
    noPlan: 'No plan yet.',
    computePlan: 'Compute the plan now',
    result: 'Result',
    erased: 'Erased',
    kept: 'Kept, in whole or in part',
    law: 'Law or reason',
    keptReferenced: 'another person’s row still points at it: kept, its personal columns erased',
    keptShared: 'shared with another person: only this person’s columns erased',
    notified: 'Recipients to inform (Art. 19)',
    recipients: 'Recipients (Art. 19)',
    recipientsIntro:
      'Each recipient must hear of the rectification, erasure or restriction. The person reads “informed” only for those marked done.',
    recipientChannels: {
      store: 'its connected system was called',
      mail: 'notice mailed to its privacy contact',
      officer: 'to be told by you',
    },
    recipientDone: 'Informed',
    recipientPending: 'Not yet informed',
    markInformed: 'Mark as informed',
    markNotInformed: 'Mark as not informed',
    restrictTasks: 'Restrict by hand (Art. 18)',
    restrictTasksIntro:
      'These tables cannot record the restriction themselves. Charter keeps the person’s rows there from retention until the restriction is lifted; stop their use by hand, then mark the task done.',
    restrictDone: 'Restricted by hand',
    restrictPending: 'Not yet done',
    markRestricted: 'Mark as done',
    markNotRestricted: 'Mark as not done',
    reached: 'Rows the request reaches',
    reachHow: 'How',
    shared: 'Shared with someone else',
    reachIdentity: 'by the person’s identity',
    reachAdapter: 'chosen by the connected system',
    reachOwner: (table: string, column: string) => `belongs to their ${table} row (${column})`,
    reachProfile: (table: string, column: string) => `their own profile row, named by their ${table} row (${column})`,
    changes: 'Column changes',
    rows: 'Rows',
    table: 'Table',
    fields: 'Fields',
    packages: 'Packages',
    packageLine: (size: number, expires: string, downloaded: string | null, deleted: string | null) =>
      `${size} bytes, expires ${expires}${downloaded ? `, downloaded ${downloaded}` : ''}${deleted ? `, deleted ${deleted}` : ''}`,
    reissue: 'Mail a new download link',
    timeline: 'Timeline',
    when: 'When',
    who: 'Who',
    what: 'What',
    actions: 'Actions',
    approve: 'Approve and execute',
    refuse: 'Refuse',
    reason: 'Reason',
    explanation: 'Explanation for the requester',
    extend: 'Extend by two months',
    extensionReason: 'Reason for the extension (mailed to the requester)',
    override: 'Verify the identity by other means',
    overrideReason: 'How the identity was checked',
    proposeOverride: 'Propose verification',
    approveOverride: 'Approve the proposed verification (second person)',
    overrideWaiting: (who: string, reason: string) => `Proposed by ${who}: ${reason}`,
    cancel: 'Withdraw on behalf of the requester',
    error: 'Last error',
    done: 'Done.',
    identityTypes: {
      email: 'email address',
      phone: 'phone number',
      'customer-number': 'customer number',
      'account-id': 'account id',
    } as Record<string, string>,
    levels: {
      code: 'a one-time code to the contact on file',
      'code-and-confirm': 'a one-time code, then a confirmation by the team',
      account: 'signed in to their account',
    } as Record<string, string>,
    yes: 'yes',
    no: 'no',
    said: {
      rectification: (current: string | undefined, desired: string, category: string | undefined) =>
        `Asks to correct ${category ? `their ${category}` : 'their data'}${current ? ` from “${current}”` : ''} to “${desired}”.`,
      restriction: (ground: string) => `Asks to restrict the processing: ${ground}.`,
      objection: (kind: string, purpose: string | undefined) =>
        `Objects to ${kind}${purpose ? ` (purpose: ${purpose})` : ''}.`,
      withdrawal: (purpose: string) => `Withdraws consent for the purpose ${purpose}.`,
      message: 'Message:',
      explanation: 'Explanation:',
      nothing: 'Nothing beyond the type of request.',
    },
    grounds: {
      'accuracy-contested': 'the accuracy of the data is contested (Art. 18(1)(a))',
      'unlawful-processing': 'the processing is unlawful (Art. 18(1)(b))',
      'legal-claims': 'the data are needed for legal claims (Art. 18(1)(c))',
      'objection-pending': 'an objection is being examined (Art. 18(1)(d))',
    } as Record<string, string>,
    objections: {
      'direct-marketing': 'direct marketing',
      'legitimate-interest': 'processing based on legitimate interests',
    } as Record<string, string>,
    events: {
      received: 'request received',
      'code-verified': 'identity confirmed with the code',
      'plan-computed': 'plan computed',
      extended: 'deadline extended',
      'extension-mailed': 'extension mailed to the requester',
      'package-created': 'package prepared',
      'package-downloaded': 'package downloaded by the requester',
      'package-downloaded-by-staff': 'package downloaded by staff',
      'package-deleted': 'package deleted',
      'package-reissued': 'new download link mailed',
      'download-code-sent': 'download code sent',
      reminder: 'reminder',
      overdue: 'deadline passed',
      'override-proposed': 'verification by other means proposed',
      'execution-failed': 'execution failed',
      'recipient-informed': 'recipient informed',
      'consent-withdrawn': 'consent withdrawn',
      'changes-set': 'corrections entered',
      'link-used': 'status link used',
      'link-expired': 'status link expired',
      'link-invalid': 'invalid status link',
      'link-closed': 'status link closed',
      'processor-data-found': 'data held as a processor found',
    } as Record<string, string>,
    value: 'Value',
    item: 'Item',
  },
  nl: {
    title: 'Verzoeken',
    intro:
      'Verzoeken van betrokkenen uit de privacycentra en andere kanalen, met hun termijnen (een maand na ontvangst, art. 12, lid 3).',
    filters: 'Filters',
    state: 'Status',
    type: 'Soort',
    site: 'Website',
    dueBefore: 'Uiterlijk te beantwoorden op',
    overdueOnly: 'Alleen te laat',
    any: 'Alle',
    apply: 'Toepassen',
    counts: (total: number, overdue: number, soon: number) =>
      `${countOf('nl', total, 'verzoek', 'verzoeken')} getoond. Openstaande verzoeken te laat: ${overdue}; binnen 7 dagen te beantwoorden: ${soon}.`,
    none: 'Geen enkel verzoek voldoet.',
    reference: 'Referentie',
    channel: 'Kanaal',
    received: 'Ontvangen',
    due: 'Termijn',
    daysLeft: (n: number) =>
      n < 0
        ? `${countOf('nl', -n, 'dag', 'dagen')} te laat`
        : n === 0
          ? 'vandaag'
          : `nog ${countOf('nl', n, 'dag', 'dagen')}`,
    overdue: 'te laat',
    extended: 'verlengd',
    states: {
      received: 'ontvangen',
      'awaiting-verification': 'wacht op verificatie',
      verified: 'geverifieerd',
      'in-progress': 'in behandeling',
      'awaiting-approval': 'wacht op goedkeuring',
      completed: 'afgehandeld',
      refused: 'geweigerd',
      withdrawn: 'ingetrokken',
    } as Record<string, string>,
    types: {
      access: 'inzage',
      portability: 'overdraagbaarheid',
      rectification: 'rectificatie',
      erasure: 'wissing',
      restriction: 'beperking',
      objection: 'bezwaar',
      withdrawal: 'intrekking toestemming',
    } as Record<string, string>,
    channels: {
      web: 'privacycentrum',
      post: 'post',
      phone: 'telefoon',
      counter: 'balie',
      email: 'e-mail',
      api: 'API',
    } as Record<string, string>,
    reasons: {
      unfounded: 'kennelijk ongegrond',
      excessive: 'buitensporig',
      'not-verifiable': 'identiteit niet na te gaan',
      'compelling-grounds': 'dwingende gerechtvaardigde gronden',
      other: 'andere',
    } as Record<string, string>,
    newRequest: 'Een verzoek registreren dat per post, telefoon, e-mail of aan de balie binnenkwam',
    identityType: 'Soort identiteit',
    identity: 'Identiteit (e-mail, klantnummer…)',
    language: 'Taal van de betrokkene',
    message: 'Wat de persoon vroeg (optioneel)',
    create: 'Verzoek registreren',
    createdNote:
      'Geregistreerd. Als de systemen deze identiteit kennen, ging er een eenmalige code naar het bekende contactadres.',
    back: 'Alle verzoeken',
    facts: 'Verzoek',
    identityLabel: 'Identiteit',
    known: 'Bekend in de systemen',
    contacts: 'Code gestuurd naar',
    level: 'Verificatie',
    verified: 'Geverifieerd',
    verifiedBy: 'door',
    executeAfter: 'Uitvoering na (bedenktijd)',
    details: 'Wat de persoon vroeg',
    plan: 'Plan',
    noPlan: 'Nog geen plan.',
    computePlan: 'Plan nu berekenen',
    result: 'Resultaat',
    erased: 'Gewist',
    kept: 'Geheel of gedeeltelijk bewaard',
    law: 'Wet of reden',
    keptReferenced: 'een rij van een andere persoon verwijst ernaar: bewaard, de persoonsgegevens erin gewist',
    keptShared: 'gedeeld met een andere persoon: alleen de kolommen van deze persoon gewist',
    notified: 'Op de hoogte te brengen ontvangers (art. 19)',
    recipients: 'Ontvangers (art. 19)',
    recipientsIntro:
      'Elke ontvanger moet van de verbetering, wissing of beperking horen. De betrokkene leest “op de hoogte gebracht” alleen voor wie als gedaan gemarkeerd is.',
    recipientChannels: {
      store: 'het gekoppelde systeem werd aangeroepen',
      mail: 'bericht gemaild aan het privacycontact',
      officer: 'door u te verwittigen',
    },
    recipientDone: 'Op de hoogte gebracht',
    recipientPending: 'Nog niet op de hoogte gebracht',
    markInformed: 'Markeer als op de hoogte gebracht',
    markNotInformed: 'Markeer als niet op de hoogte gebracht',
    restrictTasks: 'Met de hand beperken (art. 18)',
    restrictTasksIntro:
      'Deze tabellen kunnen de beperking zelf niet vastleggen. Charter houdt de rijen van de betrokkene daar buiten de bewaartermijnen tot de beperking wordt opgeheven; stop het gebruik ervan met de hand en markeer de taak daarna als gedaan.',
    restrictDone: 'Met de hand beperkt',
    restrictPending: 'Nog niet gedaan',
    markRestricted: 'Markeer als gedaan',
    markNotRestricted: 'Markeer als niet gedaan',
    reached: 'Rijen die het verzoek bereikt',
    reachHow: 'Hoe',
    shared: 'Gedeeld met iemand anders',
    reachIdentity: 'via de identiteit van de persoon',
    reachAdapter: 'gekozen door het gekoppelde systeem',
    reachOwner: (table: string, column: string) => `hoort bij hun rij in ${table} (${column})`,
    reachProfile: (table: string, column: string) =>
      `hun eigen profielrij, genoemd door hun rij in ${table} (${column})`,
    changes: 'Kolomwijzigingen',
    rows: 'Rijen',
    table: 'Tabel',
    fields: 'Velden',
    packages: 'Pakketten',
    packageLine: (size: number, expires: string, downloaded: string | null, deleted: string | null) =>
      `${size} bytes, verloopt ${expires}${downloaded ? `, gedownload ${downloaded}` : ''}${deleted ? `, verwijderd ${deleted}` : ''}`,
    reissue: 'Nieuwe downloadlink mailen',
    timeline: 'Tijdlijn',
    when: 'Wanneer',
    who: 'Wie',
    what: 'Wat',
    actions: 'Acties',
    approve: 'Goedkeuren en uitvoeren',
    refuse: 'Weigeren',
    reason: 'Reden',
    explanation: 'Toelichting voor de betrokkene',
    extend: 'Met twee maanden verlengen',
    extensionReason: 'Reden van de verlenging (wordt gemaild)',
    override: 'Identiteit op een andere manier nagaan',
    overrideReason: 'Hoe de identiteit werd nagegaan',
    proposeOverride: 'Verificatie voorstellen',
    approveOverride: 'Voorgestelde verificatie goedkeuren (tweede persoon)',
    overrideWaiting: (who: string, reason: string) => `Voorgesteld door ${who}: ${reason}`,
    cancel: 'Intrekken namens de betrokkene',
    error: 'Laatste fout',
    done: 'Gedaan.',
    identityTypes: {
      email: 'e-mailadres',
      phone: 'telefoonnummer',
      'customer-number': 'klantnummer',
      'account-id': 'account-id',
    } as Record<string, string>,
    levels: {
      code: 'een eenmalige code naar het gekende contact',
      'code-and-confirm': 'een eenmalige code, daarna een bevestiging door het team',
      account: 'aangemeld op de eigen account',
    } as Record<string, string>,
    yes: 'ja',
    no: 'nee',
    said: {
      rectification: (current: string | undefined, desired: string, category: string | undefined) =>
        `Vraagt ${category ? `${category}` : 'de gegevens'}${current ? ` van “${current}”` : ''} te verbeteren naar “${desired}”.`,
      restriction: (ground: string) => `Vraagt de verwerking te beperken: ${ground}.`,
      objection: (kind: string, purpose: string | undefined) =>
        `Maakt bezwaar tegen ${kind}${purpose ? ` (doel: ${purpose})` : ''}.`,
      withdrawal: (purpose: string) => `Trekt de toestemming in voor het doel ${purpose}.`,
      message: 'Bericht:',
      explanation: 'Toelichting:',
      nothing: 'Niets meer dan de soort verzoek.',
    },
    grounds: {
      'accuracy-contested': 'de juistheid van de gegevens wordt betwist (art. 18, lid 1, a)',
      'unlawful-processing': 'de verwerking is onrechtmatig (art. 18, lid 1, b)',
      'legal-claims': 'de gegevens zijn nodig voor een rechtsvordering (art. 18, lid 1, c)',
      'objection-pending': 'een bezwaar wordt onderzocht (art. 18, lid 1, d)',
    } as Record<string, string>,
    objections: {
      'direct-marketing': 'direct marketing',
      'legitimate-interest': 'verwerking op grond van gerechtvaardigd belang',
    } as Record<string, string>,
    events: {
      received: 'verzoek ontvangen',
      'code-verified': 'identiteit bevestigd met de code',
      'plan-computed': 'plan berekend',
      extended: 'termijn verlengd',
      'extension-mailed': 'verlenging gemaild aan de verzoeker',
      'package-created': 'pakket klaargemaakt',
      'package-downloaded': 'pakket gedownload door de verzoeker',
      'package-downloaded-by-staff': 'pakket gedownload door een medewerker',
      'package-deleted': 'pakket verwijderd',
      'package-reissued': 'nieuwe downloadlink gemaild',
      'download-code-sent': 'downloadcode verstuurd',
      reminder: 'herinnering',
      overdue: 'termijn verstreken',
      'override-proposed': 'verificatie op een andere manier voorgesteld',
      'execution-failed': 'uitvoering mislukt',
      'recipient-informed': 'ontvanger ingelicht',
      'consent-withdrawn': 'toestemming ingetrokken',
      'changes-set': 'verbeteringen ingevoerd',
      'link-used': 'statuslink gebruikt',
      'link-expired': 'statuslink verlopen',
      'link-invalid': 'ongeldige statuslink',
      'link-closed': 'statuslink gesloten',
      'processor-data-found': 'gegevens als verwerker gevonden',
    } as Record<string, string>,
    value: 'Waarde',
    item: 'Onderdeel',
  },
  fr: {
    title: 'Demandes',
    intro:
      'Les demandes des personnes concernées reçues par les centres de confidentialité et les autres canaux, avec leurs délais (un mois après réception, art. 12, par. 3).',
    filters: 'Filtres',
    state: 'Statut',
    type: 'Type',
    site: 'Site',
    dueBefore: 'Échéance au plus tard le',
    overdueOnly: 'En retard uniquement',
    any: 'Tous',
    apply: 'Appliquer',
    counts: (total: number, overdue: number, soon: number) =>
      `${countOf('fr', total, 'demande affichée', 'demandes affichées')}. Demandes ouvertes en retard : ${overdue} ; échéance dans les 7 jours : ${soon}.`,
    none: 'Aucune demande ne correspond.',
    reference: 'Référence',
    channel: 'Canal',
    received: 'Reçue',
    due: 'Échéance',
    daysLeft: (n: number) =>
      n < 0
        ? `${countOf('fr', -n, 'jour', 'jours')} de retard`
        : n === 0
          ? 'aujourd’hui'
          : `encore ${countOf('fr', n, 'jour', 'jours')}`,
    overdue: 'en retard',
    extended: 'prolongée',
    states: {
      received: 'reçue',
      'awaiting-verification': 'en attente de vérification',
      verified: 'vérifiée',
      'in-progress': 'en cours',
      'awaiting-approval': 'en attente d’approbation',
      completed: 'traitée',
      refused: 'refusée',
      withdrawn: 'retirée',
    } as Record<string, string>,
    types: {
      access: 'accès',
      portability: 'portabilité',
      rectification: 'rectification',
      erasure: 'effacement',
      restriction: 'limitation',
      objection: 'opposition',
      withdrawal: 'retrait du consentement',
    } as Record<string, string>,
    channels: {
      web: 'centre de confidentialité',
      post: 'courrier',
      phone: 'téléphone',
      counter: 'guichet',
      email: 'e-mail',
      api: 'API',
    } as Record<string, string>,
    reasons: {
      unfounded: 'manifestement infondée',
      excessive: 'manifestement excessive',
      'not-verifiable': 'identité invérifiable',
      'compelling-grounds': 'motifs légitimes impérieux',
      other: 'autre',
    } as Record<string, string>,
    newRequest: 'Enregistrer une demande reçue par courrier, téléphone, e-mail ou au guichet',
    identityType: 'Type d’identité',
    identity: 'Identité (e-mail, numéro de client…)',
    language: 'Langue de la personne',
    message: 'Ce que la personne a demandé (facultatif)',
    create: 'Enregistrer la demande',
    createdNote:
      'Enregistrée. Si les systèmes connaissent cette identité, un code à usage unique a été envoyé aux coordonnées connues.',
    back: 'Toutes les demandes',
    facts: 'Demande',
    identityLabel: 'Identité',
    known: 'Connue des systèmes',
    contacts: 'Code envoyé à',
    level: 'Vérification',
    verified: 'Vérifiée',
    verifiedBy: 'par',
    executeAfter: 'Exécution après (délai de réflexion)',
    details: 'Ce que la personne a demandé',
    plan: 'Plan',
    noPlan: 'Pas encore de plan.',
    computePlan: 'Calculer le plan maintenant',
    result: 'Résultat',
    erased: 'Effacé',
    kept: 'Conservé, en tout ou en partie',
    law: 'Loi ou motif',
    keptReferenced: 'une ligne d’une autre personne y renvoie : conservée, ses données personnelles effacées',
    keptShared: 'partagée avec une autre personne : seules les colonnes de cette personne effacées',
    notified: 'Destinataires à informer (art. 19)',
    recipients: 'Destinataires (art. 19)',
    recipientsIntro:
      'Chaque destinataire doit être informé de la rectification, de l’effacement ou de la limitation. La personne ne lit « informé » que pour ceux marqués comme faits.',
    recipientChannels: {
      store: 'son système connecté a été appelé',
      mail: 'avis envoyé à son contact vie privée',
      officer: 'à informer par vous',
    },
    recipientDone: 'Informé',
    recipientPending: 'Pas encore informé',
    markInformed: 'Marquer comme informé',
    markNotInformed: 'Marquer comme non informé',
    restrictTasks: 'Limiter manuellement (art. 18)',
    restrictTasksIntro:
      'Ces tables ne peuvent pas enregistrer la limitation elles-mêmes. Charter soustrait les lignes de la personne à la conservation jusqu’à la levée de la limitation ; arrêtez-en l’utilisation manuellement, puis marquez la tâche comme faite.',
    restrictDone: 'Limité manuellement',
    restrictPending: 'Pas encore fait',
    markRestricted: 'Marquer comme fait',
    markNotRestricted: 'Marquer comme non fait',
    reached: 'Lignes atteintes par la demande',
    reachHow: 'Comment',
    shared: 'Partagées avec quelqu’un d’autre',
    reachIdentity: 'par l’identité de la personne',
    reachAdapter: 'choisies par le système connecté',
    reachOwner: (table: string, column: string) => `appartient à sa ligne de ${table} (${column})`,
    reachProfile: (table: string, column: string) =>
      `sa propre ligne de profil, désignée par sa ligne de ${table} (${column})`,
    changes: 'Modifications de colonnes',
    rows: 'Lignes',
    table: 'Table',
    fields: 'Champs',
    packages: 'Paquets',
    packageLine: (size: number, expires: string, downloaded: string | null, deleted: string | null) =>
      `${size} octets, expire le ${expires}${downloaded ? `, téléchargé le ${downloaded}` : ''}${deleted ? `, supprimé le ${deleted}` : ''}`,
    reissue: 'Envoyer un nouveau lien de téléchargement',
    timeline: 'Chronologie',
    when: 'Quand',
    who: 'Qui',
    what: 'Quoi',
    actions: 'Actions',
    approve: 'Approuver et exécuter',
    refuse: 'Refuser',
    reason: 'Motif',
    explanation: 'Explication pour la personne',
    extend: 'Prolonger de deux mois',
    extensionReason: 'Motif de la prolongation (envoyé par e-mail)',
    override: 'Vérifier l’identité autrement',
    overrideReason: 'Comment l’identité a été vérifiée',
    proposeOverride: 'Proposer la vérification',
    approveOverride: 'Approuver la vérification proposée (seconde personne)',
    overrideWaiting: (who: string, reason: string) => `Proposée par ${who} : ${reason}`,
    cancel: 'Retirer au nom de la personne',
    error: 'Dernière erreur',
    done: 'Fait.',
    identityTypes: {
      email: 'adresse e-mail',
      phone: 'numéro de téléphone',
      'customer-number': 'numéro de client',
      'account-id': 'identifiant de compte',
    } as Record<string, string>,
    levels: {
      code: 'un code à usage unique au contact connu',
      'code-and-confirm': 'un code à usage unique, puis une confirmation par l’équipe',
      account: 'connecté à son compte',
    } as Record<string, string>,
    yes: 'oui',
    no: 'non',
    said: {
      rectification: (current: string | undefined, desired: string, category: string | undefined) =>
        `Demande de corriger ${category ? `${category}` : 'ses données'}${current ? ` de « ${current} »` : ''} en « ${desired} ».`,
      restriction: (ground: string) => `Demande la limitation du traitement : ${ground}.`,
      objection: (kind: string, purpose: string | undefined) =>
        `S’oppose à ${kind}${purpose ? ` (finalité : ${purpose})` : ''}.`,
      withdrawal: (purpose: string) => `Retire son consentement pour la finalité ${purpose}.`,
      message: 'Message :',
      explanation: 'Explication :',
      nothing: 'Rien d’autre que le type de demande.',
    },
    grounds: {
      'accuracy-contested': 'l’exactitude des données est contestée (art. 18, par. 1, a)',
      'unlawful-processing': 'le traitement est illicite (art. 18, par. 1, b)',
      'legal-claims': 'les données sont nécessaires à une action en justice (art. 18, par. 1, c)',
      'objection-pending': 'une opposition est en cours d’examen (art. 18, par. 1, d)',
    } as Record<string, string>,
    objections: {
      'direct-marketing': 'la prospection',
      'legitimate-interest': 'un traitement fondé sur l’intérêt légitime',
    } as Record<string, string>,
    events: {
      received: 'demande reçue',
      'code-verified': 'identité confirmée par le code',
      'plan-computed': 'plan calculé',
      extended: 'délai prolongé',
      'extension-mailed': 'prolongation envoyée au demandeur',
      'package-created': 'paquet préparé',
      'package-downloaded': 'paquet téléchargé par le demandeur',
      'package-downloaded-by-staff': 'paquet téléchargé par un membre de l’équipe',
      'package-deleted': 'paquet supprimé',
      'package-reissued': 'nouveau lien de téléchargement envoyé',
      'download-code-sent': 'code de téléchargement envoyé',
      reminder: 'rappel',
      overdue: 'délai dépassé',
      'override-proposed': 'vérification par un autre moyen proposée',
      'execution-failed': 'exécution échouée',
      'recipient-informed': 'destinataire informé',
      'consent-withdrawn': 'consentement retiré',
      'changes-set': 'corrections saisies',
      'link-used': 'lien de suivi utilisé',
      'link-expired': 'lien de suivi expiré',
      'link-invalid': 'lien de suivi invalide',
      'link-closed': 'lien de suivi fermé',
      'processor-data-found': 'données traitées en tant que sous-traitant trouvées',
    } as Record<string, string>,
    value: 'Valeur',
    item: 'Élément',
  },
  de: {
    title: 'Anfragen',
    intro:
      'Anfragen betroffener Personen aus den Datenschutzportalen und anderen Kanälen, mit ihren Fristen (ein Monat nach Eingang, Art. 12 Abs. 3).',
    filters: 'Filter',
    state: 'Status',
    type: 'Art',
    site: 'Website',
    dueBefore: 'Fällig spätestens am',
    overdueOnly: 'Nur überfällige',
    any: 'Alle',
    apply: 'Anwenden',
    counts: (total: number, overdue: number, soon: number) =>
      `${countOf('de', total, 'Anfrage', 'Anfragen')} angezeigt. Offene Anfragen überfällig: ${overdue}; fällig innerhalb von 7 Tagen: ${soon}.`,
    none: 'Keine Anfrage entspricht den Filtern.',
    reference: 'Aktenzeichen',
    channel: 'Kanal',
    received: 'Eingegangen',
    due: 'Frist',
    daysLeft: (n: number) =>
      n < 0
        ? `${countOf('de', -n, 'Tag', 'Tage')} überfällig`
        : n === 0
          ? 'heute fällig'
          : `noch ${countOf('de', n, 'Tag', 'Tage')}`,
    overdue: 'überfällig',
    extended: 'verlängert',
    states: {
      received: 'eingegangen',
      'awaiting-verification': 'wartet auf Bestätigung',
      verified: 'bestätigt',
      'in-progress': 'in Bearbeitung',
      'awaiting-approval': 'wartet auf Freigabe',
      completed: 'abgeschlossen',
      refused: 'abgelehnt',
      withdrawn: 'zurückgezogen',
    } as Record<string, string>,
    types: {
      access: 'Auskunft',
      portability: 'Datenübertragbarkeit',
      rectification: 'Berichtigung',
      erasure: 'Löschung',
      restriction: 'Einschränkung',
      objection: 'Widerspruch',
      withdrawal: 'Widerruf der Einwilligung',
    } as Record<string, string>,
    channels: {
      web: 'Datenschutzportal',
      post: 'Post',
      phone: 'Telefon',
      counter: 'Schalter',
      email: 'E-Mail',
      api: 'API',
    } as Record<string, string>,
    reasons: {
      unfounded: 'offenkundig unbegründet',
      excessive: 'offenkundig exzessiv',
      'not-verifiable': 'Identität nicht überprüfbar',
      'compelling-grounds': 'zwingende schutzwürdige Gründe',
      other: 'anderer Grund',
    } as Record<string, string>,
    newRequest: 'Eine per Post, Telefon, E-Mail oder am Schalter eingegangene Anfrage erfassen',
    identityType: 'Art der Kennung',
    identity: 'Kennung (E-Mail, Kundennummer…)',
    language: 'Sprache der antragstellenden Person',
    message: 'Was die Person verlangt hat (optional)',
    create: 'Anfrage erfassen',
    createdNote:
      'Erfasst. Wenn die Datenspeicher diese Kennung enthalten, wurde ein Einmalcode an den hinterlegten Kontakt gesendet.',
    back: 'Alle Anfragen',
    facts: 'Anfrage',
    identityLabel: 'Kennung',
    known: 'In den Datenspeichern vorhanden',
    contacts: 'Code gesendet an',
    level: 'Überprüfung',
    verified: 'Bestätigt',
    verifiedBy: 'von',
    executeAfter: 'Ausführung nach (Karenzfrist)',
    details: 'Was die Person verlangt hat',
    plan: 'Plan',
    noPlan: 'Noch kein Plan.',
    computePlan: 'Plan jetzt berechnen',
    result: 'Ergebnis',
    erased: 'Gelöscht',
    kept: 'Ganz oder teilweise aufbewahrt',
    law: 'Gesetz oder Grund',
    keptReferenced:
      'eine Zeile einer anderen Person verweist noch darauf: aufbewahrt, ihre personenbezogenen Spalten gelöscht',
    keptShared: 'mit einer anderen Person geteilt: nur die Spalten dieser Person gelöscht',
    notified: 'Zu informierende Empfänger (Art. 19)',
    recipients: 'Empfänger (Art. 19)',
    recipientsIntro:
      'Jeder Empfänger muss von der Berichtigung, Löschung oder Einschränkung erfahren. Die Person liest „informiert“ nur bei den als erledigt markierten.',
    recipientChannels: {
      store: 'sein angebundenes System wurde aufgerufen',
      mail: 'Mitteilung an seinen Datenschutzkontakt gesendet',
      officer: 'von Ihnen zu informieren',
    },
    recipientDone: 'Informiert',
    recipientPending: 'Noch nicht informiert',
    markInformed: 'Als informiert markieren',
    markNotInformed: 'Als nicht informiert markieren',
    restrictTasks: 'Von Hand einschränken (Art. 18)',
    restrictTasksIntro:
      'Diese Tabellen können die Einschränkung nicht selbst vermerken. Charter nimmt die Zeilen der Person dort von der Aufbewahrungslöschung aus, bis die Einschränkung aufgehoben wird; beenden Sie ihre Verwendung von Hand und markieren Sie die Aufgabe dann als erledigt.',
    restrictDone: 'Von Hand eingeschränkt',
    restrictPending: 'Noch nicht erledigt',
    markRestricted: 'Als erledigt markieren',
    markNotRestricted: 'Als nicht erledigt markieren',
    reached: 'Von der Anfrage erfasste Zeilen',
    reachHow: 'Wie',
    shared: 'Mit anderen geteilt',
    reachIdentity: 'über die Kennung der Person',
    reachAdapter: 'vom angebundenen System ausgewählt',
    reachOwner: (table: string, column: string) => `gehört zu ihrer Zeile in ${table} (${column})`,
    reachProfile: (table: string, column: string) =>
      `ihre eigene Profilzeile, benannt durch ihre Zeile in ${table} (${column})`,
    changes: 'Spaltenänderungen',
    rows: 'Zeilen',
    table: 'Tabelle',
    fields: 'Felder',
    packages: 'Pakete',
    packageLine: (size: number, expires: string, downloaded: string | null, deleted: string | null) =>
      `${size} Byte, läuft ab am ${expires}${downloaded ? `, heruntergeladen am ${downloaded}` : ''}${deleted ? `, gelöscht am ${deleted}` : ''}`,
    reissue: 'Einen neuen Download-Link senden',
    timeline: 'Verlauf',
    when: 'Wann',
    who: 'Wer',
    what: 'Was',
    actions: 'Aktionen',
    approve: 'Freigeben und ausführen',
    refuse: 'Ablehnen',
    reason: 'Grund',
    explanation: 'Erläuterung für die antragstellende Person',
    extend: 'Um zwei Monate verlängern',
    extensionReason: 'Grund der Verlängerung (wird der antragstellenden Person gesendet)',
    override: 'Identität auf anderem Weg bestätigen',
    overrideReason: 'Wie die Identität geprüft wurde',
    proposeOverride: 'Bestätigung vorschlagen',
    approveOverride: 'Die vorgeschlagene Bestätigung freigeben (zweite Person)',
    overrideWaiting: (who: string, reason: string) => `Vorgeschlagen von ${who}: ${reason}`,
    cancel: 'Im Namen der antragstellenden Person zurückziehen',
    error: 'Letzter Fehler',
    done: 'Erledigt.',
    identityTypes: {
      email: 'E-Mail-Adresse',
      phone: 'Telefonnummer',
      'customer-number': 'Kundennummer',
      'account-id': 'Konto-ID',
    } as Record<string, string>,
    levels: {
      code: 'ein Einmalcode an den hinterlegten Kontakt',
      'code-and-confirm': 'ein Einmalcode, danach eine Bestätigung durch das Team',
      account: 'im eigenen Konto angemeldet',
    } as Record<string, string>,
    yes: 'ja',
    no: 'nein',
    said: {
      rectification: (current: string | undefined, desired: string, category: string | undefined) =>
        `Verlangt, ${category ? `${category}` : 'die Daten'}${current ? ` von „${current}“` : ''} auf „${desired}“ zu berichtigen.`,
      restriction: (ground: string) => `Verlangt die Einschränkung der Verarbeitung: ${ground}.`,
      objection: (kind: string, purpose: string | undefined) =>
        `Widerspricht ${kind}${purpose ? ` (Zweck: ${purpose})` : ''}.`,
      withdrawal: (purpose: string) => `Widerruft die Einwilligung für den Zweck ${purpose}.`,
      message: 'Nachricht:',
      explanation: 'Erläuterung:',
      nothing: 'Nichts über die Art der Anfrage hinaus.',
    },
    grounds: {
      'accuracy-contested': 'die Richtigkeit der Daten wird bestritten (Art. 18 Abs. 1 lit. a)',
      'unlawful-processing': 'die Verarbeitung ist unrechtmäßig (Art. 18 Abs. 1 lit. b)',
      'legal-claims': 'die Daten werden für Rechtsansprüche benötigt (Art. 18 Abs. 1 lit. c)',
      'objection-pending': 'ein Widerspruch wird geprüft (Art. 18 Abs. 1 lit. d)',
    } as Record<string, string>,
    objections: {
      'direct-marketing': 'der Direktwerbung',
      'legitimate-interest': 'der Verarbeitung auf Grundlage berechtigter Interessen',
    } as Record<string, string>,
    events: {
      received: 'Anfrage eingegangen',
      'code-verified': 'Identität mit dem Code bestätigt',
      'plan-computed': 'Plan berechnet',
      extended: 'Frist verlängert',
      'extension-mailed': 'Verlängerung an die antragstellende Person gesendet',
      'package-created': 'Paket erstellt',
      'package-downloaded': 'Paket von der antragstellenden Person heruntergeladen',
      'package-downloaded-by-staff': 'Paket von einer Mitarbeiterin oder einem Mitarbeiter heruntergeladen',
      'package-deleted': 'Paket gelöscht',
      'package-reissued': 'neuer Download-Link gesendet',
      'download-code-sent': 'Download-Code gesendet',
      reminder: 'Erinnerung',
      overdue: 'Frist überschritten',
      'override-proposed': 'Bestätigung auf anderem Weg vorgeschlagen',
      'execution-failed': 'Ausführung fehlgeschlagen',
      'recipient-informed': 'Empfänger informiert',
      'consent-withdrawn': 'Einwilligung widerrufen',
      'changes-set': 'Berichtigungen erfasst',
      'link-used': 'Status-Link verwendet',
      'link-expired': 'Status-Link abgelaufen',
      'link-invalid': 'ungültiger Status-Link',
      'link-closed': 'Status-Link geschlossen',
      'processor-data-found': 'als Auftragsverarbeiter gehaltene Daten gefunden',
    } as Record<string, string>,
    value: 'Wert',
    item: 'Angabe',
  },
};

type T = (typeof texts)['en'];

function Badge({ kind, children }: { kind: 'error' | 'warning' | 'info'; children: ReactNode }) {
  return <span className={`badge badge-${kind}`}>{children}</span>;
}

function Due({ request, t }: { request: RequestSummary; t: T }) {
  const open = !['completed', 'refused', 'withdrawn'].includes(request.state);
  return (
    <>
      {request.dueOn}
      {open && (
        <>
          {' '}
          <span className={request.overdue ? 'error' : request.daysLeft <= 7 ? 'due-soon' : 'muted'}>
            ({t.daysLeft(request.daysLeft)})
          </span>
        </>
      )}
      {request.overdue && open && (
        <>
          {' '}
          <Badge kind="error">{t.overdue}</Badge>
        </>
      )}
      {request.extended && (
        <>
          {' '}
          <Badge kind="info">{t.extended}</Badge>
        </>
      )}
    </>
  );
}

function Inbox({ t, language }: { t: T; language: Language }) {
  const [filters, setFilters] = useState({ state: '', type: '', site: '', dueBefore: '', overdue: false });
  const [applied, setApplied] = useState(filters);
  const query = {
    state: applied.state,
    type: applied.type,
    site: applied.site,
    dueBefore: applied.dueBefore,
    overdue: applied.overdue ? 'true' : undefined,
  };
  const { data, error, loading, reload } = useApi<Inbox>('/api/v1/requests', query);
  // The sites come from the active charter, so the filter and the manual intake offer only sites that exist.
  const sites = useApi<{ charter: { sites: Site[] } }>('/api/v1/charter/overview').data?.charter.sites ?? [];
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setApplied(filters);
  };
  return (
    <>
      <form className="filters" onSubmit={onSubmit} aria-label={t.filters}>
        <div>
          <label htmlFor="rq-state">{t.state}</label>
          <select
            id="rq-state"
            value={filters.state}
            onChange={(e) => setFilters({ ...filters, state: e.target.value })}
          >
            <option value="">{t.any}</option>
            {states.map((s) => (
              <option key={s} value={s}>
                {t.states[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="rq-type">{t.type}</label>
          <select id="rq-type" value={filters.type} onChange={(e) => setFilters({ ...filters, type: e.target.value })}>
            <option value="">{t.any}</option>
            {types.map((s) => (
              <option key={s} value={s}>
                {t.types[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="rq-site">{t.site}</label>
          <select id="rq-site" value={filters.site} onChange={(e) => setFilters({ ...filters, site: e.target.value })}>
            <option value="">{t.any}</option>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name} ({site.domain})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="rq-due">{t.dueBefore}</label>
          <input
            id="rq-due"
            type="date"
            value={filters.dueBefore}
            onChange={(e) => setFilters({ ...filters, dueBefore: e.target.value })}
          />
        </div>
        <div className="checkbox">
          <input
            id="rq-overdue"
            type="checkbox"
            checked={filters.overdue}
            onChange={(e) => setFilters({ ...filters, overdue: e.target.checked })}
          />
          <label htmlFor="rq-overdue">{t.overdueOnly}</label>
        </div>
        <div className="filter-buttons">
          <button type="submit">{t.apply}</button>
        </div>
      </form>
      {loading && !data ? <Loading /> : <ErrorMessage error={error} />}
      {data && (
        <>
          <p role="status">{t.counts(data.total, data.overdue, data.dueWithin7Days)}</p>
          {data.requests.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <TableRegion label={t.title}>
              <table>
                <caption className="visually-hidden">{t.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.reference}</th>
                    <th scope="col">{t.type}</th>
                    <th scope="col">{t.state}</th>
                    <th scope="col">{t.channel}</th>
                    <th scope="col">{t.site}</th>
                    <th scope="col">{t.received}</th>
                    <th scope="col">{t.due}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.requests.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">
                        <Link to={`/requests/${r.id}`}>{r.reference}</Link>
                      </th>
                      <td>{t.types[r.type]}</td>
                      <td>{t.states[r.state]}</td>
                      <td>{t.channels[r.channel]}</td>
                      <td>{sites.find((site) => site.id === r.site)?.name ?? r.site}</td>
                      <td>{formatDateTime(r.receivedAt, language)}</td>
                      <td>
                        <Due request={r} t={t} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
        </>
      )}
      <NewRequest t={t} sites={sites} onCreated={() => void reload()} />
    </>
  );
}

function NewRequest({ t, sites, onCreated }: { t: T; sites: Site[]; onCreated: () => void }) {
  const { can } = useSession();
  const mutation = useMutation();
  const [form, setForm] = useState({
    site: '',
    type: 'access',
    channel: 'post',
    language: 'nl',
    identityType: 'email',
    identity: '',
    message: '',
  });
  const [created, setCreated] = useState<string | undefined>();
  if (!can('requests:write')) return null;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const site = form.site || sites[0]?.id || '';
    const result = await mutation.run(() =>
      api<RequestDetail>('/api/v1/requests', {
        method: 'POST',
        body: {
          site,
          type: form.type,
          channel: form.channel,
          language: form.language,
          identity: { type: form.identityType, value: form.identity },
          details: form.message ? { message: form.message } : {},
        },
      }),
    );
    if (result) {
      setCreated(result.reference);
      onCreated();
    }
  };
  return (
    <section className="panel" aria-labelledby="rq-new">
      <h2 id="rq-new">{t.newRequest}</h2>
      <form onSubmit={(e) => void onSubmit(e)}>
        <label htmlFor="new-site">{t.site}</label>
        <select
          id="new-site"
          required
          value={form.site || sites[0]?.id || ''}
          onChange={(e) => setForm({ ...form, site: e.target.value })}
        >
          {sites.map((site) => (
            <option key={site.id} value={site.id}>
              {site.name} ({site.domain})
            </option>
          ))}
        </select>
        <label htmlFor="new-type">{t.type}</label>
        <select id="new-type" value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value })}>
          {types
            .filter((x) => !['rectification', 'restriction', 'objection', 'withdrawal'].includes(x))
            .map((x) => (
              <option key={x} value={x}>
                {t.types[x]}
              </option>
            ))}
        </select>
        <label htmlFor="new-channel">{t.channel}</label>
        <select id="new-channel" value={form.channel} onChange={(e) => setForm({ ...form, channel: e.target.value })}>
          {channels.map((x) => (
            <option key={x} value={x}>
              {t.channels[x]}
            </option>
          ))}
        </select>
        <label htmlFor="new-language">{t.language}</label>
        <select
          id="new-language"
          value={form.language}
          onChange={(e) => setForm({ ...form, language: e.target.value })}
        >
          {['en', 'nl', 'fr', 'de'].map((x) => (
            <option key={x} value={x}>
              {x.toUpperCase()}
            </option>
          ))}
        </select>
        <label htmlFor="new-identity-type">{t.identityType}</label>
        <select
          id="new-identity-type"
          value={form.identityType}
          onChange={(e) => setForm({ ...form, identityType: e.target.value })}
        >
          {['email', 'phone', 'customer-number', 'account-id'].map((x) => (
            <option key={x} value={x}>
              {t.identityTypes[x] ?? x}
            </option>
          ))}
        </select>
        <label htmlFor="new-identity">{t.identity}</label>
        <input
          id="new-identity"
          required
          value={form.identity}
          onChange={(e) => setForm({ ...form, identity: e.target.value })}
        />
        <label htmlFor="new-message">{t.message}</label>
        <textarea
          id="new-message"
          value={form.message}
          onChange={(e) => setForm({ ...form, message: e.target.value })}
        />
        <div className="button-row">
          <button type="submit" disabled={mutation.pending}>
            {t.create}
          </button>
        </div>
        <ErrorMessage error={mutation.error} />
        {created && (
          <p role="status" className="notice">
            {created}: {t.createdNote}
          </p>
        )}
      </form>
    </section>
  );
}

interface ErasurePlan {
  erased: { storeName: string; table: string; rows: number; fields: string[] }[];
  kept: { storeName: string; table: string; rows: number; hold: string; law: string; keptColumns: string[] }[];
  notified: string[];
}

function ErasureTables({ plan, t }: { plan: ErasurePlan; t: T }) {
  return (
    <>
      <h3>{t.erased}</h3>
      <TableRegion label={t.erased}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.table}</th>
              <th scope="col">{t.rows}</th>
              <th scope="col">{t.fields}</th>
            </tr>
          </thead>
          <tbody>
            {plan.erased.map((e, i) => (
              <tr key={i}>
                <th scope="row">
                  {e.storeName} / {e.table}
                </th>
                <td>{e.rows}</td>
                <td>{e.fields.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {plan.kept.length > 0 && (
        <>
          <h3>{t.kept}</h3>
          <TableRegion label={t.kept}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.table}</th>
                  <th scope="col">{t.rows}</th>
                  <th scope="col">{t.law}</th>
                  <th scope="col">{t.fields}</th>
                </tr>
              </thead>
              <tbody>
                {plan.kept.map((k, i) => (
                  <tr key={i}>
                    <th scope="row">
                      {k.storeName} / {k.table}
                    </th>
                    <td>{k.rows}</td>
                    <td>{k.hold === 'shared' ? t.keptShared : k.hold === 'referenced' ? t.keptReferenced : k.law}</td>
                    <td>{k.keptColumns.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
      {plan.notified.length > 0 && (
        <p>
          {t.notified}: {plan.notified.join(', ')}
        </p>
      )}
    </>
  );
}

interface ReachedTable {
  storeName: string;
  table: string;
  rows: number;
  shared: number;
  how: 'identity' | 'owner' | 'profile' | 'adapter';
  via?: { table: string; column: string };
}

/** Each table the request reaches, its rows (how many shared with someone else) and how it is reached. */
function ReachTable({ reach, t }: { reach: ReachedTable[]; t: T }) {
  const how = (r: ReachedTable) =>
    r.how === 'adapter'
      ? t.reachAdapter
      : r.how === 'identity' || !r.via
        ? t.reachIdentity
        : r.how === 'owner'
          ? t.reachOwner(r.via.table, r.via.column)
          : t.reachProfile(r.via.table, r.via.column);
  return (
    <>
      <h3>{t.reached}</h3>
      <TableRegion label={t.reached}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.table}</th>
              <th scope="col">{t.rows}</th>
              <th scope="col">{t.shared}</th>
              <th scope="col">{t.reachHow}</th>
            </tr>
          </thead>
          <tbody>
            {reach.map((r, i) => (
              <tr key={i}>
                <th scope="row">
                  {r.storeName} / {r.table}
                </th>
                <td>{r.rows}</td>
                <td>{r.shared}</td>
                <td>{how(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}

/** A plan or result: erasure tables, the rows reached, column changes, or the plain figures. */
function Outcome({ value, t }: { value: unknown; t: T }) {
  const record = (value ?? {}) as {
    erasure?: ErasurePlan;
    reach?: ReachedTable[];
    changes?: { store: string; table: string; column: string }[];
  };
  if (record.erasure || record.reach) {
    return (
      <>
        {record.reach && <ReachTable reach={record.reach} t={t} />}
        {record.erasure && <ErasureTables plan={record.erasure} t={t} />}
      </>
    );
  }
  if (record.changes) {
    return (
      <>
        <h3>{t.changes}</h3>
        <ul>
          {record.changes.map((c, i) => (
            <li key={i}>
              <code>
                {c.store}/{c.table}.{c.column}
              </code>
            </li>
          ))}
        </ul>
      </>
    );
  }
  return <Facts value={value} t={t} />;
}

/** Any other figures as a two-column table (never raw JSON): nested values are listed in words. */
function Facts({ value, t }: { value: unknown; t: T }) {
  const entries = value !== null && typeof value === 'object' ? Object.entries(value as Record<string, unknown>) : [];
  if (entries.length === 0) return <p>—</p>;
  return (
    <TableRegion label={t.result}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.item}</th>
            <th scope="col">{t.value}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map(([key, v]) => (
            <tr key={key}>
              <th scope="row">{key}</th>
              <td>{describeValue(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** What the person asked, as sentences in the console's language (their own words quoted as they wrote them). */
function Asked({ details, t }: { details: Record<string, unknown>; t: T }) {
  const d = details as {
    rectification?: { category?: string; desired: string; current?: string };
    restriction?: { ground: string; explanation?: string };
    objection?: { kind: string; purpose?: string; explanation?: string };
    withdrawal?: { purpose: string };
    message?: string;
  };
  const lines: ReactNode[] = [];
  if (d.rectification)
    lines.push(t.said.rectification(d.rectification.current, d.rectification.desired, d.rectification.category));
  if (d.restriction) {
    lines.push(t.said.restriction(t.grounds[d.restriction.ground] ?? d.restriction.ground));
    if (d.restriction.explanation)
      lines.push(
        <>
          {t.said.explanation} <q>{d.restriction.explanation}</q>
        </>,
      );
  }
  if (d.objection) {
    lines.push(t.said.objection(t.objections[d.objection.kind] ?? d.objection.kind, d.objection.purpose));
    if (d.objection.explanation)
      lines.push(
        <>
          {t.said.explanation} <q>{d.objection.explanation}</q>
        </>,
      );
  }
  if (d.withdrawal) lines.push(t.said.withdrawal(d.withdrawal.purpose));
  if (d.message)
    lines.push(
      <>
        {t.said.message} <q>{d.message}</q>
      </>,
    );
  if (lines.length === 0) return <p>{t.said.nothing}</p>;
  return (
    <>
      {lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </>
  );
}

function Detail({ id, t, language }: { id: string; t: T; language: Language }) {
  const { can, me } = useSession();
  const people = usePeople(me.organisation.slug);
  const describeActor = useDescribeActor(people);
  const { data: request, error, loading, reload } = useApi<RequestDetail>(`/api/v1/requests/${id}`);
  const mutation = useMutation();
  const [reason, setReason] = useState<string>('unfounded');
  const [explanation, setExplanation] = useState('');
  const [extensionReason, setExtensionReason] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [done, setDone] = useState(false);
  if (loading && !request) return <Loading />;
  if (!request) return <ErrorMessage error={error} />;
  const write = can('requests:write');
  // Art. 18 tasks (a table that cannot mark a restriction) share the Art. 19 records; shown apart, with their own words.
  const restrictTasks = request.notifications.filter((n) => n.recipient.startsWith('restrict:'));
  const recipients = request.notifications.filter((n) => !n.recipient.startsWith('restrict:'));
  const open = !['completed', 'refused', 'withdrawn'].includes(request.state);
  const act = async (path: string, body?: unknown) => {
    setDone(false);
    const result = await mutation.run(() =>
      api<RequestDetail>(`/api/v1/requests/${id}/${path}`, { method: 'POST', ...(body !== undefined ? { body } : {}) }),
    );
    if (result) {
      setDone(true);
      await reload();
    }
  };
  const submit = (path: string, body?: unknown) => (event: FormEvent) => {
    event.preventDefault();
    void act(path, body);
  };
  const me_actor = `user:${me.userId ?? ''}`;
  return (
    <>
      <p>
        <Link to="/requests">{t.back}</Link>
      </p>
      <PageTitle>{`${t.facts} ${request.reference}`}</PageTitle>
      <dl className="facts">
        <dt>{t.type}</dt>
        <dd>{t.types[request.type]}</dd>
        <dt>{t.state}</dt>
        <dd data-state={request.state}>{t.states[request.state]}</dd>
        <dt>{t.channel}</dt>
        <dd>{t.channels[request.channel]}</dd>
        <dt>{t.site}</dt>
        <dd>{request.site}</dd>
        <dt>{t.identityLabel}</dt>
        <dd>
          {t.identityTypes[request.identityType] ?? request.identityType}: {request.identity}
        </dd>
        <dt>{t.known}</dt>
        <dd>{request.identityKnown === null ? '—' : request.identityKnown ? t.yes : t.no}</dd>
        <dt>{t.contacts}</dt>
        <dd>{request.contacts.join(', ') || '—'}</dd>
        <dt>{t.level}</dt>
        <dd>{t.levels[request.verificationLevel] ?? request.verificationLevel}</dd>
        <dt>{t.received}</dt>
        <dd>{formatDateTime(request.receivedAt, language)}</dd>
        <dt>{t.due}</dt>
        <dd>
          <Due request={request} t={t} />
          {request.extensionReason ? ` — ${request.extensionReason}` : ''}
        </dd>
        {request.verifiedAt && (
          <>
            <dt>{t.verified}</dt>
            <dd>{formatDateTime(request.verifiedAt, language)}</dd>
          </>
        )}
        {request.executeAfter && (
          <>
            <dt>{t.executeAfter}</dt>
            <dd>{formatDateTime(request.executeAfter, language)}</dd>
          </>
        )}
        {request.refusalReason && (
          <>
            <dt>{t.reason}</dt>
            <dd>
              {t.reasons[request.refusalReason]}
              {request.refusalExplanation ? ` — ${request.refusalExplanation}` : ''}
            </dd>
          </>
        )}
        {request.lastError && (
          <>
            <dt>{t.error}</dt>
            <dd className="error">{request.lastError}</dd>
          </>
        )}
      </dl>
      <section aria-labelledby="rq-details">
        <h2 id="rq-details">{t.details}</h2>
        <Asked details={request.details} t={t} />
      </section>
      <section aria-labelledby="rq-plan">
        <h2 id="rq-plan">{t.plan}</h2>
        {request.plan ? <Outcome value={request.plan} t={t} /> : <p>{t.noPlan}</p>}
        {write && open && ['erasure', 'rectification'].includes(request.type) && (
          <button type="button" className="secondary" disabled={mutation.pending} onClick={() => void act('plan')}>
            {t.computePlan}
          </button>
        )}
      </section>
      {request.result !== null && request.result !== undefined && (
        <section aria-labelledby="rq-result">
          <h2 id="rq-result">{t.result}</h2>
          <Outcome value={request.result} t={t} />
        </section>
      )}
      {recipients.length > 0 && (
        <section aria-labelledby="rq-recipients">
          <h2 id="rq-recipients">{t.recipients}</h2>
          <p>{t.recipientsIntro}</p>
          <ul className="recipients">
            {recipients.map((n) => (
              <li key={n.recipient} data-recipient={n.recipient} data-told={n.state}>
                <strong>{n.name}</strong> — {t.recipientChannels[n.channel]}:{' '}
                {n.state === 'done'
                  ? `${t.recipientDone}${n.doneAt ? ` (${formatDateTime(n.doneAt, language)})` : ''}`
                  : t.recipientPending}
                {write && n.channel !== 'store' && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="secondary"
                      disabled={mutation.pending}
                      onClick={() =>
                        void act(`notifications/${encodeURIComponent(n.recipient)}`, { done: n.state !== 'done' })
                      }
                    >
                      {n.state === 'done' ? t.markNotInformed : t.markInformed}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {restrictTasks.length > 0 && (
        <section aria-labelledby="rq-restrict-tasks">
          <h2 id="rq-restrict-tasks">{t.restrictTasks}</h2>
          <p>{t.restrictTasksIntro}</p>
          <ul className="recipients">
            {restrictTasks.map((n) => (
              <li key={n.recipient} data-task={n.recipient} data-done={n.state}>
                <strong>{n.name}</strong>:{' '}
                {n.state === 'done'
                  ? `${t.restrictDone}${n.doneAt ? ` (${formatDateTime(n.doneAt, language)})` : ''}`
                  : t.restrictPending}
                {write && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="secondary"
                      disabled={mutation.pending}
                      onClick={() =>
                        void act(`notifications/${encodeURIComponent(n.recipient)}`, { done: n.state !== 'done' })
                      }
                    >
                      {n.state === 'done' ? t.markNotRestricted : t.markRestricted}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {request.packages.length > 0 && (
        <section aria-labelledby="rq-packages">
          <h2 id="rq-packages">{t.packages}</h2>
          <ul>
            {request.packages.map((p) => (
              <li key={p.id}>
                {t.packageLine(
                  p.size,
                  formatDateTime(p.expiresAt, language),
                  p.downloadedAt ? formatDateTime(p.downloadedAt, language) : null,
                  p.deletedAt ? formatDateTime(p.deletedAt, language) : null,
                )}
              </li>
            ))}
          </ul>
          {write && request.packages.some((p) => !p.deletedAt) && (
            <button
              type="button"
              className="secondary"
              disabled={mutation.pending}
              onClick={() => void act('package/reissue')}
            >
              {t.reissue}
            </button>
          )}
        </section>
      )}
      {write && open && (
        <section aria-labelledby="rq-actions" className="request-actions">
          <h2 id="rq-actions">{t.actions}</h2>
          <ErrorMessage error={mutation.error} />
          {done && (
            <p role="status" className="notice">
              {t.done}
            </p>
          )}
          {request.state === 'awaiting-approval' && (
            <div className="button-row">
              <button type="button" disabled={mutation.pending} onClick={() => void act('approve')}>
                {t.approve}
              </button>
            </div>
          )}
          {['received', 'awaiting-verification'].includes(request.state) && (
            <form
              onSubmit={submit(
                request.overrideRequestedBy && request.overrideRequestedBy !== me_actor
                  ? 'override/approve'
                  : 'override',
                request.overrideRequestedBy && request.overrideRequestedBy !== me_actor
                  ? undefined
                  : { reason: overrideReason },
              )}
            >
              <h3>{t.override}</h3>
              {request.overrideRequestedBy && (
                <p>{t.overrideWaiting(describeActor(request.overrideRequestedBy), request.overrideReason ?? '')}</p>
              )}
              {request.overrideRequestedBy && request.overrideRequestedBy !== me_actor ? (
                <button type="submit" disabled={mutation.pending}>
                  {t.approveOverride}
                </button>
              ) : (
                <>
                  <label htmlFor="rq-override">{t.overrideReason}</label>
                  <textarea
                    id="rq-override"
                    required
                    minLength={10}
                    value={overrideReason}
                    onChange={(e) => setOverrideReason(e.target.value)}
                  />
                  <button type="submit" disabled={mutation.pending}>
                    {t.proposeOverride}
                  </button>
                </>
              )}
            </form>
          )}
          {!request.extended && (
            <form onSubmit={submit('extend', { reason: extensionReason })}>
              <h3>{t.extend}</h3>
              <label htmlFor="rq-extend">{t.extensionReason}</label>
              <textarea
                id="rq-extend"
                required
                minLength={10}
                value={extensionReason}
                onChange={(e) => setExtensionReason(e.target.value)}
              />
              <button type="submit" className="secondary" disabled={mutation.pending}>
                {t.extend}
              </button>
            </form>
          )}
          {request.state !== 'in-progress' && (
            <form onSubmit={submit('refuse', { reason, explanation })}>
              <h3>{t.refuse}</h3>
              <label htmlFor="rq-reason">{t.reason}</label>
              <select id="rq-reason" value={reason} onChange={(e) => setReason(e.target.value)}>
                {reasons.map((r) => (
                  <option key={r} value={r}>
                    {t.reasons[r]}
                  </option>
                ))}
              </select>
              <label htmlFor="rq-explanation">{t.explanation}</label>
              <textarea
                id="rq-explanation"
                required
                value={explanation}
                onChange={(e) => setExplanation(e.target.value)}
              />
              <button type="submit" className="secondary" disabled={mutation.pending}>
                {t.refuse}
              </button>
            </form>
          )}
          {['received', 'awaiting-verification', 'verified', 'awaiting-approval'].includes(request.state) && (
            <div className="button-row">
              <button
                type="button"
                className="secondary"
                disabled={mutation.pending}
                onClick={() => void act('cancel')}
              >
                {t.cancel}
              </button>
            </div>
          )}
        </section>
      )}
      <section aria-labelledby="rq-timeline">
        <h2 id="rq-timeline">{t.timeline}</h2>
        <TableRegion label={t.timeline}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.when}</th>
                <th scope="col">{t.who}</th>
                <th scope="col">{t.what}</th>
              </tr>
            </thead>
            <tbody>
              {request.timeline.map((e, i) => (
                <tr key={i}>
                  <td>{formatDateTime(e.at, language)}</td>
                  <td>
                    <Actor actor={e.actor} people={people} />
                  </td>
                  <td>
                    {e.kind === 'state'
                      ? `${t.states[e.from ?? ''] ?? e.from ?? ''} → ${t.states[e.to ?? ''] ?? e.to ?? ''}`
                      : (t.events[e.kind] ?? e.kind.replace(/-/g, ' '))}
                    {Object.keys(e.data).length > 0 && <span className="muted"> ({describeValue(e.data)})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </section>
    </>
  );
}

function RequestsPage() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const path = usePath();
  const id = /^\/requests\/([0-9a-f-]{36})$/.exec(path)?.[1];
  return (
    <div className="requests">
      {id ? (
        <Detail key={id} id={id} t={t} language={language} />
      ) : (
        <>
          <PageTitle>{t.title}</PageTitle>
          <p>{t.intro}</p>
          <Inbox t={t} language={language} />
        </>
      )}
    </div>
  );
}

export const requestsPage: ConsolePage = {
  path: '/requests',
  title: { en: texts.en.title, nl: texts.nl.title, fr: texts.fr.title, de: texts.de.title },
  scope: 'requests:read',
  Component: RequestsPage,
};
