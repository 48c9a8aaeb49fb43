/**
 * Charter: edit the declaration in the console (a YAML editor with completion from the charter's JSON Schema and every
 * problem at its line as you type), preview what changes for readers of each site's notice in each language, publish
 * through the same gate as `charter apply`, and the revision history with each revision's line diff and rollback to
 * an earlier revision as a new one. This module and the editor (CodeMirror) are chunks of their own, loaded when the
 * page opens (pages/charter.tsx registers it).
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type RefObject } from 'react';
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

import {
  useLiveCheck,
  useStart,
  type LintResponse,
  type PreviewResponse,
  type RevisionDetail,
  type RevisionSummary,
} from './editor-state.js';
import { texts, type T } from './texts.js';

const YamlEditor = lazy(() => import('./yaml-editor.js'));

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

/** What the live check says: checking, no problems, or how many of each severity. */
function CheckStatus({
  checking,
  check,
  findings,
  t,
}: {
  checking: boolean;
  check: LintResponse | undefined;
  findings: ShownFinding[];
  t: T;
}) {
  const count = (severity: ShownFinding['severity']) => findings.filter((f) => f.severity === severity).length;
  return (
    <p className="editor-status" role="status">
      {checking
        ? t.checking
        : check
          ? findings.length === 0
            ? t.noProblems
            : t.counts(count('error'), count('warning'), count('info'))
          : ''}
    </p>
  );
}

/** Findings as the editor marks them: at their position, the rule's title before the message. */
function problemsForEditor(findings: ShownFinding[], language: Language): EditorProblem[] {
  return findings.map((f) => ({
    line: f.line ?? 1,
    column: f.column ?? 1,
    severity: f.severity,
    message: f.rule ? `${ruleTitle(f.rule, language)} ${f.message}` : f.message,
  }));
}

/** The YAML editor, loaded on first use (CodeMirror is large), once the starting text is known. */
function EditorArea({
  start,
  problems,
  onChange,
  handle,
  t,
}: {
  start: ReturnType<typeof useStart>['start'];
  problems: EditorProblem[];
  onChange: (next: string, parsed: unknown) => void;
  handle: RefObject<EditorHandle | null>;
  t: T;
}) {
  return (
    <>
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
            problems={problems}
            onChange={onChange}
            handle={handle}
          />
        </Suspense>
      )}
    </>
  );
}

/** Preview (anyone) and publish (who may apply the charter), with what the last action said. */
function PublishActions({
  t,
  mayApply,
  canPreview,
  canPublish,
  onPreview,
  onPublish,
  error,
  message,
}: {
  t: T;
  mayApply: boolean;
  canPreview: boolean;
  canPublish: boolean;
  onPreview: () => void;
  onPublish: () => void;
  error: unknown;
  message: string;
}) {
  return (
    <>
      <div className="actions">
        <button type="button" className="secondary" onClick={onPreview} disabled={!canPreview}>
          {t.preview}
        </button>
        {mayApply && (
          <button type="button" onClick={onPublish} disabled={!canPublish}>
            {t.publish}
          </button>
        )}
      </div>
      {!mayApply && <p>{t.viewerNote}</p>}
      <ErrorMessage error={error} />
      <p role="status" className="chain-ok">
        {message}
      </p>
    </>
  );
}

export default function CharterEditorPage() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const { can, me } = useSession();
  const mayApply = can('charter:apply');
  const [activeSeq, setActiveSeq] = useState<number | undefined>();
  const [text, setText] = useState('');
  const [value, setValue] = useState<unknown>();
  const [preview, setPreview] = useState<{ response: PreviewResponse; text: string } | undefined>();
  const [message, setMessage] = useState('');
  const [historyKey, setHistoryKey] = useState(0);
  const editor = useRef<EditorHandle>(null);
  const jumped = useRef(false);
  const previewing = useMutation();
  const publishing = useMutation();

  const { start, startError } = useStart(me.organisation.slug, setActiveSeq);
  const { check, checking, checkError } = useLiveCheck(text, start !== undefined);

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
  const editorProblems = problemsForEditor(findings, language);
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
      <EditorArea start={start} problems={editorProblems} onChange={onChange} handle={editor} t={t} />
      <CheckStatus checking={checking} check={check} findings={findings} t={t} />
      <ErrorMessage error={checkError} />
      {findings.length > 0 && (
        <>
          <h2 id="problems">{t.problems}</h2>
          <FindingsList findings={findings} charter={value} onGoTo={goTo} labelledBy="problems" />
        </>
      )}
      <PublishActions
        t={t}
        mayApply={mayApply}
        canPreview={!previewing.pending && text.trim() !== ''}
        canPublish={canPublish && !publishing.pending}
        onPreview={() => void runPreview()}
        onPublish={() => void publish()}
        error={previewing.error ?? publishing.error}
        message={message}
      />
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
