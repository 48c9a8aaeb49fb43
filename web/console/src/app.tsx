/**
 * The console shell: public pages (sign in, first-run setup, password links) and, once signed in, the header with the
 * organisation and language switchers, the navigation built from pages/index.ts and the current page.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onSignedOut } from './api.js';
import { ErrorMessage, Loading, PageTitle } from './components.js';
import {
  initialLanguage,
  LanguageContext,
  languageNames,
  languages,
  rememberLanguage,
  useLanguage,
  useTexts,
  type Language,
} from './i18n.js';
import { pages } from './pages/index.js';
import { MailBanner } from './pages/outbox.js';
import type { ConsolePage } from './pages/types.js';
import { Login } from './public/login.js';
import { Password } from './public/password.js';
import { Enrol, SecondFactor } from './public/second-factor.js';
import { Setup } from './public/setup.js';
import { Link, navigate, usePath } from './router.js';
import { SessionContext, type SessionValue } from './session.js';
import type { Me } from './types.js';

const texts = {
  en: {
    skip: 'Skip to content',
    language: 'Language',
    organisation: 'Organisation',
    signOut: 'Sign out',
    navigation: 'Console',
    notFound: 'Page not found',
    notFoundText: 'There is no such page in the console.',
    notAllowed: 'Your role in this organisation does not give access to this page.',
    signedInAs: 'Signed in as',
    menu: 'Menu',
    roles: { owner: 'owner', 'privacy-officer': 'privacy officer', viewer: 'viewer' },
  },
  nl: {
    skip: 'Naar de inhoud',
    language: 'Taal',
    organisation: 'Organisatie',
    signOut: 'Afmelden',
    navigation: 'Console',
    notFound: 'Pagina niet gevonden',
    notFoundText: 'Deze pagina bestaat niet in de console.',
    notAllowed: 'Uw rol in deze organisatie geeft geen toegang tot deze pagina.',
    signedInAs: 'Aangemeld als',
    menu: 'Menu',
    roles: { owner: 'eigenaar', 'privacy-officer': 'privacyverantwoordelijke', viewer: 'lezer' },
  },
  fr: {
    skip: 'Aller au contenu',
    language: 'Langue',
    organisation: 'Organisation',
    signOut: 'Se déconnecter',
    navigation: 'Console',
    notFound: 'Page introuvable',
    notFoundText: 'Cette page n’existe pas dans la console.',
    notAllowed: 'Votre rôle dans cette organisation ne donne pas accès à cette page.',
    signedInAs: 'Connecté en tant que',
    menu: 'Menu',
    roles: { owner: 'propriétaire', 'privacy-officer': 'responsable vie privée', viewer: 'lecteur' },
  },
  de: {
    skip: 'Zum Inhalt springen',
    language: 'Sprache',
    organisation: 'Organisation',
    signOut: 'Abmelden',
    navigation: 'Console',
    notFound: 'Seite nicht gefunden',
    notFoundText: 'Diese Seite gibt es in der Console nicht.',
    notAllowed: 'Ihre Rolle in dieser Organisation gewährt keinen Zugriff auf diese Seite.',
    signedInAs: 'Angemeldet als',
    menu: 'Menü',
    roles: { owner: 'Eigentümer', 'privacy-officer': 'Datenschutzverantwortliche(r)', viewer: 'Lesezugriff' },
  },
};

const publicPaths = ['/login', '/setup', '/password'];

function LanguageSwitcher() {
  const t = useTexts(texts);
  const { language, setLanguage } = useLanguage();
  return (
    <div className="switcher">
      <label htmlFor="console-language">{t.language}</label>
      <select id="console-language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {languages.map((l) => (
          <option key={l} value={l} lang={l}>
            {languageNames[l]}
          </option>
        ))}
      </select>
    </div>
  );
}

function Frame({ header, children }: { header: ReactNode; children: ReactNode }) {
  const t = useTexts(texts);
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skip}
      </a>
      <header className="console-header">{header}</header>
      {children}
    </>
  );
}

function matches(page: ConsolePage, path: string) {
  return page.path === '/' ? path === '/' : path === page.path || path.startsWith(`${page.path}/`);
}

function Shell({ session }: { session: SessionValue }) {
  const t = useTexts(texts);
  const path = usePath();
  const { me, can } = session;
  const visible = pages.filter((page) => can(page.scope));
  const page = pages.find((p) => matches(p, path));
  const { language } = useLanguage();
  // On a phone the menu (navigation, organisation, language, sign-out) folds behind one button, so the page itself
  // starts on the first screen; it folds again after each navigation. On wider screens the button is not shown.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [path]);
  const header = (
    <>
      <span className="brand">Charter</span>
      <button
        type="button"
        className="menu-button secondary"
        aria-expanded={menuOpen}
        aria-controls="console-menu console-nav"
        onClick={() => setMenuOpen((open) => !open)}
      >
        {t.menu}
      </button>
      <div id="console-menu" className={menuOpen ? 'header-tools open' : 'header-tools'}>
        <div className="switcher">
          <label htmlFor="console-organisation">{t.organisation}</label>
          {me.organisations.length > 1 ? (
            <select
              id="console-organisation"
              value={me.organisation.slug}
              onChange={(e) => void session.switchOrganisation(e.target.value)}
            >
              {me.organisations.map((o) => (
                <option key={o.slug} value={o.slug}>
                  {o.name} ({t.roles[o.role]})
                </option>
              ))}
            </select>
          ) : (
            <output id="console-organisation">
              {me.organisation.name}
              {me.role ? ` (${t.roles[me.role]})` : ''}
            </output>
          )}
        </div>
        <LanguageSwitcher />
        <span className="who">
          <span className="visually-hidden">{t.signedInAs} </span>
          {me.email}
        </span>
        <button type="button" className="secondary" onClick={() => void session.signOut()}>
          {t.signOut}
        </button>
      </div>
    </>
  );
  return (
    <Frame header={header}>
      <div className="console-body">
        <nav aria-label={t.navigation} id="console-nav" className={menuOpen ? 'console-nav open' : 'console-nav'}>
          <ul>
            {visible.map((p) => (
              <li key={p.path}>
                <Link
                  to={p.path}
                  aria-current={matches(p, path) ? 'page' : undefined}
                  onClick={() => setMenuOpen(false)}
                >
                  {p.title[language]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1} key={`${me.organisation.slug}${path}`}>
          <MailBanner canRead={can('mail:read')} />
          {!page ? (
            <>
              <PageTitle>{t.notFound}</PageTitle>
              <p>{t.notFoundText}</p>
            </>
          ) : !can(page.scope) ? (
            <>
              <PageTitle>{page.title[language]}</PageTitle>
              <p>{t.notAllowed}</p>
            </>
          ) : (
            <page.Component />
          )}
        </main>
      </div>
    </Frame>
  );
}

function Console() {
  const path = usePath();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);

  const loadMe = useCallback(async () => {
    try {
      setMe(await api<Me>('/api/v1/auth/me'));
    } catch (failure) {
      if ((failure as { status?: number }).status !== 401) setError(failure);
      setMe(null);
    }
  }, []);
  useEffect(() => {
    void loadMe();
    return onSignedOut(() => setMe(null));
  }, [loadMe]);

  const signOut = useCallback(async (current: Me) => {
    // A session opened through an identity provider also ends there, when the provider offers it (RP-initiated logout).
    if (current.signInMethod === 'oidc') {
      const result = await api<{ endSessionUrl: string | null }>('/api/v1/auth/oidc/logout', { method: 'POST' }).catch(
        () => undefined,
      );
      if (result?.endSessionUrl) {
        window.location.assign(result.endSessionUrl);
        return;
      }
    } else {
      await api('/api/v1/auth/logout', { method: 'POST' }).catch(() => undefined);
    }
    setMe(null);
    navigate('/login');
  }, []);

  const session = useMemo<SessionValue | undefined>(
    () =>
      me && !me.pending
        ? {
            me,
            can: (scope) => me.scopes.includes(scope),
            reload: loadMe,
            switchOrganisation: async (slug) => {
              await api('/api/v1/auth/organisation', { method: 'POST', body: { slug } });
              await loadMe();
            },
            signOut: () => signOut(me),
          }
        : undefined,
    [me, loadMe, signOut],
  );

  const signedIn = async () => {
    await loadMe();
    navigate('/', { replace: true });
  };

  const isPublic = publicPaths.includes(path);
  useEffect(() => {
    if (me === null && !isPublic) navigate('/login', { replace: true });
  }, [me, isPublic]);

  if (isPublic) {
    return (
      <PublicFrame pageKey={path}>
        {path === '/setup' ? (
          <Setup onSignedIn={signedIn} />
        ) : path === '/password' ? (
          <Password />
        ) : (
          <Login onSignedIn={signedIn} />
        )}
        <ErrorMessage error={error} />
      </PublicFrame>
    );
  }
  if (me?.pending) {
    // A password sign-in that still owes its second factor, or the enrolment the organisation requires.
    return (
      <PublicFrame pageKey={me.pending}>
        {me.pending === 'second-factor' ? (
          <SecondFactor onDone={signedIn} onSignOut={() => signOut(me)} />
        ) : (
          <Enrol required onDone={signedIn} />
        )}
      </PublicFrame>
    );
  }
  if (!session) {
    return (
      <main id="main">
        <Loading />
      </main>
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <Shell session={session} />
    </SessionContext.Provider>
  );
}

/**
 * The frame of the pages shown before the console (sign-in, first run, password, second factor): the name and the
 * language switcher, no navigation; `pageKey` gives each page a fresh main element (focus and state start over).
 */
function PublicFrame({ pageKey, children }: { pageKey: string; children: ReactNode }) {
  return (
    <Frame
      header={
        <>
          <span className="brand">Charter</span>
          <LanguageSwitcher />
        </>
      }
    >
      <main id="main" tabIndex={-1} className="public" key={pageKey}>
        {children}
      </main>
    </Frame>
  );
}

export function App() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  useEffect(() => rememberLanguage(language), [language]);
  const value = useMemo(() => ({ language, setLanguage }), [language]);
  return (
    <LanguageContext.Provider value={value}>
      <Console />
    </LanguageContext.Provider>
  );
}
