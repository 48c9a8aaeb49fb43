/**
 * Notices: the published versions of each site's privacy notice with what changed in each, marking a change as
 * significant (which emails everyone who asked to be told), the subscribers by language, and where to find the
 * notice and cookie policy in every format (page, PDF, Markdown, embeddable fragment).
 */
import { useState } from 'react';
import type { CharterOverview, DeclaredSite } from '../../../../src/charter/schemas.js';
import type { NoticeChanges, NoticeSubscribers, NoticeVersions } from '../../../../src/notices/schemas.js';
import { api } from '../api.js';
import { ErrorMessage, Loading, PageTitle, useApi, useMutation, TableRegion } from '../components.js';
import { formatDateTime, useLanguage, useTexts, type Language } from '../i18n.js';
import type { ConsolePage } from './types.js';
import './records.css';

const texts = {
  en: {
    title: 'Notices',
    intro:
      'Every charter revision that changes what a notice says publishes a new version. Mark a change as significant to email the people who asked to be told.',
    site: 'Site',
    versions: 'Published versions',
    version: 'Version',
    published: 'Published',
    languages: 'Languages',
    changes: 'What changed',
    status: 'Significant change',
    first: 'First published version.',
    noChange: 'Wording only.',
    significant: 'Significant change',
    mark: 'Mark as significant…',
    notify: (n: number) => `Email the ${n} confirmed subscriber${n === 1 ? '' : 's'} of this site`,
    note: 'Note for the record (optional)',
    confirm: 'Mark as significant',
    cancel: 'Cancel',
    done: (sent: number, queued: number) =>
      `Marked as significant. ${sent} of ${queued} emails sent${queued > sent ? '; the rest will be retried' : ''}.`,
    subscribers: 'People who asked to be told of changes',
    confirmed: 'confirmed',
    pending: 'waiting for confirmation',
    noSubscribers: 'Nobody has asked yet.',
    publish: 'Where the notice is published',
    page: 'page',
    pdf: 'PDF',
    markdown: 'Markdown',
    cookies: 'cookie policy',
    embed: 'To embed the notice in a page of the site, fetch this fragment and include the stylesheet:',
    history: 'version history',
  },
  nl: {
    title: 'Privacyverklaringen',
    intro:
      'Elke charterrevisie die verandert wat een verklaring zegt, publiceert een nieuwe versie. Markeer een wijziging als ingrijpend om wie daarom vroeg per e-mail te verwittigen.',
    site: 'Website',
    versions: 'Gepubliceerde versies',
    version: 'Versie',
    published: 'Gepubliceerd',
    languages: 'Talen',
    changes: 'Wat er veranderde',
    status: 'Ingrijpende wijziging',
    first: 'Eerste gepubliceerde versie.',
    noChange: 'Alleen de formulering.',
    significant: 'Ingrijpende wijziging',
    mark: 'Markeren als ingrijpend…',
    notify: (n: number) => `De ${n} bevestigde ${n === 1 ? 'abonnee' : 'abonnees'} van deze website mailen`,
    note: 'Notitie voor het dossier (optioneel)',
    confirm: 'Markeren als ingrijpend',
    cancel: 'Annuleren',
    done: (sent: number, queued: number) =>
      `Gemarkeerd als ingrijpend. ${sent} van ${queued} e-mails verstuurd${queued > sent ? '; de rest wordt opnieuw geprobeerd' : ''}.`,
    subscribers: 'Wie op de hoogte wil blijven van wijzigingen',
    confirmed: 'bevestigd',
    pending: 'wacht op bevestiging',
    noSubscribers: 'Nog niemand heeft erom gevraagd.',
    publish: 'Waar de verklaring gepubliceerd is',
    page: 'pagina',
    pdf: 'pdf',
    markdown: 'Markdown',
    cookies: 'cookiebeleid',
    embed:
      'Om de verklaring in een pagina van de website op te nemen, haalt u dit fragment op en voegt u het stijlblad toe:',
    history: 'versiegeschiedenis',
  },
  fr: {
    title: 'Déclarations',
    intro:
      'Chaque révision de la charte qui change le contenu d’une déclaration en publie une nouvelle version. Marquez une modification comme importante pour prévenir par e-mail les personnes qui l’ont demandé.',
    site: 'Site',
    versions: 'Versions publiées',
    version: 'Version',
    published: 'Publiée le',
    languages: 'Langues',
    changes: 'Ce qui a changé',
    status: 'Modification importante',
    first: 'Première version publiée.',
    noChange: 'Formulation uniquement.',
    significant: 'Modification importante',
    mark: 'Marquer comme importante…',
    notify: (n: number) => `Écrire aux ${n} abonné${n === 1 ? '' : 's'} confirmé${n === 1 ? '' : 's'} de ce site`,
    note: 'Note pour le dossier (facultatif)',
    confirm: 'Marquer comme importante',
    cancel: 'Annuler',
    done: (sent: number, queued: number) =>
      `Marquée comme importante. ${sent} e-mail${sent === 1 ? '' : 's'} sur ${queued} envoyé${sent === 1 ? '' : 's'}${queued > sent ? ' ; les autres seront réessayés' : ''}.`,
    subscribers: 'Personnes qui souhaitent être prévenues des modifications',
    confirmed: 'confirmées',
    pending: 'en attente de confirmation',
    noSubscribers: 'Personne ne l’a encore demandé.',
    publish: 'Où la déclaration est publiée',
    page: 'page',
    pdf: 'PDF',
    markdown: 'Markdown',
    cookies: 'politique en matière de cookies',
    embed: 'Pour intégrer la déclaration dans une page du site, récupérez ce fragment et ajoutez la feuille de style :',
    history: 'historique des versions',
  },
  de: {
    title: 'Datenschutzhinweise',
    intro:
      'Jede Revision der Charter, die den Inhalt eines Hinweises ändert, veröffentlicht eine neue Fassung. Markieren Sie eine Änderung als wesentlich, um die Personen per E-Mail zu informieren, die darum gebeten haben.',
    site: 'Website',
    versions: 'Veröffentlichte Fassungen',
    version: 'Fassung',
    published: 'Veröffentlicht',
    languages: 'Sprachen',
    changes: 'Was sich geändert hat',
    status: 'Wesentliche Änderung',
    first: 'Erste veröffentlichte Fassung.',
    noChange: 'Nur Formulierungen.',
    significant: 'Wesentliche Änderung',
    mark: 'Als wesentlich markieren…',
    notify: (n: number) =>
      `${n === 1 ? 'Die bestätigte Abonnentin bzw. den bestätigten Abonnenten' : `Die ${n} bestätigten Abonnenten`} dieser Website per E-Mail informieren`,
    note: 'Vermerk für die Akten (optional)',
    confirm: 'Als wesentlich markieren',
    cancel: 'Abbrechen',
    done: (sent: number, queued: number) =>
      `Als wesentlich markiert. ${sent} von ${queued} E-Mails gesendet${queued > sent ? '; die übrigen werden erneut versucht' : ''}.`,
    subscribers: 'Personen, die über Änderungen informiert werden möchten',
    confirmed: 'bestätigt',
    pending: 'wartet auf Bestätigung',
    noSubscribers: 'Bisher hat niemand darum gebeten.',
    publish: 'Wo der Hinweis veröffentlicht ist',
    page: 'Seite',
    pdf: 'PDF',
    markdown: 'Markdown',
    cookies: 'Cookie-Richtlinie',
    embed:
      'Um den Hinweis in eine Seite der Website einzubetten, rufen Sie dieses Fragment ab und binden Sie das Stylesheet ein:',
    history: 'Versionsverlauf',
  },
};

function Changes({ site, version, language }: { site: string; version: number; language: Language }) {
  const t = useTexts(texts);
  const { data, error } = useApi<NoticeChanges>(`/api/v1/notices/${site}/changes`, {
    version,
    lang: language,
  });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <span className="muted">…</span>;
  if (data.changes.length === 0) return <>{data.previous === null ? t.first : t.noChange}</>;
  return (
    <ul className="plain-list">
      {data.changes.map((change, i) => (
        <li key={i}>{change.text}</li>
      ))}
    </ul>
  );
}

function MarkSignificant({
  site,
  version,
  confirmedSubscribers,
  onDone,
}: {
  site: string;
  version: number;
  confirmedSubscribers: number;
  onDone: (message: string) => void;
}) {
  const t = useTexts(texts);
  const [open, setOpen] = useState(false);
  const [notify, setNotify] = useState(true);
  const [note, setNote] = useState('');
  const mutation = useMutation();
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {t.mark}
      </button>
    );
  }
  const submit = async () => {
    const done = await mutation.run(() =>
      api<{ queued: number; sent: number; failed: number }>(`/api/v1/notices/${site}/versions/${version}/significant`, {
        method: 'POST',
        body: { kind: 'privacy-notice', notify, ...(note ? { note } : {}) },
      }),
    );
    if (done) onDone(t.done(done.sent, done.queued));
  };
  return (
    <fieldset>
      <legend>
        {t.version} {version}
      </legend>
      <div className="checkbox">
        <input
          id={`notify-${version}`}
          type="checkbox"
          checked={notify}
          onChange={(event) => setNotify(event.target.checked)}
        />
        <label htmlFor={`notify-${version}`}>{t.notify(confirmedSubscribers)}</label>
      </div>
      <label htmlFor={`note-${version}`}>{t.note}</label>
      <textarea id={`note-${version}`} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
      <p>
        <button type="button" disabled={mutation.pending} onClick={() => void submit()}>
          {t.confirm}
        </button>{' '}
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t.cancel}
        </button>
      </p>
      <ErrorMessage error={mutation.error} />
    </fieldset>
  );
}

function SiteNotices({ site, languages }: { site: DeclaredSite; languages: string[] }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const versions = useApi<NoticeVersions>(`/api/v1/notices/${site.id}/versions`);
  const subscribers = useApi<NoticeSubscribers>(`/api/v1/notices/${site.id}/subscribers`);
  const confirmed = (subscribers.data?.subscribers ?? [])
    .filter((s) => s.status === 'confirmed')
    .reduce((n, s) => n + s.count, 0);
  const origin = window.location.origin;
  // Outside the table, so it stays when the row it came from re-renders; a live region announces it.
  const [message, setMessage] = useState('');
  return (
    <>
      <h2 id="versions">{t.versions}</h2>
      <p role="status">{message}</p>
      {versions.loading && !versions.data ? <Loading /> : <ErrorMessage error={versions.error} />}
      {versions.data && (
        <TableRegion label={t.versions}>
          <table aria-labelledby="versions">
            <thead>
              <tr>
                <th scope="col">{t.version}</th>
                <th scope="col">{t.published}</th>
                <th scope="col">{t.languages}</th>
                <th scope="col">{t.changes}</th>
                <th scope="col">{t.status}</th>
              </tr>
            </thead>
            <tbody>
              {versions.data.versions.map((v) => (
                <tr key={v.version}>
                  <th scope="row">{v.version}</th>
                  <td>{formatDateTime(v.publishedAt, language)}</td>
                  <td>{v.languages.map((l) => l.toUpperCase()).join(', ')}</td>
                  <td>
                    <Changes site={site.id} version={v.version} language={language} />
                  </td>
                  <td>
                    {v.significant ? (
                      <span className="badge badge-info">{t.significant}</span>
                    ) : (
                      <MarkSignificant
                        site={site.id}
                        version={v.version}
                        confirmedSubscribers={confirmed}
                        onDone={(text) => {
                          setMessage(text);
                          void versions.reload();
                        }}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}

      <h2 id="subscribers">{t.subscribers}</h2>
      {subscribers.loading && !subscribers.data ? <Loading /> : <ErrorMessage error={subscribers.error} />}
      {subscribers.data &&
        (subscribers.data.subscribers.length === 0 ? (
          <p>{t.noSubscribers}</p>
        ) : (
          <ul className="plain-list">
            {subscribers.data.subscribers.map((s) => (
              <li key={`${s.status}-${s.language}`}>
                {s.language.toUpperCase()}: {s.count} {s.status === 'confirmed' ? t.confirmed : t.pending}
              </li>
            ))}
          </ul>
        ))}

      <h2 id="publish">{t.publish}</h2>
      <ul className="download-list">
        {languages.map((l) => (
          <li key={l}>
            <strong>{l.toUpperCase()}</strong>: <a href={`/privacy/${site.id}/notice?lang=${l}`}>{t.page}</a> ·{' '}
            <a href={`/privacy/${site.id}/notice?lang=${l}&format=pdf`}>{t.pdf}</a> ·{' '}
            <a href={`/privacy/${site.id}/notice?lang=${l}&format=md`}>{t.markdown}</a> ·{' '}
            <a href={`/privacy/${site.id}/cookies?lang=${l}`}>{t.cookies}</a> ·{' '}
            <a href={`/privacy/${site.id}/notice/versions?lang=${l}`}>{t.history}</a>
          </li>
        ))}
      </ul>
      <p>{t.embed}</p>
      <p>
        <code className="data">{`${origin}/privacy/${site.id}/notice?lang=${languages[0] ?? 'en'}&format=fragment`}</code>
        <br />
        <code className="data">{`<link rel="stylesheet" href="${origin}/assets/notice.css">`}</code>
      </p>
    </>
  );
}

function Notices() {
  const t = useTexts(texts);
  const overview = useApi<CharterOverview>('/api/v1/charter/overview');
  const [chosen, setChosen] = useState<string>();
  const sites = overview.data?.charter.sites ?? [];
  const site = sites.find((s) => s.id === chosen) ?? sites[0];
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p className="muted">{t.intro}</p>
      {overview.loading && !overview.data ? <Loading /> : <ErrorMessage error={overview.error} />}
      {sites.length > 1 && (
        <>
          <label htmlFor="notice-site">{t.site}</label>
          <select id="notice-site" value={site?.id} onChange={(event) => setChosen(event.target.value)}>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.domain})
              </option>
            ))}
          </select>
        </>
      )}
      {site && (
        <SiteNotices key={site.id} site={site} languages={site.languages ?? overview.data?.charter.languages ?? []} />
      )}
    </>
  );
}

export const noticesPage: ConsolePage = {
  path: '/notices',
  title: { en: 'Notices', nl: 'Privacyverklaringen', fr: 'Déclarations', de: 'Hinweise' },
  scope: 'notices:read',
  Component: Notices,
};
