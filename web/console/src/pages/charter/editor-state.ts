/**
 * The charter editor's state that talks to the server: the API shapes it reads, the text it starts from (the active
 * revision, or a starter for a new organisation) and the check of the text as one types.
 */
import { useEffect, useRef, useState } from 'react';
import type { JSONSchema7 } from 'json-schema';
import { api } from '../../api.js';
import type { Language } from '../../i18n.js';

export interface LintResponse {
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
export interface Change {
  kind: string;
  text: string;
}
export interface PreviewResponse {
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
export interface RevisionSummary {
  seq: number;
  revision: string;
  createdAt: string;
  createdBy: string;
  createdByEmail?: string;
  restoredFrom: number | null;
}
export interface RevisionDetail extends RevisionSummary {
  active: boolean;
  yaml: string;
  previous: { seq: number; yaml: string } | null;
}

export function starterText(slug: string): string {
  return `charter: 1\norganisation:\n  id: ${slug}\n`;
}

/** What the editor starts from: the active revision's YAML (or a starter), its seq and the charter's JSON Schema. */
export function useStart(slug: string, setActiveSeq: (seq: number | undefined) => void) {
  const [start, setStart] = useState<{ yaml: string; seq?: number; schema?: JSONSchema7 } | undefined>();
  const [startError, setStartError] = useState<unknown>();
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
          yaml: detail?.yaml ?? starterText(slug),
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
  }, [slug, setActiveSeq]);

  return { start, startError };
}

/** The server's check of `text` (validation and lint) while one types; only once the editor has started. */
export function useLiveCheck(text: string, started: boolean) {
  const [check, setCheck] = useState<LintResponse | undefined>();
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<unknown>();
  const checks = useRef(0);
  // As you type: the server's validation and lint, half a second after the last keystroke; stale answers are dropped.
  useEffect(() => {
    if (!started) return;
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
  }, [text, started]);

  return { check, checking, checkError };
}
