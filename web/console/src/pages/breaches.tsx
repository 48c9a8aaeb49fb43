/**
 * The breach register (Art. 33/34): the list with each breach's 72-hour countdown and the reminders, a form to record
 * a breach, and a breach's page with its countdown, drafts (authority, people concerned, controllers), notifications
 * sent, amendments and full history. Nothing can be deleted; corrections are amendments with a reason.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { Draft } from '../../../../src/records/breach-drafts.js';
import type { BreachView } from '../../../../src/records/breach-views.js';
import type { RecordsOfProcessing } from '../../../../src/records/record.js';
import { api } from '../api.js';
import { Actor, ErrorMessage, Loading, PageTitle, TableRegion, useApi, useMutation, usePeople } from '../components.js';
import { formatDateTime, useLanguage, useTexts, type Language } from '../i18n.js';
import { Link, navigate, usePath } from '../router.js';
import { useSession } from '../session.js';
import type { ConsolePage } from './types.js';
import './records.css';

type Nature = BreachView['content']['nature'][number];
type DraftLanguage = Draft['language'];

const texts = {
  en: {
    title: 'Breach register',
    intro:
      'Every personal data breach is recorded here, whether or not it is notified (Art. 33(5)). The authority must be told within 72 hours of becoming aware, unless the breach is unlikely to result in a risk.',
    record: 'Record a breach',
    reminders: 'Needs attention',
    noReminders: 'No reminder is due and no 72-hour clock is running.',
    none: 'No breaches recorded.',
    reference: 'Reference',
    name: 'Breach',
    aware: 'Became aware',
    clock: '72-hour clock',
    pending: 'Still to do',
    tellAuthority: 'notify the authority',
    tellSubjects: 'tell the people concerned',
    tellControllers: 'tell the controllers',
    states: {
      running: 'running',
      'due-soon': 'due soon',
      overdue: 'OVERDUE',
      notified: 'authority notified',
      'notified-late': 'notified late',
      'not-required': 'not to be notified',
    },
    left: 'left',
    overdueBy: 'overdue by',
    deadline: 'Deadline',
    reasonsMissing: 'Notified late without reasons: add the reasons for the delay (Art. 33(1)).',
    back: 'All breaches',
    form: {
      title: 'Short name',
      occurredAt: 'When it happened (if known)',
      discoveredAt: 'Discovered at',
      awareAt: 'Became aware at (the 72 hours run from here)',
      nature: 'Nature',
      natures: {
        confidentiality: 'Confidentiality (disclosure, access)',
        integrity: 'Integrity (alteration)',
        availability: 'Availability (loss, destruction)',
      } as Record<Nature, string>,
      description: 'What happened',
      subjectCategories: 'Categories of people (comma-separated)',
      approximateSubjects: 'Approximate number of people',
      dataCategories: 'Categories of data (comma-separated)',
      approximateRecords: 'Approximate number of records',
      consequences: 'Likely consequences',
      measuresTaken: 'Measures taken',
      measuresProposed: 'Measures proposed',
      adviceToSubjects: 'Advice to the people concerned (optional)',
      authority: 'Must the authority be notified?',
      subjects: 'Must the people concerned be told?',
      yes: 'Yes',
      no: 'No',
      why: 'Why, or why not',
      contact: 'Contact point (optional; default: the DPO or the privacy contact)',
      contactName: 'Name',
      contactEmail: 'Email',
      contactPhone: 'Telephone',
      controllers: 'Controllers affected (we act as their processor)',
      delayReasons: 'Reasons for notifying after 72 hours',
      status: 'Status',
      open: 'open',
      closed: 'closed',
      submit: 'Record the breach',
    },
    facts: 'The breach',
    drafts: 'Drafts',
    authorityDraft: 'Notification to the supervisory authority',
    subjectsDraft: 'Message to the people concerned',
    controllerDraft: 'Notice to the controller',
    draftLanguage: 'Language of the draft',
    notifications: 'Notifications sent',
    noNotifications: 'None yet.',
    recordNotification: 'Record a notification that was sent',
    recipient: 'Sent to',
    recipients: { authority: 'supervisory authority', subjects: 'people concerned', controller: 'controller' },
    phase: 'Phase',
    phases: { initial: 'initial', 'follow-up': 'follow-up', final: 'final' },
    controller: 'Controller',
    sentAt: 'Sent at',
    channel: 'Channel (form, email, letter)',
    authorityReference: "Authority's reference",
    content: 'What was sent',
    useDraft: 'Copy the matching draft',
    submitNotification: 'Record the notification',
    amend: 'Amend the record',
    amendIntro: 'Change what has become known. The earlier version stays in the history.',
    reason: 'Reason for the amendment',
    submitAmendment: 'Save as a new version',
    history: 'History',
    version: 'Version',
    recordedAt: 'Recorded',
    by: 'By',
    people: 'people',
    records: 'records',
  },
  nl: {
    title: 'Register van datalekken',
    intro:
      'Elk gegevenslek wordt hier geregistreerd, gemeld of niet (art. 33, lid 5). De autoriteit moet binnen 72 uur na kennisname worden ingelicht, tenzij het lek waarschijnlijk geen risico inhoudt.',
    record: 'Een lek registreren',
    reminders: 'Vraagt aandacht',
    noReminders: 'Geen herinnering staat open en er loopt geen termijn van 72 uur.',
    none: 'Geen lekken geregistreerd.',
    reference: 'Referentie',
    name: 'Lek',
    aware: 'Kennis genomen',
    clock: 'Termijn van 72 uur',
    pending: 'Nog te doen',
    tellAuthority: 'de autoriteit inlichten',
    tellSubjects: 'de betrokkenen inlichten',
    tellControllers: 'de verantwoordelijken inlichten',
    states: {
      running: 'loopt',
      'due-soon': 'bijna verstreken',
      overdue: 'VERSTREKEN',
      notified: 'autoriteit ingelicht',
      'notified-late': 'laattijdig gemeld',
      'not-required': 'niet te melden',
    },
    left: 'resterend',
    overdueBy: 'verstreken sinds',
    deadline: 'Uiterste datum',
    reasonsMissing: 'Laattijdig gemeld zonder redenen: vul de redenen voor de vertraging aan (art. 33, lid 1).',
    back: 'Alle lekken',
    form: {
      title: 'Korte naam',
      occurredAt: 'Wanneer het gebeurde (indien bekend)',
      discoveredAt: 'Ontdekt op',
      awareAt: 'Kennis genomen op (de 72 uur lopen vanaf hier)',
      nature: 'Aard',
      natures: {
        confidentiality: 'Vertrouwelijkheid (verstrekking, toegang)',
        integrity: 'Integriteit (wijziging)',
        availability: 'Beschikbaarheid (verlies, vernietiging)',
      } as Record<Nature, string>,
      description: 'Wat er gebeurde',
      subjectCategories: 'Categorieën van personen (gescheiden door komma’s)',
      approximateSubjects: 'Geschat aantal personen',
      dataCategories: 'Categorieën van gegevens (gescheiden door komma’s)',
      approximateRecords: 'Geschat aantal records',
      consequences: 'Waarschijnlijke gevolgen',
      measuresTaken: 'Genomen maatregelen',
      measuresProposed: 'Voorgestelde maatregelen',
      adviceToSubjects: 'Advies aan de betrokkenen (optioneel)',
      authority: 'Moet de autoriteit worden ingelicht?',
      subjects: 'Moeten de betrokkenen worden ingelicht?',
      yes: 'Ja',
      no: 'Nee',
      why: 'Waarom (niet)',
      contact: 'Contactpunt (optioneel; standaard de DPO of het privacycontact)',
      contactName: 'Naam',
      contactEmail: 'E-mail',
      contactPhone: 'Telefoon',
      controllers: 'Betrokken verantwoordelijken (wij zijn hun verwerker)',
      delayReasons: 'Redenen voor een melding na 72 uur',
      status: 'Status',
      open: 'open',
      closed: 'afgesloten',
      submit: 'Het lek registreren',
    },
    facts: 'Het lek',
    drafts: 'Ontwerpen',
    authorityDraft: 'Melding aan de toezichthoudende autoriteit',
    subjectsDraft: 'Bericht aan de betrokkenen',
    controllerDraft: 'Kennisgeving aan de verantwoordelijke',
    draftLanguage: 'Taal van het ontwerp',
    notifications: 'Verzonden meldingen',
    noNotifications: 'Nog geen.',
    recordNotification: 'Een verzonden melding registreren',
    recipient: 'Verzonden aan',
    recipients: { authority: 'toezichthoudende autoriteit', subjects: 'betrokkenen', controller: 'verantwoordelijke' },
    phase: 'Fase',
    phases: { initial: 'eerste', 'follow-up': 'aanvullend', final: 'laatste' },
    controller: 'Verantwoordelijke',
    sentAt: 'Verzonden op',
    channel: 'Kanaal (formulier, e-mail, brief)',
    authorityReference: 'Referentie van de autoriteit',
    content: 'Wat werd verzonden',
    useDraft: 'Het passende ontwerp overnemen',
    submitNotification: 'De melding registreren',
    amend: 'Het register aanvullen',
    amendIntro: 'Wijzig wat intussen bekend is. De vorige versie blijft in de geschiedenis.',
    reason: 'Reden van de wijziging',
    submitAmendment: 'Als nieuwe versie bewaren',
    history: 'Geschiedenis',
    version: 'Versie',
    recordedAt: 'Geregistreerd',
    by: 'Door',
    people: 'personen',
    records: 'records',
  },
  fr: {
    title: 'Registre des violations',
    intro:
      "Chaque violation de données est consignée ici, qu'elle soit notifiée ou non (art. 33.5). L'autorité doit être notifiée dans les 72 heures après en avoir pris connaissance, sauf si la violation n'est pas susceptible d'engendrer un risque.",
    record: 'Consigner une violation',
    reminders: 'À traiter',
    noReminders: 'Aucun rappel n’est dû et aucun délai de 72 heures ne court.',
    none: 'Aucune violation consignée.',
    reference: 'Référence',
    name: 'Violation',
    aware: 'Prise de connaissance',
    clock: 'Délai de 72 heures',
    pending: 'Reste à faire',
    tellAuthority: "notifier l'autorité",
    tellSubjects: 'informer les personnes concernées',
    tellControllers: 'informer les responsables',
    states: {
      running: 'en cours',
      'due-soon': 'bientôt échu',
      overdue: 'DÉPASSÉ',
      notified: 'autorité notifiée',
      'notified-late': 'notifiée en retard',
      'not-required': 'pas à notifier',
    },
    left: 'restant',
    overdueBy: 'dépassé de',
    deadline: 'Échéance',
    reasonsMissing: 'Notifiée en retard sans motifs : ajoutez les motifs du retard (art. 33.1).',
    back: 'Toutes les violations',
    form: {
      title: 'Nom court',
      occurredAt: 'Date de survenance (si connue)',
      discoveredAt: 'Découverte le',
      awareAt: 'Prise de connaissance le (les 72 heures courent à partir d’ici)',
      nature: 'Nature',
      natures: {
        confidentiality: 'Confidentialité (divulgation, accès)',
        integrity: 'Intégrité (modification)',
        availability: 'Disponibilité (perte, destruction)',
      } as Record<Nature, string>,
      description: "Ce qui s'est passé",
      subjectCategories: 'Catégories de personnes (séparées par des virgules)',
      approximateSubjects: 'Nombre approximatif de personnes',
      dataCategories: 'Catégories de données (séparées par des virgules)',
      approximateRecords: "Nombre approximatif d'enregistrements",
      consequences: 'Conséquences probables',
      measuresTaken: 'Mesures prises',
      measuresProposed: 'Mesures envisagées',
      adviceToSubjects: 'Conseils aux personnes concernées (facultatif)',
      authority: "Faut-il notifier l'autorité ?",
      subjects: 'Faut-il informer les personnes concernées ?',
      yes: 'Oui',
      no: 'Non',
      why: 'Pourquoi (pas)',
      contact: 'Point de contact (facultatif ; par défaut le DPO ou le contact vie privée)',
      contactName: 'Nom',
      contactEmail: 'E-mail',
      contactPhone: 'Téléphone',
      controllers: 'Responsables concernés (nous sommes leur sous-traitant)',
      delayReasons: 'Motifs d’une notification après 72 heures',
      status: 'Statut',
      open: 'ouverte',
      closed: 'clôturée',
      submit: 'Consigner la violation',
    },
    facts: 'La violation',
    drafts: 'Projets',
    authorityDraft: "Notification à l'autorité de contrôle",
    subjectsDraft: 'Message aux personnes concernées',
    controllerDraft: 'Notification au responsable du traitement',
    draftLanguage: 'Langue du projet',
    notifications: 'Notifications envoyées',
    noNotifications: 'Aucune pour le moment.',
    recordNotification: 'Consigner une notification envoyée',
    recipient: 'Envoyée à',
    recipients: {
      authority: 'autorité de contrôle',
      subjects: 'personnes concernées',
      controller: 'responsable du traitement',
    },
    phase: 'Phase',
    phases: { initial: 'initiale', 'follow-up': 'complémentaire', final: 'finale' },
    controller: 'Responsable',
    sentAt: 'Envoyée le',
    channel: 'Canal (formulaire, e-mail, courrier)',
    authorityReference: "Référence de l'autorité",
    content: 'Contenu envoyé',
    useDraft: 'Reprendre le projet correspondant',
    submitNotification: 'Consigner la notification',
    amend: 'Compléter le registre',
    amendIntro: 'Modifiez ce qui est désormais connu. La version précédente reste dans l’historique.',
    reason: 'Motif de la modification',
    submitAmendment: 'Enregistrer une nouvelle version',
    history: 'Historique',
    version: 'Version',
    recordedAt: 'Consignée',
    by: 'Par',
    people: 'personnes',
    records: 'enregistrements',
  },
  de: {
    title: 'Verzeichnis der Datenschutzverletzungen',
    intro:
      'Jede Verletzung des Schutzes personenbezogener Daten wird hier dokumentiert, ob gemeldet oder nicht (Art. 33 Abs. 5). Die Aufsichtsbehörde ist binnen 72 Stunden nach Bekanntwerden zu benachrichtigen, es sei denn, die Verletzung führt voraussichtlich nicht zu einem Risiko.',
    record: 'Eine Verletzung erfassen',
    reminders: 'Erfordert Aufmerksamkeit',
    noReminders: 'Keine Erinnerung fällig und keine 72-Stunden-Frist läuft.',
    none: 'Keine Verletzungen erfasst.',
    reference: 'Aktenzeichen',
    name: 'Verletzung',
    aware: 'Bekannt geworden',
    clock: '72-Stunden-Frist',
    pending: 'Noch zu tun',
    tellAuthority: 'Aufsichtsbehörde benachrichtigen',
    tellSubjects: 'betroffene Personen benachrichtigen',
    tellControllers: 'Verantwortliche benachrichtigen',
    states: {
      running: 'läuft',
      'due-soon': 'bald fällig',
      overdue: 'ÜBERFÄLLIG',
      notified: 'Behörde benachrichtigt',
      'notified-late': 'verspätet gemeldet',
      'not-required': 'nicht meldepflichtig',
    },
    left: 'verbleibend',
    overdueBy: 'überfällig seit',
    deadline: 'Frist',
    reasonsMissing: 'Verspätet gemeldet ohne Begründung: ergänzen Sie die Gründe für die Verzögerung (Art. 33 Abs. 1).',
    back: 'Alle Verletzungen',
    form: {
      title: 'Kurzbezeichnung',
      occurredAt: 'Wann es geschah (falls bekannt)',
      discoveredAt: 'Entdeckt am',
      awareAt: 'Bekannt geworden am (die 72 Stunden laufen ab hier)',
      nature: 'Art',
      natures: {
        confidentiality: 'Vertraulichkeit (Offenlegung, Zugriff)',
        integrity: 'Integrität (Veränderung)',
        availability: 'Verfügbarkeit (Verlust, Vernichtung)',
      } as Record<Nature, string>,
      description: 'Was geschehen ist',
      subjectCategories: 'Kategorien betroffener Personen (durch Kommas getrennt)',
      approximateSubjects: 'Ungefähre Zahl betroffener Personen',
      dataCategories: 'Datenkategorien (durch Kommas getrennt)',
      approximateRecords: 'Ungefähre Zahl der Datensätze',
      consequences: 'Wahrscheinliche Folgen',
      measuresTaken: 'Ergriffene Maßnahmen',
      measuresProposed: 'Vorgeschlagene Maßnahmen',
      adviceToSubjects: 'Hinweise für die betroffenen Personen (optional)',
      authority: 'Muss die Aufsichtsbehörde benachrichtigt werden?',
      subjects: 'Müssen die betroffenen Personen benachrichtigt werden?',
      yes: 'Ja',
      no: 'Nein',
      why: 'Warum bzw. warum nicht',
      contact: 'Anlaufstelle (optional; sonst der/die Datenschutzbeauftragte oder der Datenschutzkontakt)',
      contactName: 'Name',
      contactEmail: 'E-Mail',
      contactPhone: 'Telefon',
      controllers: 'Betroffene Verantwortliche (wir sind ihr Auftragsverarbeiter)',
      delayReasons: 'Gründe für eine Meldung nach mehr als 72 Stunden',
      status: 'Status',
      open: 'offen',
      closed: 'abgeschlossen',
      submit: 'Verletzung erfassen',
    },
    facts: 'Die Verletzung',
    drafts: 'Entwürfe',
    authorityDraft: 'Meldung an die Aufsichtsbehörde',
    subjectsDraft: 'Nachricht an die betroffenen Personen',
    controllerDraft: 'Mitteilung an den Verantwortlichen',
    draftLanguage: 'Sprache des Entwurfs',
    notifications: 'Versandte Meldungen',
    noNotifications: 'Noch keine.',
    recordNotification: 'Eine versandte Meldung erfassen',
    recipient: 'Gesendet an',
    recipients: { authority: 'Aufsichtsbehörde', subjects: 'betroffene Personen', controller: 'Verantwortlicher' },
    phase: 'Phase',
    phases: { initial: 'Erstmeldung', 'follow-up': 'Nachtrag', final: 'Abschlussmeldung' },
    controller: 'Verantwortlicher',
    sentAt: 'Gesendet am',
    channel: 'Kanal (Formular, E-Mail, Brief)',
    authorityReference: 'Aktenzeichen der Behörde',
    content: 'Was gesendet wurde',
    useDraft: 'Den passenden Entwurf übernehmen',
    submitNotification: 'Meldung erfassen',
    amend: 'Eintrag ändern',
    amendIntro: 'Ändern Sie, was inzwischen bekannt ist. Die frühere Fassung bleibt im Verlauf erhalten.',
    reason: 'Grund der Änderung',
    submitAmendment: 'Als neue Fassung speichern',
    history: 'Verlauf',
    version: 'Fassung',
    recordedAt: 'Erfasst',
    by: 'Von',
    people: 'Personen',
    records: 'Datensätze',
  },
};

type T = (typeof texts)['en'];

const units: Record<Language, [string, string, string, string]> = {
  en: ['d', 'h', 'min', 's'],
  nl: ['d', 'u', 'min', 's'],
  fr: ['j', 'h', 'min', 's'],
  de: ['T', 'Std', 'Min', 's'],
};

/** "2 d 03 h 05 min 09 s" in the console language. */
export function formatDuration(ms: number, language: Language): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const [d, h, m, s] = [
    Math.floor(total / 86400),
    Math.floor((total % 86400) / 3600),
    Math.floor((total % 3600) / 60),
    total % 60,
  ];
  const u = units[language];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d ? `${d} ${u[0]} ` : ''}${pad(h)} ${u[1]} ${pad(m)} ${u[2]} ${pad(s)} ${u[3]}`;
}

function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** The live countdown to the 72-hour deadline. role="timer" is not announced every second, so it is not noisy. */
function Countdown({ breach, t }: { breach: BreachView; t: T }) {
  const { language } = useLanguage();
  const now = useNow();
  const { clock } = breach;
  const running = clock.state === 'running' || clock.state === 'due-soon' || clock.state === 'overdue';
  const remaining = Date.parse(clock.deadline) - now;
  const state = running
    ? remaining < 0
      ? 'overdue'
      : remaining <= 24 * 3_600_000
        ? 'due-soon'
        : 'running'
    : clock.state;
  return (
    <span className={`countdown countdown-${state}`} data-testid="countdown">
      <strong>{t.states[state]}</strong>
      {running && (
        <>
          {' — '}
          <span role="timer" aria-label={t.clock}>
            {remaining >= 0
              ? `${formatDuration(remaining, language)} ${t.left}`
              : `${t.overdueBy} ${formatDuration(remaining, language)}`}
          </span>
        </>
      )}
    </span>
  );
}

function clockRuns(breach: BreachView): boolean {
  return ['running', 'due-soon', 'overdue'].includes(breach.clock.state);
}

function Pending({ breach, t }: { breach: BreachView; t: T }) {
  const items = [
    breach.pending.authority ? t.tellAuthority : '',
    breach.pending.subjects ? t.tellSubjects : '',
    breach.pending.controllers.length ? `${t.tellControllers}: ${breach.pending.controllers.join(', ')}` : '',
  ].filter(Boolean);
  return <>{items.length ? items.join('; ') : '—'}</>;
}

function BreachList({ t }: { t: T }) {
  const { language } = useLanguage();
  const { can } = useSession();
  const list = useApi<{ breaches: BreachView[] }>('/api/v1/breaches');
  const due = useApi<{ breaches: BreachView[] }>('/api/v1/breaches/due');
  // The reminders list only what is due now; a breach whose 72-hour clock runs needs attention too, so "nothing is
  // due" is said only when neither list has anything (and both have answered).
  const attention =
    due.data && list.data
      ? [
          ...due.data.breaches,
          ...list.data.breaches.filter((b) => clockRuns(b) && !due.data?.breaches.some((d) => d.id === b.id)),
        ]
      : undefined;
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p className="muted">{t.intro}</p>
      {can('breaches:write') && (
        <p>
          <Link to="/breaches/new" className="button-link">
            {t.record}
          </Link>
        </p>
      )}
      <section aria-labelledby="reminders-heading" className="notice">
        <h2 id="reminders-heading">{t.reminders}</h2>
        {attention && attention.length === 0 && <p>{t.noReminders}</p>}
        {attention && attention.length > 0 && (
          <ul className="plain-list">
            {attention.map((b) => (
              <li key={b.id}>
                <Link to={`/breaches/${b.id}`}>
                  {b.reference} — {b.content.title}
                </Link>
                : <Countdown breach={b} t={t} />; <Pending breach={b} t={t} />
              </li>
            ))}
          </ul>
        )}
        <ErrorMessage error={due.error} />
      </section>
      {list.loading && !list.data ? <Loading /> : <ErrorMessage error={list.error} />}
      {list.data && list.data.breaches.length === 0 && <p>{t.none}</p>}
      {list.data && list.data.breaches.length > 0 && (
        <TableRegion label={t.title}>
          <table>
            <caption className="visually-hidden">{t.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.reference}</th>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.aware}</th>
                <th scope="col">{t.clock}</th>
                <th scope="col">{t.pending}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.breaches.map((b) => (
                <tr key={b.id}>
                  <th scope="row">
                    <Link to={`/breaches/${b.id}`}>{b.reference}</Link>
                  </th>
                  <td>{b.content.title}</td>
                  <td>{formatDateTime(b.content.awareAt, language)}</td>
                  <td>
                    <Countdown breach={b} t={t} />
                  </td>
                  <td>
                    <Pending breach={b} t={t} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}

/** `datetime-local` value of an ISO instant in the browser's time zone, and back. */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const offset = d.getTimezoneOffset() * 60_000;
  return new Date(d.getTime() - offset).toISOString().slice(0, 16);
}
function fromLocalInput(value: string): string | undefined {
  return value ? new Date(value).toISOString() : undefined;
}
const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {children}
    </>
  );
}

function Decision({
  name,
  legend,
  value,
  reason,
  onChange,
  t,
}: {
  name: string;
  legend: string;
  value: boolean;
  reason: string;
  onChange: (value: boolean, reason: string) => void;
  t: T;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="checkbox">
        <input type="radio" id={`${name}-yes`} name={name} checked={value} onChange={() => onChange(true, reason)} />
        <label htmlFor={`${name}-yes`}>{t.form.yes}</label>
      </div>
      <div className="checkbox">
        <input type="radio" id={`${name}-no`} name={name} checked={!value} onChange={() => onChange(false, reason)} />
        <label htmlFor={`${name}-no`}>{t.form.no}</label>
      </div>
      <label htmlFor={`${name}-reason`}>{t.form.why}</label>
      <textarea
        id={`${name}-reason`}
        required
        rows={2}
        value={reason}
        onChange={(e) => onChange(value, e.target.value)}
      />
    </fieldset>
  );
}

function NewBreach({ t }: { t: T }) {
  const mutation = useMutation();
  const customers = useApi<RecordsOfProcessing>('/api/v1/records');
  const nowInput = toLocalInput(new Date().toISOString());
  const [form, setForm] = useState({
    title: '',
    occurredAt: '',
    discoveredAt: nowInput,
    awareAt: nowInput,
    nature: [] as Nature[],
    description: '',
    subjectCategories: '',
    approximateSubjects: '',
    dataCategories: '',
    approximateRecords: '',
    consequences: '',
    measuresTaken: '',
    measuresProposed: '',
    adviceToSubjects: '',
    authority: { required: true, reason: '' },
    subjects: { required: false, reason: '' },
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    controllers: [] as string[],
  });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const f = t.form;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      title: form.title,
      ...(form.occurredAt ? { occurredAt: fromLocalInput(form.occurredAt) } : {}),
      discoveredAt: fromLocalInput(form.discoveredAt),
      awareAt: fromLocalInput(form.awareAt),
      nature: form.nature,
      description: form.description,
      subjectCategories: list(form.subjectCategories),
      approximateSubjects: Number(form.approximateSubjects),
      dataCategories: list(form.dataCategories),
      approximateRecords: Number(form.approximateRecords),
      consequences: form.consequences,
      measuresTaken: form.measuresTaken,
      measuresProposed: form.measuresProposed,
      adviceToSubjects: form.adviceToSubjects,
      authority: form.authority,
      subjects: form.subjects,
      ...(form.contactName
        ? {
            contact: {
              name: form.contactName,
              ...(form.contactEmail ? { email: form.contactEmail } : {}),
              ...(form.contactPhone ? { phone: form.contactPhone } : {}),
            },
          }
        : {}),
      controllers: form.controllers,
    };
    const created = await mutation.run(() => api<BreachView>('/api/v1/breaches', { method: 'POST', body }));
    if (created) navigate(`/breaches/${created.id}`);
  };
  const processorCustomers = customers.data?.processor ?? [];
  return (
    <>
      <p>
        <Link to="/breaches">{t.back}</Link>
      </p>
      <PageTitle>{t.record}</PageTitle>
      <form onSubmit={(e) => void submit(e)} className="panel breach-form">
        <Field id="b-title" label={f.title}>
          <input
            id="b-title"
            required
            maxLength={200}
            value={form.title}
            onChange={(e) => set('title', e.target.value)}
          />
        </Field>
        <Field id="b-occurred" label={f.occurredAt}>
          <input
            id="b-occurred"
            type="datetime-local"
            value={form.occurredAt}
            onChange={(e) => set('occurredAt', e.target.value)}
          />
        </Field>
        <Field id="b-discovered" label={f.discoveredAt}>
          <input
            id="b-discovered"
            type="datetime-local"
            required
            value={form.discoveredAt}
            onChange={(e) => set('discoveredAt', e.target.value)}
          />
        </Field>
        <Field id="b-aware" label={f.awareAt}>
          <input
            id="b-aware"
            type="datetime-local"
            required
            value={form.awareAt}
            onChange={(e) => set('awareAt', e.target.value)}
          />
        </Field>
        <fieldset>
          <legend>{f.nature}</legend>
          {(['confidentiality', 'integrity', 'availability'] as const).map((n) => (
            <div className="checkbox" key={n}>
              <input
                type="checkbox"
                id={`b-nature-${n}`}
                checked={form.nature.includes(n)}
                onChange={() =>
                  set('nature', form.nature.includes(n) ? form.nature.filter((x) => x !== n) : [...form.nature, n])
                }
              />
              <label htmlFor={`b-nature-${n}`}>{f.natures[n]}</label>
            </div>
          ))}
        </fieldset>
        <Field id="b-description" label={f.description}>
          <textarea
            id="b-description"
            required
            rows={4}
            value={form.description}
            onChange={(e) => set('description', e.target.value)}
          />
        </Field>
        <Field id="b-subject-categories" label={f.subjectCategories}>
          <input
            id="b-subject-categories"
            required
            value={form.subjectCategories}
            onChange={(e) => set('subjectCategories', e.target.value)}
          />
        </Field>
        <Field id="b-approx-subjects" label={f.approximateSubjects}>
          <input
            id="b-approx-subjects"
            type="number"
            min={0}
            required
            inputMode="numeric"
            value={form.approximateSubjects}
            onChange={(e) => set('approximateSubjects', e.target.value)}
          />
        </Field>
        <Field id="b-data-categories" label={f.dataCategories}>
          <input
            id="b-data-categories"
            required
            value={form.dataCategories}
            onChange={(e) => set('dataCategories', e.target.value)}
          />
        </Field>
        <Field id="b-approx-records" label={f.approximateRecords}>
          <input
            id="b-approx-records"
            type="number"
            min={0}
            required
            inputMode="numeric"
            value={form.approximateRecords}
            onChange={(e) => set('approximateRecords', e.target.value)}
          />
        </Field>
        <Field id="b-consequences" label={f.consequences}>
          <textarea
            id="b-consequences"
            required
            rows={3}
            value={form.consequences}
            onChange={(e) => set('consequences', e.target.value)}
          />
        </Field>
        <Field id="b-measures-taken" label={f.measuresTaken}>
          <textarea
            id="b-measures-taken"
            required
            rows={3}
            value={form.measuresTaken}
            onChange={(e) => set('measuresTaken', e.target.value)}
          />
        </Field>
        <Field id="b-measures-proposed" label={f.measuresProposed}>
          <textarea
            id="b-measures-proposed"
            rows={2}
            value={form.measuresProposed}
            onChange={(e) => set('measuresProposed', e.target.value)}
          />
        </Field>
        <Field id="b-advice" label={f.adviceToSubjects}>
          <textarea
            id="b-advice"
            rows={2}
            value={form.adviceToSubjects}
            onChange={(e) => set('adviceToSubjects', e.target.value)}
          />
        </Field>
        <Decision
          name="b-authority"
          legend={f.authority}
          value={form.authority.required}
          reason={form.authority.reason}
          onChange={(required, reason) => set('authority', { required, reason })}
          t={t}
        />
        <Decision
          name="b-subjects"
          legend={f.subjects}
          value={form.subjects.required}
          reason={form.subjects.reason}
          onChange={(required, reason) => set('subjects', { required, reason })}
          t={t}
        />
        <fieldset>
          <legend>{f.contact}</legend>
          <Field id="b-contact-name" label={f.contactName}>
            <input id="b-contact-name" value={form.contactName} onChange={(e) => set('contactName', e.target.value)} />
          </Field>
          <Field id="b-contact-email" label={f.contactEmail}>
            <input
              id="b-contact-email"
              type="email"
              value={form.contactEmail}
              onChange={(e) => set('contactEmail', e.target.value)}
            />
          </Field>
          <Field id="b-contact-phone" label={f.contactPhone}>
            <input
              id="b-contact-phone"
              type="tel"
              value={form.contactPhone}
              onChange={(e) => set('contactPhone', e.target.value)}
            />
          </Field>
        </fieldset>
        {processorCustomers.length > 0 && (
          <fieldset>
            <legend>{f.controllers}</legend>
            {processorCustomers.map((c) => (
              <div className="checkbox" key={c.id}>
                <input
                  type="checkbox"
                  id={`b-controller-${c.id}`}
                  checked={form.controllers.includes(c.id)}
                  onChange={() =>
                    set(
                      'controllers',
                      form.controllers.includes(c.id)
                        ? form.controllers.filter((x) => x !== c.id)
                        : [...form.controllers, c.id],
                    )
                  }
                />
                <label htmlFor={`b-controller-${c.id}`}>{c.controller}</label>
              </div>
            ))}
          </fieldset>
        )}
        <ErrorMessage error={mutation.error} />
        <p>
          <button type="submit" disabled={mutation.pending || form.nature.length === 0}>
            {f.submit}
          </button>
        </p>
      </form>
    </>
  );
}

function DraftView({
  url,
  title,
  languages,
  initial,
  id,
}: {
  url: string;
  title: string;
  languages: DraftLanguage[];
  initial?: DraftLanguage;
  id: string;
}) {
  const tx = useTexts(texts);
  const [language, setLanguage] = useState<DraftLanguage | undefined>(initial);
  const { data, error } = useApi<Draft & { languages?: DraftLanguage[] }>(url, { language });
  const offered = data?.languages ?? languages;
  return (
    <section aria-labelledby={`${id}-heading`} className="draft">
      <h3 id={`${id}-heading`}>{title}</h3>
      <label htmlFor={`${id}-language`}>
        {tx.draftLanguage}
        <span className="visually-hidden">: {title}</span>
      </label>
      <select
        id={`${id}-language`}
        value={data?.language ?? language ?? ''}
        onChange={(e) => setLanguage(e.target.value as DraftLanguage)}
      >
        {offered.map((l) => (
          <option key={l} value={l}>
            {l.toUpperCase()}
          </option>
        ))}
      </select>
      <ErrorMessage error={error} />
      {data && (
        <>
          <p>
            <strong>{data.subject}</strong>
          </p>
          <pre className="draft-text" tabIndex={0} aria-label={title} data-testid={`${id}-text`} lang={data.language}>
            {data.text}
          </pre>
        </>
      )}
    </section>
  );
}

function NotificationForm({ breach, t, onDone }: { breach: BreachView; t: T; onDone: () => Promise<void> }) {
  const mutation = useMutation();
  const [form, setForm] = useState({
    recipient: 'authority' as 'authority' | 'subjects' | 'controller',
    phase: 'initial' as 'initial' | 'follow-up' | 'final',
    controller: breach.content.controllers[0] ?? '',
    sentAt: toLocalInput(new Date().toISOString()),
    channel: '',
    reference: '',
    content: '',
    delayReasons: '',
  });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const copyDraft = async () => {
    const url =
      form.recipient === 'authority'
        ? `/api/v1/breaches/${breach.id}/drafts/authority`
        : form.recipient === 'subjects'
          ? `/api/v1/breaches/${breach.id}/drafts/subjects`
          : `/api/v1/breaches/${breach.id}/drafts/controller/${form.controller}`;
    const draft = await mutation.run(() => api<Draft>(url));
    if (draft) set('content', draft.text);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      recipient: form.recipient,
      phase: form.phase,
      ...(form.recipient === 'controller' ? { controller: form.controller } : {}),
      sentAt: fromLocalInput(form.sentAt),
      ...(form.channel ? { channel: form.channel } : {}),
      ...(form.reference ? { reference: form.reference } : {}),
      content: form.content,
      ...(form.delayReasons ? { delayReasons: form.delayReasons } : {}),
    };
    const done = await mutation.run(() => api(`/api/v1/breaches/${breach.id}/notifications`, { method: 'POST', body }));
    if (done) {
      setForm((f) => ({ ...f, content: '', reference: '', delayReasons: '', phase: 'follow-up' }));
      await onDone();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="panel">
      <h2>{t.recordNotification}</h2>
      <Field id="n-recipient" label={t.recipient}>
        <select
          id="n-recipient"
          value={form.recipient}
          onChange={(e) => set('recipient', e.target.value as typeof form.recipient)}
        >
          <option value="authority">{t.recipients.authority}</option>
          <option value="subjects">{t.recipients.subjects}</option>
          {breach.content.controllers.length > 0 && <option value="controller">{t.recipients.controller}</option>}
        </select>
      </Field>
      {form.recipient === 'controller' && (
        <Field id="n-controller" label={t.controller}>
          <select id="n-controller" value={form.controller} onChange={(e) => set('controller', e.target.value)}>
            {breach.content.controllers.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field id="n-phase" label={t.phase}>
        <select id="n-phase" value={form.phase} onChange={(e) => set('phase', e.target.value as typeof form.phase)}>
          {(['initial', 'follow-up', 'final'] as const).map((p) => (
            <option key={p} value={p}>
              {t.phases[p]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="n-sent" label={t.sentAt}>
        <input
          id="n-sent"
          type="datetime-local"
          required
          value={form.sentAt}
          onChange={(e) => set('sentAt', e.target.value)}
        />
      </Field>
      <Field id="n-channel" label={t.channel}>
        <input id="n-channel" value={form.channel} onChange={(e) => set('channel', e.target.value)} />
      </Field>
      {form.recipient === 'authority' && (
        <Field id="n-reference" label={t.authorityReference}>
          <input id="n-reference" value={form.reference} onChange={(e) => set('reference', e.target.value)} />
        </Field>
      )}
      <Field id="n-content" label={t.content}>
        <textarea
          id="n-content"
          required
          rows={6}
          value={form.content}
          onChange={(e) => set('content', e.target.value)}
        />
      </Field>
      <p>
        <button type="button" className="secondary" onClick={() => void copyDraft()} disabled={mutation.pending}>
          {t.useDraft}
        </button>
      </p>
      {form.recipient === 'authority' && (
        <Field id="n-delay" label={t.form.delayReasons}>
          <textarea
            id="n-delay"
            rows={2}
            value={form.delayReasons}
            onChange={(e) => set('delayReasons', e.target.value)}
          />
        </Field>
      )}
      <ErrorMessage error={mutation.error} />
      <p>
        <button type="submit" disabled={mutation.pending}>
          {t.submitNotification}
        </button>
      </p>
    </form>
  );
}

function AmendForm({ breach, t, onDone }: { breach: BreachView; t: T; onDone: () => Promise<void> }) {
  const mutation = useMutation();
  const c = breach.content;
  const initial = {
    approximateSubjects: String(c.approximateSubjects),
    approximateRecords: String(c.approximateRecords),
    consequences: c.consequences,
    measuresTaken: c.measuresTaken,
    measuresProposed: c.measuresProposed,
    authority: c.authority,
    subjects: c.subjects,
    delayReasons: c.delayReasons ?? '',
    status: c.status,
  };
  const [form, setForm] = useState(initial);
  const [reason, setReason] = useState('');
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changed: Record<string, unknown> = {};
    if (form.approximateSubjects !== initial.approximateSubjects)
      changed.approximateSubjects = Number(form.approximateSubjects);
    if (form.approximateRecords !== initial.approximateRecords)
      changed.approximateRecords = Number(form.approximateRecords);
    for (const key of ['consequences', 'measuresTaken', 'measuresProposed', 'delayReasons', 'status'] as const)
      if (form[key] !== initial[key]) changed[key] = form[key];
    for (const key of ['authority', 'subjects'] as const)
      if (JSON.stringify(form[key]) !== JSON.stringify(initial[key])) changed[key] = form[key];
    const done = await mutation.run(() =>
      api(`/api/v1/breaches/${breach.id}/amendments`, { method: 'POST', body: { ...changed, reason } }),
    );
    if (done) {
      setReason('');
      await onDone();
    }
  };
  const f = t.form;
  return (
    <form onSubmit={(e) => void submit(e)} className="panel">
      <h2>{t.amend}</h2>
      <p className="muted">{t.amendIntro}</p>
      <Field id="a-subjects" label={f.approximateSubjects}>
        <input
          id="a-subjects"
          type="number"
          min={0}
          value={form.approximateSubjects}
          onChange={(e) => set('approximateSubjects', e.target.value)}
        />
      </Field>
      <Field id="a-records" label={f.approximateRecords}>
        <input
          id="a-records"
          type="number"
          min={0}
          value={form.approximateRecords}
          onChange={(e) => set('approximateRecords', e.target.value)}
        />
      </Field>
      <Field id="a-consequences" label={f.consequences}>
        <textarea
          id="a-consequences"
          rows={3}
          value={form.consequences}
          onChange={(e) => set('consequences', e.target.value)}
        />
      </Field>
      <Field id="a-taken" label={f.measuresTaken}>
        <textarea
          id="a-taken"
          rows={3}
          value={form.measuresTaken}
          onChange={(e) => set('measuresTaken', e.target.value)}
        />
      </Field>
      <Field id="a-proposed" label={f.measuresProposed}>
        <textarea
          id="a-proposed"
          rows={2}
          value={form.measuresProposed}
          onChange={(e) => set('measuresProposed', e.target.value)}
        />
      </Field>
      <Decision
        name="a-authority"
        legend={f.authority}
        value={form.authority.required}
        reason={form.authority.reason}
        onChange={(required, why) => set('authority', { required, reason: why })}
        t={t}
      />
      <Decision
        name="a-subjects-told"
        legend={f.subjects}
        value={form.subjects.required}
        reason={form.subjects.reason}
        onChange={(required, why) => set('subjects', { required, reason: why })}
        t={t}
      />
      <Field id="a-delay" label={f.delayReasons}>
        <textarea
          id="a-delay"
          rows={2}
          value={form.delayReasons}
          onChange={(e) => set('delayReasons', e.target.value)}
        />
      </Field>
      <Field id="a-status" label={f.status}>
        <select id="a-status" value={form.status} onChange={(e) => set('status', e.target.value as typeof form.status)}>
          <option value="open">{f.open}</option>
          <option value="closed">{f.closed}</option>
        </select>
      </Field>
      <Field id="a-reason" label={t.reason}>
        <input id="a-reason" required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <ErrorMessage error={mutation.error} />
      <p>
        <button type="submit" disabled={mutation.pending}>
          {t.submitAmendment}
        </button>
      </p>
    </form>
  );
}

function BreachDetail({ id, t }: { id: string; t: T }) {
  const people = usePeople(useSession().me.organisation.slug);
  const { language } = useLanguage();
  const { can } = useSession();
  const { data: breach, error, loading, reload } = useApi<BreachView>(`/api/v1/breaches/${id}`);
  if (loading && !breach) return <Loading />;
  if (!breach) return <ErrorMessage error={error} />;
  const c = breach.content;
  const fact = (label: string, value: ReactNode) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <>
      <p>
        <Link to="/breaches">{t.back}</Link>
      </p>
      <PageTitle>
        {breach.reference} — {c.title}
      </PageTitle>
      <p className="clock-panel">
        {t.clock}: <Countdown breach={breach} t={t} />
        <br />
        {t.deadline}: <time dateTime={breach.clock.deadline}>{formatDateTime(breach.clock.deadline, language)}</time>
      </p>
      {breach.clock.reasonsMissing && (
        <p className="error-box" role="alert">
          {t.reasonsMissing}
        </p>
      )}
      <p>
        {t.pending}: <Pending breach={breach} t={t} />
      </p>
      <h2>{t.facts}</h2>
      <dl className="facts">
        {fact(t.form.discoveredAt, formatDateTime(c.discoveredAt, language))}
        {fact(t.aware, formatDateTime(c.awareAt, language))}
        {fact(t.form.nature, c.nature.map((n) => t.form.natures[n]).join('; '))}
        {fact(t.form.description, c.description)}
        {fact(t.form.subjectCategories, `${c.subjectCategories.join(', ')} — ${c.approximateSubjects} ${t.people}`)}
        {fact(t.form.dataCategories, `${c.dataCategories.join(', ')} — ${c.approximateRecords} ${t.records}`)}
        {fact(t.form.consequences, c.consequences)}
        {fact(t.form.measuresTaken, c.measuresTaken)}
        {c.measuresProposed && fact(t.form.measuresProposed, c.measuresProposed)}
        {fact(t.form.authority, `${c.authority.required ? t.form.yes : t.form.no} — ${c.authority.reason}`)}
        {fact(t.form.subjects, `${c.subjects.required ? t.form.yes : t.form.no} — ${c.subjects.reason}`)}
        {c.delayReasons && fact(t.form.delayReasons, c.delayReasons)}
      </dl>
      <h2>{t.drafts}</h2>
      <DraftView
        id="authority-draft"
        url={`/api/v1/breaches/${id}/drafts/authority`}
        title={t.authorityDraft}
        languages={['fr', 'nl']}
      />
      <DraftView
        id="subjects-draft"
        url={`/api/v1/breaches/${id}/drafts/subjects`}
        title={t.subjectsDraft}
        languages={['en', 'nl', 'fr', 'de']}
        initial={language}
      />
      {c.controllers.map((customer) => (
        <DraftView
          key={customer}
          id={`controller-draft-${customer}`}
          url={`/api/v1/breaches/${id}/drafts/controller/${customer}`}
          title={`${t.controllerDraft}: ${customer}`}
          languages={['en', 'nl', 'fr', 'de']}
          initial={language}
        />
      ))}
      <h2>{t.notifications}</h2>
      {breach.notifications.length === 0 ? (
        <p>{t.noNotifications}</p>
      ) : (
        <TableRegion label={t.notifications}>
          <table>
            <caption className="visually-hidden">{t.notifications}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t.recipient}</th>
                <th scope="col">{t.phase}</th>
                <th scope="col">{t.sentAt}</th>
                <th scope="col">{t.authorityReference}</th>
              </tr>
            </thead>
            <tbody>
              {breach.notifications.map((n) => (
                <tr key={n.seq}>
                  <th scope="row">{n.seq}</th>
                  <td>
                    {t.recipients[n.recipient]}
                    {n.controller ? `: ${n.controller}` : ''}
                  </td>
                  <td>{t.phases[n.phase]}</td>
                  <td>{formatDateTime(n.sentAt, language)}</td>
                  <td>{n.reference ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {can('breaches:write') && <NotificationForm breach={breach} t={t} onDone={reload} />}
      {can('breaches:write') && <AmendForm key={breach.version} breach={breach} t={t} onDone={reload} />}
      <h2>{t.history}</h2>
      <TableRegion label={t.history}>
        <table>
          <caption className="visually-hidden">{t.history}</caption>
          <thead>
            <tr>
              <th scope="col">{t.version}</th>
              <th scope="col">{t.recordedAt}</th>
              <th scope="col">{t.by}</th>
              <th scope="col">{t.reason}</th>
            </tr>
          </thead>
          <tbody>
            {(breach.versions ?? []).map((v) => (
              <tr key={v.version}>
                <th scope="row">{v.version}</th>
                <td>{formatDateTime(v.recordedAt, language)}</td>
                <td>
                  <Actor actor={v.recordedBy} people={people} />
                </td>
                <td>{v.reason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}

function Breaches() {
  const t = useTexts(texts);
  const path = usePath();
  const rest = path.slice('/breaches'.length).replace(/^\//, '');
  if (rest === 'new') return <NewBreach t={t} />;
  if (rest) return <BreachDetail key={rest} id={rest} t={t} />;
  return <BreachList t={t} />;
}

export const breachesPage: ConsolePage = {
  path: '/breaches',
  title: { en: 'Breaches', nl: 'Datalekken', fr: 'Violations', de: 'Datenpannen' },
  scope: 'breaches:read',
  Component: Breaches,
};
