/**
 * Website scans: every declared site with its latest scan, and per site the findings (what was seen, the fix, the
 * article, a draft declaration to paste) and the history. "Scan now" queues a scan of the declared domain.
 */
import { useState, type ReactNode } from 'react';
import type { SiteScanRecord, SiteScanRow } from '../../../../src/sites/schemas.js';
import { describeFinding } from '../../../../src/sites/texts.js';
import { api } from '../api.js';
import { ErrorMessage, Loading, PageTitle, useApi, useMutation } from '../components.js';
import { formatDateTime, useLanguage, useTexts } from '../i18n.js';
import { Link, usePath } from '../router.js';
import { useSession } from '../session.js';
import type { ConsolePage } from './types.js';

const texts = {
  en: {
    title: 'Website scans',
    intro:
      'Each declared site is visited daily in Chromium before a choice, after Reject all, after Accept all and with Global Privacy Control on, and compared with the charter.',
    site: 'Site',
    lastScan: 'Last scan',
    violations: 'Violations',
    warnings: 'Warnings',
    newFindings: 'New',
    never: 'not scanned yet',
    scanNow: 'Scan now',
    queued: 'Scan queued: it appears here when done.',
    alreadyQueued: 'A scan of this site is already queued.',
    findings: 'Findings of the latest scan',
    noFindings: 'No finding: the site does what the charter says.',
    history: 'History',
    back: 'All sites',
    page: 'Page',
    setBy: 'set by',
    draft: 'Draft declaration to paste under cookies:',
    status: { running: 'running', completed: 'completed', failed: 'failed' },
    pages: 'Pages',
    started: 'Started',
  },
  nl: {
    title: 'Websitescans',
    intro:
      'Elke verklaarde site wordt dagelijks in Chromium bezocht vóór een keuze, na Alles weigeren, na Alles accepteren en met Global Privacy Control aan, en vergeleken met de charter.',
    site: 'Site',
    lastScan: 'Laatste scan',
    violations: 'Overtredingen',
    warnings: 'Waarschuwingen',
    newFindings: 'Nieuw',
    never: 'nog niet gescand',
    scanNow: 'Nu scannen',
    queued: 'Scan in de wachtrij: hij verschijnt hier zodra hij klaar is.',
    alreadyQueued: 'Er staat al een scan van deze site in de wachtrij.',
    findings: 'Bevindingen van de laatste scan',
    noFindings: 'Geen bevinding: de site doet wat de charter zegt.',
    history: 'Geschiedenis',
    back: 'Alle sites',
    page: 'Pagina',
    setBy: 'geplaatst door',
    draft: 'Ontwerpverklaring om onder cookies: te plakken',
    status: { running: 'bezig', completed: 'voltooid', failed: 'mislukt' },
    pages: "Pagina's",
    started: 'Gestart',
  },
  fr: {
    title: 'Analyses des sites',
    intro:
      'Chaque site déclaré est visité chaque jour dans Chromium avant tout choix, après Tout refuser, après Tout accepter et avec Global Privacy Control activé, puis comparé à la charte.',
    site: 'Site',
    lastScan: 'Dernière analyse',
    violations: 'Violations',
    warnings: 'Avertissements',
    newFindings: 'Nouveaux',
    never: 'pas encore analysé',
    scanNow: 'Analyser maintenant',
    queued: 'Analyse en file d’attente : elle apparaîtra ici une fois terminée.',
    alreadyQueued: 'Une analyse de ce site est déjà en file d’attente.',
    findings: 'Constats de la dernière analyse',
    noFindings: 'Aucun constat : le site fait ce que dit la charte.',
    history: 'Historique',
    back: 'Tous les sites',
    page: 'Page',
    setBy: 'déposé par',
    draft: 'Projet de déclaration à coller sous cookies:',
    status: { running: 'en cours', completed: 'terminée', failed: 'échouée' },
    pages: 'Pages',
    started: 'Début',
  },
  de: {
    title: 'Website-Scans',
    intro:
      'Jede angegebene Website wird täglich in Chromium besucht – vor einer Auswahl, nach Alle ablehnen, nach Alle akzeptieren und mit aktivierter Global Privacy Control – und mit der Charter verglichen.',
    site: 'Website',
    lastScan: 'Letzter Scan',
    violations: 'Verstöße',
    warnings: 'Warnungen',
    newFindings: 'Neu',
    never: 'noch nicht gescannt',
    scanNow: 'Jetzt scannen',
    queued: 'Scan eingereiht: Er erscheint hier, sobald er fertig ist.',
    alreadyQueued: 'Ein Scan dieser Website ist bereits eingereiht.',
    findings: 'Befunde des letzten Scans',
    noFindings: 'Kein Befund: Die Website tut, was die Charter sagt.',
    history: 'Verlauf',
    back: 'Alle Websites',
    page: 'Seite',
    setBy: 'gesetzt von',
    draft: 'Entwurf zum Einfügen unter cookies:',
    status: { running: 'läuft', completed: 'abgeschlossen', failed: 'fehlgeschlagen' },
    pages: 'Seiten',
    started: 'Begonnen',
  },
};

function ScanNow({ site }: { site: string }) {
  const t = useTexts(texts);
  const mutation = useMutation();
  const [answer, setAnswer] = useState<boolean | undefined>();
  const scan = async () => {
    const result = await mutation.run(() =>
      api<{ queued: boolean }>(`/api/v1/sites/${encodeURIComponent(site)}/scans`, { method: 'POST', body: {} }),
    );
    if (result) setAnswer(result.queued);
  };
  return (
    <>
      <button type="button" onClick={() => void scan()} disabled={mutation.pending}>
        {t.scanNow}
      </button>
      {answer !== undefined && <p role="status">{answer ? t.queued : t.alreadyQueued}</p>}
      <ErrorMessage error={mutation.error} />
    </>
  );
}

/**
 * The scans table of the site list and of a site's history: two columns of their own, then the counts of the scan.
 * Focusable so that keyboard users can scroll it at 390 px.
 */
function ScanCountsTable({
  label,
  first,
  second,
  children,
}: {
  label: string;
  first: string;
  second: string;
  children: ReactNode;
}) {
  const t = useTexts(texts);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col">{second}</th>
            <th scope="col">{t.violations}</th>
            <th scope="col">{t.warnings}</th>
            <th scope="col">{t.newFindings}</th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function SiteList() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const { data, error, loading } = useApi<{ sites: SiteScanRow[] }>('/api/v1/site-scans');
  return (
    <>
      {loading && !data ? <Loading /> : <ErrorMessage error={error} />}
      {data && (
        <ScanCountsTable label={t.title} first={t.site} second={t.lastScan}>
          {data.sites.map((site) => (
            <tr key={site.id}>
              <th scope="row">
                <Link to={`/sites/${encodeURIComponent(site.id)}`}>{site.name}</Link>
                <br />
                <span className="muted">{site.domain}</span>
              </th>
              <td>
                {site.latest
                  ? `${formatDateTime(site.latest.startedAt, language)} (${t.status[site.latest.status]})`
                  : t.never}
              </td>
              <td>{site.latest?.violations ?? '—'}</td>
              <td>{site.latest?.warnings ?? '—'}</td>
              <td>{site.latest?.newFindings ?? '—'}</td>
            </tr>
          ))}
        </ScanCountsTable>
      )}
    </>
  );
}

function SiteDetail({ site }: { site: string }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const { can } = useSession();
  const latest = useApi<SiteScanRecord>(`/api/v1/sites/${encodeURIComponent(site)}/scans/latest`);
  const history = useApi<{ scans: SiteScanRecord[] }>(`/api/v1/sites/${encodeURIComponent(site)}/scans`);
  const notYet = latest.error && (latest.error as { status?: number }).status === 404;
  return (
    <>
      <p>
        <Link to="/sites">{t.back}</Link>
      </p>
      <h2>{site}</h2>
      {can('consent:write') && <ScanNow site={site} />}
      <h3>{t.findings}</h3>
      {latest.loading && !latest.data ? <Loading /> : notYet ? <p>{t.never}</p> : <ErrorMessage error={latest.error} />}
      {latest.data && (latest.data.findings ?? []).length === 0 && <p>{t.noFindings}</p>}
      {latest.data && (latest.data.findings ?? []).length > 0 && (
        <ul className="warning-list">
          {(latest.data.findings ?? []).map((finding, i) => {
            const text = describeFinding(finding, language);
            return (
              <li key={i}>
                <span
                  className={`badge ${finding.severity === 'violation' ? 'badge-error' : finding.severity === 'warning' ? 'badge-warning' : ''}`}
                >
                  {text.severity}
                </span>{' '}
                {text.what}
                <br />
                {text.fix} <span className="muted">({finding.article})</span>
                {finding.page && (
                  <>
                    <br />
                    <span className="muted">
                      {t.page}: {finding.page}
                      {finding.setter ? ` — ${t.setBy} ${finding.setter}` : ''}
                    </span>
                  </>
                )}
                {finding.draft && (
                  <details>
                    <summary>{t.draft}</summary>
                    <pre tabIndex={0}>{finding.draft}</pre>
                  </details>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h3>{t.history}</h3>
      {history.data && (
        <ScanCountsTable label={t.history} first={t.started} second={t.pages}>
          {history.data.scans.map((scan) => (
            <tr key={scan.id}>
              <th scope="row">
                {formatDateTime(scan.startedAt, language)} ({t.status[scan.status]})
              </th>
              <td>{scan.pages.length}</td>
              <td>{scan.violations}</td>
              <td>{scan.warnings}</td>
              <td>{scan.newFindings}</td>
            </tr>
          ))}
        </ScanCountsTable>
      )}
    </>
  );
}

const driftTexts = {
  en: {
    drift: (n: number, site: string) => `The latest scan of ${site} found ${n} new finding${n === 1 ? '' : 's'}.`,
    open: 'See the findings',
  },
  nl: {
    drift: (n: number, site: string) =>
      `De laatste scan van ${site} vond ${n} ${n === 1 ? 'nieuwe bevinding' : 'nieuwe bevindingen'}.`,
    open: 'Bekijk de bevindingen',
  },
  fr: {
    drift: (n: number, site: string) =>
      `La dernière analyse de ${site} a trouvé ${n} ${n === 1 ? 'nouveau constat' : 'nouveaux constats'}.`,
    open: 'Voir les constats',
  },
  de: {
    drift: (n: number, site: string) =>
      `Der letzte Scan von ${site} fand ${n} ${n === 1 ? 'neuen Befund' : 'neue Befunde'}.`,
    open: 'Befunde ansehen',
  },
};

/** For the Overview: the sites whose latest scan found something new (drift); nothing when there is none. */
export function SiteScanDrift() {
  const t = useTexts(driftTexts);
  const { data } = useApi<{ sites: SiteScanRow[] }>('/api/v1/site-scans');
  const drifted = (data?.sites ?? []).filter((site) => (site.latest?.newFindings ?? 0) > 0);
  if (drifted.length === 0) return null;
  return (
    <ul className="warning-list">
      {drifted.map((site) => (
        <li key={site.id}>
          {t.drift(site.latest!.newFindings, site.domain)}{' '}
          <Link to={`/sites/${encodeURIComponent(site.id)}`}>{t.open}</Link>
        </li>
      ))}
    </ul>
  );
}

function Sites() {
  const t = useTexts(texts);
  const path = usePath();
  const site = path.startsWith('/sites/') ? decodeURIComponent(path.slice('/sites/'.length)) : undefined;
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p className="muted">{t.intro}</p>
      {site ? <SiteDetail site={site} /> : <SiteList />}
    </>
  );
}

export const sitesPage: ConsolePage = {
  path: '/sites',
  title: { en: 'Website scans', nl: 'Websitescans', fr: 'Analyses des sites', de: 'Website-Scans' },
  scope: 'consent:read',
  Component: Sites,
};
