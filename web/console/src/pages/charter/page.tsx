/**
 * Charter: edit the declaration in the console (a YAML editor with completion from the charter's JSON Schema and every
 * problem at its line as you type), preview what changes for readers of each site's notice in each language, publish
 * through the same gate as `charter apply`, and the revision history with each revision's line diff and rollback to
 * an earlier revision as a new one. This module and the editor (CodeMirror) are chunks of their own, loaded when the
 * page opens (pages/charter.tsx registers it).
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { JSONSchema7 } from 'json-schema';
import { ruleTitle } from '../../../../../src/charter/finding-texts.js';
import { diffLines, type DiffLine } from '../../../../../src/charter/line-diff.js';
import { api } from '../../api.js';
import { ErrorMessage, Loading, PageTitle, useApi, useMutation } from '../../components.js';
import { FindingsList, type ShownFinding } from '../../findings.js';
import { formatDateTime, languageNames, useLanguage, useTexts, type Language } from '../../i18n.js';
import { queryParam } from '../../router.js';
import { useSession } from '../../session.js';
import type { EditorHandle, EditorProblem } from './yaml-editor.js';
import './page.css';

const YamlEditor = lazy(() => import('./yaml-editor.js'));

interface LintResponse {
  valid: boolean;
  revision?: string;
  problems: {
    line: number;
    column: number;
    path: string;
    code: string;
    message: string;
    severity: 'error' | 'warning';
  }[];
  findings: {
    rule: string;
    severity: 'error' | 'warning' | 'info';
    article: string;
    path: string;
    line: number;
    column: number;
    message: string;
  }[];
}
interface Change {
  kind: string;
  text: string;
}
interface PreviewResponse {
  check: LintResponse;
  activeSeq?: number;
  preview?: {
    sites: {
      site: string;
      name: string;
      added: boolean;
      languages: { language: Language; notice: Change[]; cookies: Change[] }[];
    }[];
    removedSites: string[];
  };
}
interface RevisionSummary {
  seq: number;
  revision: string;
  createdAt: string;
  createdBy: string;
  createdByEmail?: string;
  restoredFrom: number | null;
}
interface RevisionDetail extends RevisionSummary {
  active: boolean;
  yaml: string;
  previous: { seq: number; yaml: string } | null;
}

const texts = {
  en: {
    title: 'Charter',
    intro:
      'Edit charter.yaml, see every problem as you type, preview what changes for the readers of your notices, then publish. Every revision stays in the history and can be restored.',
    editor: 'charter.yaml',
    help: 'Keyboard: Tab indents inside the editor. To leave the editor, press Escape, then Tab (or Shift+Tab). Ctrl+Space suggests keys and values from the charter schema; F8 goes to the next problem.',
    loadingEditor: 'Loading the editor…',
    checking: 'Checking…',
    noProblems: 'No problems: the charter can be published.',
    counts: (errors: number, warnings: number, notes: number) =>
      `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, ${notes} ${notes === 1 ? 'note' : 'notes'}.`,
    problems: 'Problems',
    preview: 'Preview changes',
    previewTitle: 'What changes for readers',
    stale: 'The text changed since this preview: preview again before publishing.',
    fixFirst: 'The charter has errors: fix them before publishing.',
    newSite: 'New site: its notice and cookie policy will be first versions.',
    removedSites: (ids: string) => `These sites are no longer in the charter: ${ids}.`,
    notice: 'Privacy notice',
    cookies: 'Cookie policy',
    noChange: 'No change.',
    publish: 'Publish',
    published: (seq: number) => `Published as revision ${seq}.`,
    unchanged: (seq: number) => `Nothing to publish: this text is already the active revision ${seq}.`,
    viewerNote: 'Your role can check and preview changes, but not publish them.',
    history: 'History',
    revision: (seq: number) => `Revision ${seq}`,
    by: 'by',
    apiToken: 'an API token',
    system: 'the server (charter file)',
    activeNow: 'active',
    restores: (seq: number) => `restores revision ${seq}`,
    showDiff: 'Changes from the revision before',
    hideDiff: 'Hide changes',
    firstRevision: 'First revision: everything was added.',
    rollback: 'Roll back to this revision…',
    confirmRollback: (seq: number) =>
      `Publish the content of revision ${seq} again, as a new revision? It passes the same checks as any publication.`,
    yesRollback: 'Yes, roll back',
    cancel: 'Cancel',
    rolledBack: (seq: number, from: number) =>
      `Rolled back: revision ${seq} restores revision ${from}. The editor now shows it.`,
    skipped: (n: number) => `… ${n} unchanged ${n === 1 ? 'line' : 'lines'}`,
    added: 'added',
    removed: 'removed',
    diffLabel: (seq: number) => `Line changes of revision ${seq}`,
  },
  nl: {
    title: 'Charter',
    intro:
      'Bewerk charter.yaml, zie elk probleem terwijl u typt, bekijk wat er verandert voor de lezers van uw verklaringen en publiceer. Elke revisie blijft in de geschiedenis en kan worden teruggezet.',
    editor: 'charter.yaml',
    help: 'Toetsenbord: Tab springt in binnen de editor. Om de editor te verlaten drukt u op Escape en dan op Tab (of Shift+Tab). Ctrl+Spatie stelt sleutels en waarden voor uit het charterschema; F8 gaat naar het volgende probleem.',
    loadingEditor: 'De editor wordt geladen…',
    checking: 'Controleren…',
    noProblems: 'Geen problemen: het charter kan gepubliceerd worden.',
    counts: (errors: number, warnings: number, notes: number) =>
      `${errors} ${errors === 1 ? 'fout' : 'fouten'}, ${warnings} ${warnings === 1 ? 'waarschuwing' : 'waarschuwingen'}, ${notes} ${notes === 1 ? 'opmerking' : 'opmerkingen'}.`,
    problems: 'Problemen',
    preview: 'Wijzigingen bekijken',
    previewTitle: 'Wat er verandert voor lezers',
    stale: 'De tekst is gewijzigd sinds dit voorbeeld: bekijk opnieuw voor u publiceert.',
    fixFirst: 'Het charter bevat fouten: los ze op voor u publiceert.',
    newSite: 'Nieuwe website: de verklaring en het cookiebeleid worden eerste versies.',
    removedSites: (ids: string) => `Deze websites staan niet meer in het charter: ${ids}.`,
    notice: 'Privacyverklaring',
    cookies: 'Cookiebeleid',
    noChange: 'Geen wijziging.',
    publish: 'Publiceren',
    published: (seq: number) => `Gepubliceerd als revisie ${seq}.`,
    unchanged: (seq: number) => `Niets te publiceren: deze tekst is al de actieve revisie ${seq}.`,
    viewerNote: 'Met uw rol kunt u wijzigingen controleren en bekijken, maar niet publiceren.',
    history: 'Geschiedenis',
    revision: (seq: number) => `Revisie ${seq}`,
    by: 'door',
    apiToken: 'een API-token',
    system: 'de server (charterbestand)',
    activeNow: 'actief',
    restores: (seq: number) => `zet revisie ${seq} terug`,
    showDiff: 'Wijzigingen t.o.v. de vorige revisie',
    hideDiff: 'Wijzigingen verbergen',
    firstRevision: 'Eerste revisie: alles werd toegevoegd.',
    rollback: 'Terugzetten naar deze revisie…',
    confirmRollback: (seq: number) =>
      `De inhoud van revisie ${seq} opnieuw publiceren, als nieuwe revisie? Ze doorloopt dezelfde controles als elke publicatie.`,
    yesRollback: 'Ja, terugzetten',
    cancel: 'Annuleren',
    rolledBack: (seq: number, from: number) =>
      `Teruggezet: revisie ${seq} herstelt revisie ${from}. De editor toont ze nu.`,
    skipped: (n: number) => `… ${n} ongewijzigde ${n === 1 ? 'regel' : 'regels'}`,
    added: 'toegevoegd',
    removed: 'verwijderd',
    diffLabel: (seq: number) => `Regelwijzigingen van revisie ${seq}`,
  },
  fr: {
    title: 'Charte',
    intro:
      'Modifiez charter.yaml, voyez chaque problème pendant la saisie, prévisualisez ce qui change pour les lecteurs de vos déclarations, puis publiez. Chaque révision reste dans l’historique et peut être restaurée.',
    editor: 'charter.yaml',
    help: 'Clavier : Tab indente dans l’éditeur. Pour quitter l’éditeur, appuyez sur Échap, puis sur Tab (ou Maj+Tab). Ctrl+Espace propose des clés et des valeurs du schéma de la charte ; F8 va au problème suivant.',
    loadingEditor: 'Chargement de l’éditeur…',
    checking: 'Vérification…',
    noProblems: 'Aucun problème : la charte peut être publiée.',
    counts: (errors: number, warnings: number, notes: number) =>
      `${errors} ${errors <= 1 ? 'erreur' : 'erreurs'}, ${warnings} ${warnings <= 1 ? 'avertissement' : 'avertissements'}, ${notes} ${notes <= 1 ? 'remarque' : 'remarques'}.`,
    problems: 'Problèmes',
    preview: 'Prévisualiser les changements',
    previewTitle: 'Ce qui change pour les lecteurs',
    stale: 'Le texte a changé depuis cet aperçu : prévisualisez à nouveau avant de publier.',
    fixFirst: 'La charte contient des erreurs : corrigez-les avant de publier.',
    newSite: 'Nouveau site : sa déclaration et sa politique de cookies seront des premières versions.',
    removedSites: (ids: string) => `Ces sites ne figurent plus dans la charte : ${ids}.`,
    notice: 'Déclaration de confidentialité',
    cookies: 'Politique de cookies',
    noChange: 'Aucun changement.',
    publish: 'Publier',
    published: (seq: number) => `Publiée comme révision ${seq}.`,
    unchanged: (seq: number) => `Rien à publier : ce texte est déjà la révision active ${seq}.`,
    viewerNote: 'Votre rôle permet de vérifier et de prévisualiser les changements, pas de les publier.',
    history: 'Historique',
    revision: (seq: number) => `Révision ${seq}`,
    by: 'par',
    apiToken: 'un jeton d’API',
    system: 'le serveur (fichier de charte)',
    activeNow: 'active',
    restores: (seq: number) => `restaure la révision ${seq}`,
    showDiff: 'Changements depuis la révision précédente',
    hideDiff: 'Masquer les changements',
    firstRevision: 'Première révision : tout a été ajouté.',
    rollback: 'Revenir à cette révision…',
    confirmRollback: (seq: number) =>
      `Publier à nouveau le contenu de la révision ${seq}, comme nouvelle révision ? Elle passe les mêmes contrôles que toute publication.`,
    yesRollback: 'Oui, revenir',
    cancel: 'Annuler',
    rolledBack: (seq: number, from: number) =>
      `Retour effectué : la révision ${seq} restaure la révision ${from}. L’éditeur l’affiche maintenant.`,
    skipped: (n: number) => `… ${n} ${n <= 1 ? 'ligne inchangée' : 'lignes inchangées'}`,
    added: 'ajoutée',
    removed: 'supprimée',
    diffLabel: (seq: number) => `Lignes modifiées de la révision ${seq}`,
  },
  de: {
    title: 'Charta',
    intro:
      'Bearbeiten Sie charter.yaml, sehen Sie jedes Problem schon beim Tippen, prüfen Sie in der Vorschau, was sich für die Leser Ihrer Erklärungen ändert, und veröffentlichen Sie dann. Jede Revision bleibt im Verlauf und kann wiederhergestellt werden.',
    editor: 'charter.yaml',
    help: 'Tastatur: Tab rückt im Editor ein. Um den Editor zu verlassen, drücken Sie Escape und dann Tab (oder Umschalt+Tab). Strg+Leertaste schlägt Schlüssel und Werte aus dem Charta-Schema vor; F8 springt zum nächsten Problem.',
    loadingEditor: 'Der Editor wird geladen…',
    checking: 'Prüfung läuft…',
    noProblems: 'Keine Probleme: die Charta kann veröffentlicht werden.',
    counts: (errors: number, warnings: number, notes: number) =>
      `${errors} ${errors === 1 ? 'Fehler' : 'Fehler'}, ${warnings} ${warnings === 1 ? 'Warnung' : 'Warnungen'}, ${notes} ${notes === 1 ? 'Hinweis' : 'Hinweise'}.`,
    problems: 'Probleme',
    preview: 'Änderungen ansehen',
    previewTitle: 'Was sich für Leser ändert',
    stale:
      'Der Text hat sich seit dieser Vorschau geändert: sehen Sie sich die Änderungen vor dem Veröffentlichen erneut an.',
    fixFirst: 'Die Charta enthält Fehler: beheben Sie sie vor dem Veröffentlichen.',
    newSite: 'Neue Website: Erklärung und Cookie-Richtlinie werden erste Versionen.',
    removedSites: (ids: string) => `Diese Websites stehen nicht mehr in der Charta: ${ids}.`,
    notice: 'Datenschutzerklärung',
    cookies: 'Cookie-Richtlinie',
    noChange: 'Keine Änderung.',
    publish: 'Veröffentlichen',
    published: (seq: number) => `Als Revision ${seq} veröffentlicht.`,
    unchanged: (seq: number) => `Nichts zu veröffentlichen: dieser Text ist bereits die aktive Revision ${seq}.`,
    viewerNote: 'Mit Ihrer Rolle können Sie Änderungen prüfen und ansehen, aber nicht veröffentlichen.',
    history: 'Verlauf',
    revision: (seq: number) => `Revision ${seq}`,
    by: 'von',
    apiToken: 'einem API-Token',
    system: 'dem Server (Charta-Datei)',
    activeNow: 'aktiv',
    restores: (seq: number) => `stellt Revision ${seq} wieder her`,
    showDiff: 'Änderungen gegenüber der vorigen Revision',
    hideDiff: 'Änderungen ausblenden',
    firstRevision: 'Erste Revision: alles wurde hinzugefügt.',
    rollback: 'Auf diese Revision zurücksetzen…',
    confirmRollback: (seq: number) =>
      `Den Inhalt von Revision ${seq} erneut als neue Revision veröffentlichen? Sie durchläuft dieselben Prüfungen wie jede Veröffentlichung.`,
    yesRollback: 'Ja, zurücksetzen',
    cancel: 'Abbrechen',
    rolledBack: (seq: number, from: number) =>
      `Zurückgesetzt: Revision ${seq} stellt Revision ${from} wieder her. Der Editor zeigt sie jetzt.`,
    skipped: (n: number) => `… ${n} unveränderte ${n === 1 ? 'Zeile' : 'Zeilen'}`,
    added: 'hinzugefügt',
    removed: 'entfernt',
    diffLabel: (seq: number) => `Zeilenänderungen von Revision ${seq}`,
  },
};

type T = (typeof texts)['en'];

/** Validation problems and lint findings of a check, in one list ordered by line. */
function shownFindings(check: LintResponse | undefined): ShownFinding[] {
  if (!check) return [];
  return [
    ...check.problems.map((p): ShownFinding => ({
      severity: p.severity,
      path: p.path,
      message: p.message,
      line: p.line,
      column: p.column,
    })),
    ...check.findings.map((f): ShownFinding => ({
      rule: f.rule,
      severity: f.severity,
      article: f.article,
      path: f.path,
      message: f.message,
      line: f.line,
      column: f.column,
    })),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function starterText(slug: string): string {
  return `charter: 1\norganisation:\n  id: ${slug}\n`;
}

/** A line diff with two lines of context around each change; long unchanged stretches are folded. */
function DiffView({ lines, label, t }: { lines: DiffLine[]; label: string; t: T }) {
  const keep = new Set<number>();
  lines.forEach((line, i) => {
    if (line.kind !== 'same') for (let j = Math.max(0, i - 2); j <= Math.min(lines.length - 1, i + 2); j++) keep.add(j);
  });
  const rows: ({ skipped: number } | { line: DiffLine })[] = [];
  let skipped = 0;
  lines.forEach((line, i) => {
    if (keep.has(i)) {
      if (skipped) rows.push({ skipped });
      skipped = 0;
      rows.push({ line });
    } else skipped++;
  });
  if (skipped) rows.push({ skipped });
  return (
    <ul className="line-diff" aria-label={label}>
      {rows.map((row, i) =>
        'skipped' in row ? (
          <li key={i} className="skipped">
            {t.skipped(row.skipped)}
          </li>
        ) : (
          <li key={i} className={row.line.kind}>
            <span className="number" aria-hidden="true">
              {row.line.after ?? row.line.before}
            </span>
            <span className="sign" aria-hidden="true">
              {row.line.kind === 'added' ? '+' : row.line.kind === 'removed' ? '−' : ' '}
            </span>
            {row.line.kind !== 'same' && (
              <span className="visually-hidden">{row.line.kind === 'added' ? t.added : t.removed}: </span>
            )}
            {row.line.text}
          </li>
        ),
      )}
    </ul>
  );
}

function who(revision: RevisionSummary, t: T): string {
  if (revision.createdByEmail) return revision.createdByEmail;
  if (revision.createdBy.startsWith('token:')) return t.apiToken;
  if (revision.createdBy === 'system') return t.system;
  return revision.createdBy;
}

function RevisionItem({
  revision,
  active,
  mayApply,
  onRolledBack,
  t,
}: {
  revision: RevisionSummary;
  active: boolean;
  mayApply: boolean;
  onRolledBack: (seq: number, from: number) => void;
  t: T;
}) {
  const { language } = useLanguage();
  const [diff, setDiff] = useState<DiffLine[] | undefined>();
  const [confirming, setConfirming] = useState(false);
  const loading = useMutation();
  const rolling = useMutation();
  const confirmButton = useRef<HTMLButtonElement>(null);
  const rollbackButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const toggleDiff = async () => {
    if (diff) return setDiff(undefined);
    const detail = await loading.run(() => api<RevisionDetail>(`/api/v1/charter/revisions/${revision.seq}`));
    if (detail) setDiff(diffLines(detail.previous?.yaml ?? '', detail.yaml));
  };
  const rollBack = async () => {
    const result = await rolling.run(() =>
      api<{ seq: number; restoredFrom: number }>(`/api/v1/charter/revisions/${revision.seq}/rollback`, {
        method: 'POST',
        body: {},
      }),
    );
    if (result) {
      setConfirming(false);
      onRolledBack(result.seq, result.restoredFrom);
    }
  };
  const headingId = `revision-${revision.seq}`;
  return (
    <li aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t.revision(revision.seq)}
        {active ? <span className="badge badge-info"> {t.activeNow}</span> : null}
      </h3>
      <p>
        {formatDateTime(revision.createdAt, language)} {t.by} {who(revision, t)}
        {revision.restoredFrom !== null ? ` — ${t.restores(revision.restoredFrom)}` : ''}{' '}
        <code className="muted">{revision.revision.slice(0, 12)}</code>
      </p>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          aria-expanded={Boolean(diff)}
          onClick={() => void toggleDiff()}
          disabled={loading.pending}
        >
          {diff ? t.hideDiff : t.showDiff}
        </button>
        {mayApply && !active && !confirming && (
          <button type="button" className="secondary" ref={rollbackButton} onClick={() => setConfirming(true)}>
            {t.rollback}
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm">
          <p>{t.confirmRollback(revision.seq)}</p>
          <div className="actions">
            <button type="button" ref={confirmButton} onClick={() => void rollBack()} disabled={rolling.pending}>
              {t.yesRollback}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setConfirming(false);
                setTimeout(() => rollbackButton.current?.focus(), 0);
              }}
            >
              {t.cancel}
            </button>
          </div>
        </div>
      )}
      <ErrorMessage error={rolling.error ?? loading.error} />
      {diff && (revision.seq === 1 ? <p>{t.firstRevision}</p> : null)}
      {diff && <DiffView lines={diff} label={t.diffLabel(revision.seq)} t={t} />}
    </li>
  );
}

function History({
  activeSeq,
  mayApply,
  onRolledBack,
  t,
}: {
  activeSeq: number | undefined;
  mayApply: boolean;
  onRolledBack: (seq: number, from: number) => void;
  t: T;
}) {
  const { data, error, loading } = useApi<{ revisions: RevisionSummary[] }>('/api/v1/charter/revisions');
  if (loading && !data) return <Loading />;
  if (error) return <ErrorMessage error={error} />;
  return (
    <ol className="revisions" aria-labelledby="history">
      {(data?.revisions ?? []).map((revision) => (
        <RevisionItem
          key={revision.seq}
          revision={revision}
          active={revision.seq === activeSeq}
          mayApply={mayApply}
          onRolledBack={onRolledBack}
          t={t}
        />
      ))}
    </ol>
  );
}

function PreviewView({ preview, stale, t }: { preview: PreviewResponse; stale: boolean; t: T }) {
  return (
    <>
      {stale && <p className="notice">{t.stale}</p>}
      {!preview.check.valid && <p className="error">{t.fixFirst}</p>}
      {preview.preview?.removedSites.length ? <p>{t.removedSites(preview.preview.removedSites.join(', '))}</p> : null}
      {preview.preview?.sites.map((site) => (
        <section key={site.site} className="preview-site" aria-labelledby={`preview-${site.site}`}>
          <h3 id={`preview-${site.site}`}>
            {site.name} <span className="muted">({site.site})</span>
          </h3>
          {site.added ? (
            <p>{t.newSite}</p>
          ) : (
            site.languages.map((entry) => (
              <div key={entry.language}>
                <h4 lang={entry.language}>{languageNames[entry.language]}</h4>
                {(['notice', 'cookies'] as const).map((kind) => (
                  <div key={kind}>
                    <p>
                      <strong>{t[kind]}</strong>
                      {entry[kind].length === 0 ? `: ${t.noChange}` : ''}
                    </p>
                    {entry[kind].length > 0 && (
                      <ul lang={entry.language}>
                        {entry[kind].map((change, i) => (
                          <li key={i}>{change.text}</li>
                        ))}
                      </ul>
                    )}
                  </div>
                ))}
              </div>
            ))
          )}
        </section>
      ))}
    </>
  );
}

export default function CharterEditorPage() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const { can, me } = useSession();
  const mayApply = can('charter:apply');
  const [start, setStart] = useState<{ yaml: string; seq?: number; schema?: JSONSchema7 } | undefined>();
  const [startError, setStartError] = useState<unknown>();
  const [activeSeq, setActiveSeq] = useState<number | undefined>();
  const [text, setText] = useState('');
  const [value, setValue] = useState<unknown>();
  const [check, setCheck] = useState<LintResponse | undefined>();
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<unknown>();
  const [preview, setPreview] = useState<{ response: PreviewResponse; text: string } | undefined>();
  const [message, setMessage] = useState('');
  const [historyKey, setHistoryKey] = useState(0);
  const editor = useRef<EditorHandle>(null);
  const jumped = useRef(false);
  const checks = useRef(0);
  const previewing = useMutation();
  const publishing = useMutation();

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const schema = await api<JSONSchema7>('/api/v1/charter/schema').catch(() => undefined);
        const overview = await api<{ seq: number }>('/api/v1/charter/overview').catch((error: { status?: number }) => {
          if (error.status === 404) return undefined;
          throw error;
        });
        const detail = overview ? await api<RevisionDetail>(`/api/v1/charter/revisions/${overview.seq}`) : undefined;
        if (cancelled) return;
        setActiveSeq(overview?.seq);
        setStart({
          yaml: detail?.yaml ?? starterText(me.organisation.slug),
          ...(overview ? { seq: overview.seq } : {}),
          ...(schema ? { schema } : {}),
        });
      } catch (error) {
        if (!cancelled) setStartError(error);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [me.organisation.slug]);

  // As you type: the server's validation and lint, half a second after the last keystroke; stale answers are dropped.
  useEffect(() => {
    if (!start) return;
    if (text.trim() === '') {
      setCheck(undefined);
      return;
    }
    const id = ++checks.current;
    setChecking(true);
    const timer = setTimeout(() => {
      api<LintResponse>('/api/v1/charter/lint', { method: 'POST', body: { source: text } })
        .then((result) => {
          if (id !== checks.current) return;
          setCheck(result);
          setCheckError(undefined);
        })
        .catch((error: unknown) => {
          if (id === checks.current) setCheckError(error);
        })
        .finally(() => {
          if (id === checks.current) setChecking(false);
        });
    }, 500);
    return () => clearTimeout(timer);
  }, [text, start]);

  const onChange = useCallback((next: string, parsed: unknown) => {
    setText(next);
    if (parsed !== undefined) setValue(parsed);
    if (!jumped.current) {
      jumped.current = true;
      const line = Number(queryParam('line'));
      if (Number.isInteger(line) && line > 0) setTimeout(() => editor.current?.goTo(line), 0);
    }
  }, []);

  const goTo = useCallback((line: number, column: number) => editor.current?.goTo(line, column), []);

  const showActive = async (seq: number) => {
    const detail = await api<RevisionDetail>(`/api/v1/charter/revisions/${seq}`);
    editor.current?.setText(detail.yaml);
  };

  const runPreview = async () => {
    setMessage('');
    const source = text;
    const response = await previewing.run(() =>
      api<PreviewResponse>('/api/v1/charter/preview', { method: 'POST', body: { source } }),
    );
    if (response) setPreview({ response, text: source });
  };

  const publish = async () => {
    // baseSeq: refused (409) when someone else published since this text was opened, instead of undoing their revision.
    const result = await publishing.run(() =>
      api<{ seq: number; changed: boolean }>('/api/v1/charter/revisions', {
        method: 'POST',
        body: { source: text, baseSeq: activeSeq ?? 0 },
      }),
    );
    if (!result) return;
    setMessage(result.changed ? t.published(result.seq) : t.unchanged(result.seq));
    setActiveSeq(result.seq);
    setPreview(undefined);
    setHistoryKey((k) => k + 1);
  };

  const onRolledBack = useCallback(
    (seq: number, from: number) => {
      setActiveSeq(seq);
      setPreview(undefined);
      setMessage(t.rolledBack(seq, from));
      setHistoryKey((k) => k + 1);
      void showActive(seq);
    },
    [t],
  );

  const findings = shownFindings(check);
  const editorProblems: EditorProblem[] = findings.map((f) => ({
    line: f.line ?? 1,
    column: f.column ?? 1,
    severity: f.severity,
    message: f.rule ? `${ruleTitle(f.rule, language)} ${f.message}` : f.message,
  }));
  const count = (severity: ShownFinding['severity']) => findings.filter((f) => f.severity === severity).length;
  const stale = preview !== undefined && preview.text !== text;
  const canPublish = mayApply && preview !== undefined && !stale && preview.response.check.valid;

  if (startError)
    return (
      <>
        <PageTitle>{t.title}</PageTitle>
        <ErrorMessage error={startError} />
      </>
    );
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p>{t.intro}</p>
      <h2 id="editor-label">{t.editor}</h2>
      <p id="editor-help" className="muted">
        {t.help}
      </p>
      {!start ? (
        <Loading />
      ) : (
        <Suspense
          fallback={
            <p className="muted" role="status">
              {t.loadingEditor}
            </p>
          }
        >
          <YamlEditor
            initial={start.yaml}
            schema={start.schema}
            label={t.editor}
            help={t.help}
            problems={editorProblems}
            onChange={onChange}
            handle={editor}
          />
        </Suspense>
      )}
      <p className="editor-status" role="status">
        {checking
          ? t.checking
          : check
            ? findings.length === 0
              ? t.noProblems
              : t.counts(count('error'), count('warning'), count('info'))
            : ''}
      </p>
      <ErrorMessage error={checkError} />
      {findings.length > 0 && (
        <>
          <h2 id="problems">{t.problems}</h2>
          <FindingsList findings={findings} charter={value} onGoTo={goTo} labelledBy="problems" />
        </>
      )}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => void runPreview()}
          disabled={previewing.pending || text.trim() === ''}
        >
          {t.preview}
        </button>
        {mayApply && (
          <button type="button" onClick={() => void publish()} disabled={!canPublish || publishing.pending}>
            {t.publish}
          </button>
        )}
      </div>
      {!mayApply && <p>{t.viewerNote}</p>}
      <ErrorMessage error={previewing.error ?? publishing.error} />
      <p role="status" className="chain-ok">
        {message}
      </p>
      {preview && (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">{t.previewTitle}</h2>
          <PreviewView preview={preview.response} stale={stale} t={t} />
        </section>
      )}
      <h2 id="history">{t.history}</h2>
      <History key={historyKey} activeSeq={activeSeq} mayApply={mayApply} onRolledBack={onRolledBack} t={t} />
    </>
  );
}
