/**
 * Shared pieces of console pages: the page heading (focused on navigation), errors, loading, data fetching, people
 * shown by email or token name instead of `user:<uuid>`, tables that scroll inside their own labelled region, and a
 * copy button.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Person } from '../../../src/accounts/people.js';
import { api, ApiError, type RequestOptions } from './api.js';
import { useLanguage, useTexts, type Texts } from './i18n.js';

const texts = {
  en: {
    loading: 'Loading…',
    failed: 'Something went wrong',
    forbidden: 'You may not do this with your role.',
    copy: 'Copy',
    copied: 'Copied.',
    copyFailed: 'Copying is not allowed here; select the text and copy it.',
    formerMember: 'a former member',
    deletedToken: 'an API token that no longer exists',
    revoked: 'revoked',
    token: 'API token',
  },
  nl: {
    loading: 'Laden…',
    failed: 'Er ging iets mis',
    forbidden: 'Uw rol laat dit niet toe.',
    copy: 'Kopiëren',
    copied: 'Gekopieerd.',
    copyFailed: 'Kopiëren is hier niet toegestaan; selecteer de tekst en kopieer hem.',
    formerMember: 'een voormalig lid',
    deletedToken: 'een API-token dat niet meer bestaat',
    revoked: 'ingetrokken',
    token: 'API-token',
  },
  fr: {
    loading: 'Chargement…',
    failed: 'Une erreur est survenue',
    forbidden: 'Votre rôle ne le permet pas.',
    copy: 'Copier',
    copied: 'Copié.',
    copyFailed: 'La copie n’est pas permise ici ; sélectionnez le texte et copiez-le.',
    formerMember: 'un ancien membre',
    deletedToken: 'un jeton d’API qui n’existe plus',
    revoked: 'révoqué',
    token: 'jeton d’API',
  },
  de: {
    loading: 'Wird geladen…',
    failed: 'Etwas ist schiefgelaufen',
    forbidden: 'Ihre Rolle erlaubt dies nicht.',
    copy: 'Kopieren',
    copied: 'Kopiert.',
    copyFailed: 'Kopieren ist hier nicht erlaubt; markieren und kopieren Sie den Text.',
    formerMember: 'ein ehemaliges Mitglied',
    deletedToken: 'ein nicht mehr vorhandenes API-Token',
    revoked: 'widerrufen',
    token: 'API-Token',
  },
};

/** The path whose title was shown last in this document (none yet on its first page). */
let titledPath: string | undefined;

/**
 * The page's h1. After a navigation inside the console it takes focus, so that screen-reader and keyboard users land on
 * the new page; on the first page of a load, focus stays at the start of the document, where the skip link comes first.
 * Keyed by path rather than by mount: React may mount a component twice (StrictMode), which is not a navigation.
 */
export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const path = window.location.pathname;
    if (titledPath !== undefined && titledPath !== path) ref.current?.focus();
    titledPath = path;
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
  const message =
    apiError?.status === 403 && apiError.code === 'forbidden'
      ? `${t.forbidden} (${apiError.message})`
      : (apiError?.message ?? t.failed);
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

/** Actors that are not people, as the audit trail writes them. */
const systemActors: Record<string, Texts<string>> = {
  system: {
    en: 'Charter (automatic)',
    nl: 'Charter (automatisch)',
    fr: 'Charter (automatique)',
    de: 'Charter (automatisch)',
  },
  cli: { en: 'the command line', nl: 'de opdrachtregel', fr: 'la ligne de commande', de: 'die Befehlszeile' },
  subject: {
    en: 'the person concerned',
    nl: 'de betrokkene',
    fr: 'la personne concernée',
    de: 'die betroffene Person',
  },
  anonymous: {
    en: 'an anonymous visitor',
    nl: 'een anonieme bezoeker',
    fr: 'un visiteur anonyme',
    de: 'ein anonymer Besucher',
  },
};

export type { Person };

let peopleCache: { key: string; promise: Promise<Map<string, Person>> } | undefined;

/**
 * The people of the active organisation by actor (`user:<id>`, `token:<id>`), resolved by the server within the
 * organisation. Shared by every component of a page; a caller the server refuses gets an empty map.
 */
export function usePeople(organisation: string): Map<string, Person> {
  const [people, setPeople] = useState<Map<string, Person>>(new Map());
  useEffect(() => {
    if (peopleCache?.key !== organisation) {
      peopleCache = {
        key: organisation,
        promise: api<{ people: Person[] }>('/api/v1/people')
          .then(({ people: list }) => new Map(list.map((p) => [p.actor, p])))
          .catch(() => new Map<string, Person>()),
      };
    }
    let live = true;
    void peopleCache.promise.then((map) => {
      if (live) setPeople(map);
    });
    return () => {
      live = false;
    };
  }, [organisation]);
  return people;
}

/** Forgets the people read so far (after adding or removing a member or a token). */
export function forgetPeople() {
  peopleCache = undefined;
}

/** The words for an actor: a member's email, a token's name, or what a system actor is. */
export function describeActor(
  actor: string,
  people: Map<string, Person>,
  t: (typeof texts)['en'],
  language: keyof typeof texts,
): string {
  const person = people.get(actor);
  if (person)
    return person.kind === 'token'
      ? `${t.token} “${person.name}”${person.current ? '' : ` (${t.revoked})`}`
      : person.name;
  const system = systemActors[actor];
  if (system) return system[language];
  if (actor.startsWith('user:')) return t.formerMember;
  if (actor.startsWith('token:')) return t.deletedToken;
  return actor;
}

/** An actor shown as a person; the raw actor id stays available as a tooltip for auditors. */
export function Actor({ actor, people }: { actor: string; people: Map<string, Person> }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  return <span title={actor}>{describeActor(actor, people, t, language)}</span>;
}

/** A function that names actors in the current language (for texts built as strings). */
export function useDescribeActor(people: Map<string, Person>): (actor: string) => string {
  const t = useTexts(texts);
  const { language } = useLanguage();
  return (actor: string) => describeActor(actor, people, t, language);
}

/**
 * A wide table on a narrow screen: it scrolls inside its own region (labelled, reachable by keyboard) instead of
 * widening the page.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-region" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** A button that copies `text` and says so (or says how to copy by hand where the clipboard is not allowed). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useTexts(texts);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span className="copy">
      <button type="button" className="secondary" onClick={() => void copy()} aria-label={`${t.copy}: ${label}`}>
        {t.copy}
      </button>{' '}
      <span role="status" className="muted">
        {state === 'copied' ? t.copied : state === 'failed' ? t.copyFailed : ''}
      </span>
    </span>
  );
}

/** Figures in words for people: `key: value` pairs, lists joined by commas, never raw JSON. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(describeValue).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${key}: ${describeValue(inner)}`)
      .join('; ');
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}
