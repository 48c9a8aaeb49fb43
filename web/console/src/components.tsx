/** Shared pieces of console pages: the page heading (focused on navigation), errors, loading, data fetching. */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { api, ApiError, type RequestOptions } from './api.js';
import { useTexts } from './i18n.js';

const texts = {
  en: { loading: 'Loading…', failed: 'Something went wrong', forbidden: 'You may not do this with your role.' },
  nl: { loading: 'Laden…', failed: 'Er ging iets mis', forbidden: 'Uw rol laat dit niet toe.' },
  fr: { loading: 'Chargement…', failed: 'Une erreur est survenue', forbidden: 'Votre rôle ne le permet pas.' },
};

/** Whether a page title has been shown since the document loaded. */
let titleShown = false;

/**
 * The page's h1. After a navigation inside the console it takes focus, so that screen-reader and keyboard users land on
 * the new page; on the first page of a load, focus stays at the start of the document, where the skip link comes first.
 */
export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (titleShown) ref.current?.focus();
    titleShown = true;
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function ErrorMessage({ error }: { error: unknown }) {
  const t = useTexts(texts);
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : undefined;
  const message = apiError?.status === 403 && apiError.code === 'forbidden' ? `${t.forbidden} (${apiError.message})` : (apiError?.message ?? t.failed);
  return (
    <div className="error-box" role="alert">
      <p>{message}</p>
      {apiError && apiError.details.length > 0 && (
        <ul>
          {apiError.details.map((detail, i) => (
            <li key={i}>
              {detail.path ? <code>{detail.path}</code> : null} {detail.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading() {
  const t = useTexts(texts);
  return (
    <p className="muted" role="status">
      {t.loading}
    </p>
  );
}

/** Fetches `path` (again when it or the query changes, or on `reload()`). */
export function useApi<T>(path: string, query?: RequestOptions['query']) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const key = JSON.stringify(query ?? {});
  const load = useCallback(async () => {
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await api<T>(path, { query: JSON.parse(key) as RequestOptions['query'] });
      setState({ data, loading: false });
    } catch (error) {
      setState({ error, loading: false });
    }
  }, [path, key]);
  useEffect(() => {
    void load();
  }, [load]);
  return { ...state, reload: load };
}

/** A mutation with its pending state and error, for forms and buttons. */
export function useMutation() {
  const [state, setState] = useState<{ pending: boolean; error?: unknown }>({ pending: false });
  const run = useCallback(async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setState({ pending: true });
    try {
      const result = await work();
      setState({ pending: false });
      return result;
    } catch (error) {
      setState({ pending: false, error });
      return undefined;
    }
  }, []);
  return { ...state, run };
}
