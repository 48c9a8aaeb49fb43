/**
 * The Outbox: every mail Charter sent or, without SMTP, kept instead of sending — verification codes included, so a
 * newcomer can finish a request without a mail server. One mail is shown as its plain-text part only: React renders
 * it as text and only http(s) addresses in it become links; the mail's HTML is never put into the page. Opening a
 * mail is recorded in the audit trail by the server.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { OutboxMail, OutboxMailSummary, OutboxPage } from '../../../../src/outbox/outbox.js';
import { api } from '../api.js';
import { ErrorMessage, Loading, PageTitle, useApi } from '../components.js';
import { formatDateTime, useLanguage, useTexts, type Texts } from '../i18n.js';
import { Link, usePath } from '../router.js';
import type { ConsolePage } from './types.js';
import './outbox.css';

interface OutboxTexts {
  title: string;
  intro: string;
  kept: string;
  none: string;
  to: string;
  state: string;
  time: string;
  kind: string;
  states: { sent: string; kept: string; suppressed: string };
  masked: string;
  textHidden: string;
  back: string;
  older: string;
  newest: string;
}

const texts: Texts<OutboxTexts> = {
  en: {
    title: 'Outbox',
    intro:
      'Every mail Charter sent on behalf of this organisation, newest first. Opening a mail is recorded in the audit trail.',
    kept: 'SMTP is not configured: mail is kept here in the Outbox and not sent. Codes and links for people who filed a request are read here.',
    none: 'No mail yet.',
    to: 'To',
    state: 'State',
    time: 'Time',
    kind: 'Kind',
    states: {
      sent: 'sent',
      kept: 'kept in the Outbox, not sent',
      suppressed: 'held back: too many mails to this address in an hour',
    },
    masked: 'Addresses, codes and link secrets are masked for your role.',
    textHidden: 'The text of this mail is not shown for your role.',
    back: 'Back to the Outbox',
    older: 'Older mail',
    newest: 'Newest mail',
  },
  nl: {
    title: 'Outbox',
    intro:
      'Alle e-mails die Charter namens deze organisatie verstuurde, de nieuwste eerst. Het openen van een e-mail wordt in de audittrail vastgelegd.',
    kept: 'SMTP is niet ingesteld: e-mail wordt hier in de Outbox bewaard en niet verstuurd. Codes en links voor wie een verzoek indiende, leest u hier.',
    none: 'Nog geen e-mail.',
    to: 'Aan',
    state: 'Status',
    time: 'Tijdstip',
    kind: 'Soort',
    states: {
      sent: 'verstuurd',
      kept: 'bewaard in de Outbox, niet verstuurd',
      suppressed: 'tegengehouden: te veel e-mails naar dit adres binnen een uur',
    },
    masked: 'Adressen, codes en geheime delen van links zijn voor uw rol gemaskeerd.',
    textHidden: 'De tekst van deze e-mail wordt voor uw rol niet getoond.',
    back: 'Terug naar de Outbox',
    older: 'Oudere e-mail',
    newest: 'Nieuwste e-mail',
  },
  fr: {
    title: 'Boîte d’envoi',
    intro:
      'Tous les e-mails envoyés par Charter au nom de cette organisation, les plus récents d’abord. L’ouverture d’un e-mail est consignée dans le journal d’audit.',
    kept: 'SMTP n’est pas configuré : les e-mails sont conservés ici, dans la boîte d’envoi, et ne sont pas envoyés. Les codes et liens destinés aux auteurs de demandes se lisent ici.',
    none: 'Aucun e-mail pour l’instant.',
    to: 'À',
    state: 'État',
    time: 'Heure',
    kind: 'Type',
    states: {
      sent: 'envoyé',
      kept: 'conservé dans la boîte d’envoi, non envoyé',
      suppressed: 'retenu : trop d’e-mails vers cette adresse en une heure',
    },
    masked: 'Les adresses, codes et secrets des liens sont masqués pour votre rôle.',
    textHidden: 'Le texte de cet e-mail n’est pas affiché pour votre rôle.',
    back: 'Retour à la boîte d’envoi',
    older: 'E-mails plus anciens',
    newest: 'E-mails les plus récents',
  },
  de: {
    title: 'Postausgang',
    intro:
      'Alle E-Mails, die Charter im Namen dieser Organisation versandt hat, die neuesten zuerst. Das Öffnen einer E-Mail wird im Audit-Protokoll festgehalten.',
    kept: 'SMTP ist nicht eingerichtet: E-Mails werden hier im Postausgang aufbewahrt und nicht versandt. Codes und Links für Personen, die einen Antrag gestellt haben, lesen Sie hier.',
    none: 'Noch keine E-Mails.',
    to: 'An',
    state: 'Status',
    time: 'Zeitpunkt',
    kind: 'Art',
    states: {
      sent: 'versandt',
      kept: 'im Postausgang aufbewahrt, nicht versandt',
      suppressed: 'zurückgehalten: zu viele E-Mails an diese Adresse innerhalb einer Stunde',
    },
    masked: 'Adressen, Codes und geheime Teile von Links sind für Ihre Rolle maskiert.',
    textHidden: 'Der Text dieser E-Mail wird für Ihre Rolle nicht angezeigt.',
    back: 'Zurück zum Postausgang',
    older: 'Ältere E-Mails',
    newest: 'Neueste E-Mails',
  },
};

function stateOf(mail: OutboxMailSummary, t: OutboxTexts): string {
  if (mail.status === 'suppressed') return t.states.suppressed;
  return mail.transport === 'outbox' ? t.states.kept : t.states.sent;
}

/** http(s) addresses in a text; trailing sentence punctuation is not part of them. */
const urlPattern = /https?:\/\/[^\s<>"'[\]]+/g;

/**
 * The text with its web addresses as links and everything else as text (React escapes it): nothing in a mail can add
 * markup, scripts or other link schemes to the page. An address whose secret was masked (`…/[secret]`) stays text.
 */
export function linkedText(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const match of text.matchAll(urlPattern)) {
    const url = match[0].replace(/[.,;:!?)]+$/, '');
    const start = match.index;
    const end = start + url.length;
    if (text.startsWith('[secret]', end)) continue;
    parts.push(text.slice(at, start));
    parts.push(
      <a key={start} href={url} rel="noreferrer">
        {url}
      </a>,
    );
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}

function MailList({ t }: { t: OutboxTexts }) {
  const { language } = useLanguage();
  const [before, setBefore] = useState<string | undefined>(undefined);
  const { data, error, loading } = useApi<OutboxPage>('/api/v1/outbox', { before, limit: 50 });
  if (loading && !data) return <Loading />;
  if (error) return <ErrorMessage error={error} />;
  if (!data) return null;
  return (
    <>
      {data.mails.some((m) => m.recipientMasked) && <p className="muted">{t.masked}</p>}
      {data.mails.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul className="outbox-list">
          {data.mails.map((mail) => (
            <li key={mail.id}>
              <Link to={`/outbox/${mail.id}`}>{mail.subject}</Link>
              <span className="outbox-meta">
                <span>
                  <span className="visually-hidden">{t.to}: </span>
                  {mail.recipient}
                </span>
                <span>
                  <span className="visually-hidden">{t.state}: </span>
                  {stateOf(mail, t)}
                </span>
                <span>
                  <span className="visually-hidden">{t.time}: </span>
                  <time dateTime={mail.createdAt}>{formatDateTime(mail.createdAt, language)}</time>
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="outbox-paging">
        {before && (
          <button type="button" className="secondary" onClick={() => setBefore(undefined)}>
            {t.newest}
          </button>
        )}
        {data.nextBefore && (
          <button type="button" className="secondary" onClick={() => setBefore(data.nextBefore ?? undefined)}>
            {t.older}
          </button>
        )}
      </p>
    </>
  );
}

function MailView({ id, t }: { id: string; t: OutboxTexts }) {
  const { language } = useLanguage();
  const { data, error, loading } = useApi<OutboxMail>(`/api/v1/outbox/${id}`);
  return (
    <>
      <p>
        <Link to="/outbox">{t.back}</Link>
      </p>
      {loading && !data ? <Loading /> : <ErrorMessage error={error} />}
      {data && (
        <article aria-labelledby="outbox-subject">
          <PageTitle>
            <span id="outbox-subject">{data.subject}</span>
          </PageTitle>
          <dl className="outbox-facts">
            <dt>{t.to}</dt>
            <dd>{data.recipient}</dd>
            <dt>{t.state}</dt>
            <dd>{stateOf(data, t)}</dd>
            <dt>{t.time}</dt>
            <dd>{formatDateTime(data.createdAt, language)}</dd>
            <dt>{t.kind}</dt>
            <dd>
              <code>{data.template}</code>
            </dd>
          </dl>
          {data.secretsMasked && <p className="muted">{t.masked}</p>}
          {data.text === null ? <p>{t.textHidden}</p> : <pre className="outbox-text">{linkedText(data.text)}</pre>}
        </article>
      )}
    </>
  );
}

function Outbox() {
  const t = useTexts(texts);
  const path = usePath();
  const id = /^\/outbox\/([0-9a-f-]{36})$/.exec(path)?.[1];
  return (
    <div className="outbox">
      {id ? (
        <MailView key={id} id={id} t={t} />
      ) : (
        <>
          <PageTitle>{t.title}</PageTitle>
          <p>{t.intro}</p>
          <MailList t={t} />
        </>
      )}
    </div>
  );
}

export const outboxPage: ConsolePage = {
  path: '/outbox',
  title: { en: texts.en.title, nl: texts.nl.title, fr: texts.fr.title, de: texts.de?.title ?? texts.en.title },
  scope: 'mail:read',
  Component: Outbox,
};

const bannerTexts: Texts<{ kept: string; open: string }> = {
  en: { kept: 'SMTP is not configured: mail is kept in the Outbox, not sent.', open: 'Open the Outbox' },
  nl: { kept: 'SMTP is niet ingesteld: e-mail wordt in de Outbox bewaard, niet verstuurd.', open: 'Outbox openen' },
  fr: {
    kept: 'SMTP n’est pas configuré : les e-mails sont conservés dans la boîte d’envoi, non envoyés.',
    open: 'Ouvrir la boîte d’envoi',
  },
  de: {
    kept: 'SMTP ist nicht eingerichtet: E-Mails werden im Postausgang aufbewahrt, nicht versandt.',
    open: 'Postausgang öffnen',
  },
};

/** Whether mail is sent, asked once per load of the console (it changes only with the server's configuration). */
let known: 'smtp' | 'outbox' | undefined;

/**
 * The banner on every console page while SMTP is not configured, so that nobody waits for a mail that never leaves
 * the machine. Shown to every signed-in person; the link to the Outbox only to those who may read it.
 */
export function MailBanner({ canRead }: { canRead: boolean }) {
  const t = useTexts(bannerTexts);
  const [state, setState] = useState<'smtp' | 'outbox' | undefined>(known);
  useEffect(() => {
    if (known) return;
    let live = true;
    api<{ delivery: 'smtp' | 'outbox' }>('/api/v1/mail/delivery').then(
      (body) => {
        known = body.delivery;
        if (live) setState(body.delivery);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (state !== 'outbox') return null;
  return (
    <p className="notice mail-banner">
      {t.kept}
      {canRead && (
        <>
          {' '}
          <Link to="/outbox">{t.open}</Link>
        </>
      )}
    </p>
  );
}
