/**
 * Lint findings and validation problems as people read them: what is wrong in the console's language, where in words
 * ("Purpose ‘Newsletter’ → retention"), the article it rests on, the rule's own detail, and a link to its line in the
 * charter editor. Shared by the Overview and the Charter editor.
 */
import type { MouseEvent } from 'react';
import { describeLocation, ruleTitle } from '../../../src/charter/finding-texts.js';
import { useLanguage, useTexts } from './i18n.js';
import { Link } from './router.js';
import './findings.css';

export interface ShownFinding {
  /** Lint rule id; absent for a validation problem. */
  rule?: string;
  severity: 'error' | 'warning' | 'info';
  article?: string;
  path: string;
  message: string;
  line?: number;
  column?: number;
}

const texts = {
  en: {
    severities: { error: 'Error', warning: 'Warning', info: 'Note' },
    line: 'line',
    goTo: 'Go to line',
    basis: 'Basis',
    problem: 'Not valid here.',
    detail: 'Detail',
  },
  nl: {
    severities: { error: 'Fout', warning: 'Waarschuwing', info: 'Opmerking' },
    line: 'regel',
    goTo: 'Naar regel',
    basis: 'Grondslag',
    problem: 'Hier niet geldig.',
    detail: 'Detail',
  },
  fr: {
    severities: { error: 'Erreur', warning: 'Avertissement', info: 'Remarque' },
    line: 'ligne',
    goTo: 'Aller à la ligne',
    basis: 'Fondement',
    problem: 'Non valable ici.',
    detail: 'Détail',
  },
  de: {
    severities: { error: 'Fehler', warning: 'Warnung', info: 'Hinweis' },
    line: 'Zeile',
    goTo: 'Zu Zeile',
    basis: 'Grundlage',
    problem: 'Hier nicht gültig.',
    detail: 'Detail',
  },
};

/**
 * The list of findings. `onGoTo` moves the editor's cursor (on the editor page); without it, each line links to the
 * editor page opened at that line.
 */
export function FindingsList({
  findings,
  charter,
  onGoTo,
  labelledBy,
}: {
  findings: ShownFinding[];
  charter: unknown;
  onGoTo?: (line: number, column: number) => void;
  labelledBy: string;
}) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  return (
    <ul className="findings" aria-labelledby={labelledBy}>
      {findings.map((finding, i) => {
        const where = describeLocation(charter, finding.path, language);
        const title = finding.rule ? ruleTitle(finding.rule, language) : t.problem;
        const line = finding.line;
        const goTo = (event: MouseEvent<HTMLAnchorElement>) => {
          if (!onGoTo || line === undefined) return;
          event.preventDefault();
          onGoTo(line, finding.column ?? 1);
        };
        return (
          <li key={i} className={`finding finding-${finding.severity}`}>
            <p className="finding-head">
              <span className={`badge badge-${finding.severity}`}>{t.severities[finding.severity]}</span>{' '}
              <strong>{title}</strong>
            </p>
            <p className="finding-where">
              {line !== undefined ? (
                onGoTo ? (
                  <a href={`#line-${line}`} onClick={goTo}>
                    {t.goTo} {line}: {where}
                  </a>
                ) : (
                  <Link to={`/charter?line=${line}`}>
                    {t.goTo} {line}: {where}
                  </Link>
                )
              ) : (
                where
              )}
            </p>
            <p className="finding-detail">
              <span className="visually-hidden">{t.detail}: </span>
              {/* The rule's specifics are written in English; marked so that screen readers pronounce them as such. */}
              <span lang="en">{finding.message}</span>
              {finding.article ? (
                <span className="muted">
                  {' '}
                  — {t.basis}: {finding.article}
                </span>
              ) : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
