/**
 * The charter editor's state that talks to the server: the API shapes it reads, the text it starts from (the active
 * revision, or a starter for a new organisation) and the check of the text as one types.
 */
import { useEffect, useRef, useState } from 'react';
import type { JSONSchema7 } from 'json-schema';
import type { z } from 'zod';
import type { previewResponseSchema, revisionDetailSchema } from '../../../../../src/charter/editor-routes.js';
import type { lintResponseSchema } from '../../../../../src/charter/routes.js';
import type { revisionSummarySchema } from '../../../../../src/charter/schemas.js';
import { api } from '../../api.js';

/** The lint answer (`POST /api/v1/charter/lint`). */
export type LintResponse = z.infer<typeof lintResponseSchema>;
/** The draft's check and what it would change in each site's notice and cookie policy (`POST /api/v1/charter/preview`). */
export type PreviewResponse = z.infer<typeof previewResponseSchema>;
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;
export type RevisionDetail = z.infer<typeof revisionDetailSchema>;

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
