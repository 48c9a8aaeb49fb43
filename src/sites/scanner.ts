/**
 * The site scan in a real browser: Debian's Chromium driven by playwright-core (never a downloaded browser), one
 * browser per scan, a fresh context per page and choice, closed as soon as the page is read. "Before a choice" and
 * "after Accept all" share one context: the Accept-all visit loads the page before any choice anyway, so it is read
 * there first (nothing is clicked before that read) — three contexts per page instead of four. A bounded crawl
 * from the start URLs (robots.txt respected, sitemap.xml and same-origin links, `maxPages`), a timeout on every page,
 * no form ever submitted, windows a page opens closed at once. A page that fails (unreachable, TLS, redirect loop,
 * never finishing, a hostile script) becomes an observation with its error, and the scan goes on.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { fetchText, parseRobots, parseSitemap, robotsAllow, scannerAgent, type RobotsRules } from './crawl.js';
import { installRecorder, type RecorderState } from './recorder.js';
import {
  scanConditions,
  type ObservedStorage,
  type PageObservation,
  type ScanCondition,
  type SiteScan,
} from './schemas.js';

export interface ScanOptions {
  /** Start URLs (http or https); the crawl stays on each one's origin. */
  urls: string[];
  /** Pages to visit at most, across all start URLs (each in every condition). */
  maxPages?: number;
  /** How long one page may take to load before it counts as failed. */
  pageTimeoutMs?: number;
  /**
   * After loading (and after a choice) the page is read once the network has been quiet this long (no request in
   * flight): what a choice starts (the ledger's receipt, released scripts and what they load) has happened by then.
   */
  settleMs?: number;
  /** The longest the scan waits for that quiet (a page that polls forever is read after this). */
  settleMaxMs?: number;
  /** How long to wait for the banner before concluding it did not show. */
  bannerTimeoutMs?: number;
  /** Contexts open at once (the browser is shared). */
  concurrency?: number;
  conditions?: readonly ScanCondition[];
  executablePath?: string;
  now?: () => Date;
}

export const scanDefaults = {
  maxPages: 20,
  pageTimeoutMs: 15_000,
  settleMs: 250,
  settleMaxMs: 3_000,
  bannerTimeoutMs: 3_000,
  concurrency: 3,
};

/** Launches Chromium with the flags this closed network needs. */
export async function launchScanBrowser(
  executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Rejects after `ms`; the scan never waits on a hung page for longer than its budget. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs `work` over the items with at most `limit` at once; items may be added while it runs. */
async function pool<T>(queue: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let active = 0;
  await new Promise<void>((resolve) => {
    const pump = () => {
      if (next >= queue.length && active === 0) return resolve();
      while (active < limit && next < queue.length) {
        const item = queue[next++]!;
        active += 1;
        void work(item)
          .catch(() => undefined)
          .finally(() => {
            active -= 1;
            pump();
          });
      }
    };
    pump();
  });
}

/** A short, safe description of a navigation error (Chromium's net::ERR_… code when there is one). */
function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const net = /net::ERR_[A-Z_]+/.exec(message)?.[0];
  if (net === 'net::ERR_TOO_MANY_REDIRECTS') return 'redirect loop (net::ERR_TOO_MANY_REDIRECTS)';
  // The browser refuses the connection before any page exists: nothing was loaded, nothing set (RFC 8446 handshake).
  if (net?.startsWith('net::ERR_CERT_')) return `TLS certificate not accepted (${net})`;
  if (net?.startsWith('net::ERR_SSL_')) return `TLS error (${net})`;
  if (net) return net;
  if (/Timeout|did not finish/i.test(message))
    return /did not finish/.test(message) ? message.split('\n')[0]! : 'the page did not finish loading in time';
  return message.split('\n')[0]!.slice(0, 200);
}

const hostOf = (url: string): string | undefined => {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.host : undefined;
  } catch {
    return undefined;
  }
};

const setCookieNames = (header: string) =>
  header
    .split('\n')
    .map((line) => line.split('=')[0]!.trim())
    .filter(Boolean);

interface Visit {
  observations: PageObservation[];
  links: string[];
  bannerOrigin?: string;
}

type VisitSettings = Required<Omit<ScanOptions, 'urls' | 'conditions' | 'executablePath' | 'now'>>;

/** What the page asked the network for while it was observed, and whether the network is quiet. */
interface NetworkLog {
  /** Third-party hosts requested, those requested as images (pixels), the first setter of each cookie. */
  requested: Set<string>;
  images: Set<string>;
  setters: Map<string, string>;
  googleTagUrl: string | undefined;
  /** Requests in flight, for the settle: the page is read once none has been for `settleMs`. */
  inFlight: number;
  lastActivity: number;
}

/** A fresh browser context with the recorder installed (and the GPC header when a condition needs it). */
async function openContext(browser: Browser, gpc: boolean, options: VisitSettings): Promise<BrowserContext> {
  // Reduced motion: the banner's slide-in would otherwise hold every click until Playwright sees it stable.
  const context = await within(
    browser.newContext({
      extraHTTPHeaders: gpc ? { 'Sec-GPC': '1' } : {},
      serviceWorkers: 'block',
      acceptDownloads: false,
      reducedMotion: 'reduce',
    }),
    options.pageTimeoutMs,
    'opening a browser context',
  );
  return context;
}

/** Records the page's requests and cookie setters from now on. */
function watchNetwork(page: Page, host: string): NetworkLog {
  const log: NetworkLog = {
    requested: new Set(),
    images: new Set(),
    setters: new Map(),
    googleTagUrl: undefined,
    inFlight: 0,
    lastActivity: Date.now(),
  };
  const finished = () => {
    log.inFlight = Math.max(0, log.inFlight - 1);
    log.lastActivity = Date.now();
  };
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  page.on('request', (request) => {
    log.inFlight += 1;
    log.lastActivity = Date.now();
    const requestHost = hostOf(request.url());
    if (!requestHost) return;
    if (requestHost !== host) log.requested.add(requestHost);
    if (requestHost !== host && request.resourceType() === 'image') log.images.add(requestHost);
    if (!log.googleTagUrl && /googletagmanager\.com\/|google-analytics\.com\/|\/gtag\/js|\/gtm\.js/.test(request.url()))
      log.googleTagUrl = request.url().split('?')[0];
  });
  page.on('response', (response) => {
    const responseHost = hostOf(response.url());
    if (!responseHost) return;
    void response
      .headerValue('set-cookie')
      .then(
        (header) =>
          header &&
          setCookieNames(header).forEach((name) => log.setters.has(name) || log.setters.set(name, responseHost)),
      )
      .catch(() => undefined);
  });
  return log;
}

/** Waits until no request has been in flight for `settleMs` (at most `settleMaxMs`). */
async function settle(page: Page, log: NetworkLog, options: VisitSettings): Promise<void> {
  const until = Date.now() + options.settleMaxMs;
  // The quiet is counted from now at the earliest: what a click starts reaches us as events a moment later.
  log.lastActivity = Math.max(log.lastActivity, Date.now());
  for (;;) {
    const quietFor = Date.now() - log.lastActivity;
    if ((log.inFlight === 0 && quietFor >= options.settleMs) || Date.now() >= until) return;
    await page.waitForTimeout(log.inFlight === 0 ? options.settleMs - quietFor : 50);
  }
}

/** Reads a page's state within the page budget. */
type Read = <T>(fn: () => Promise<T>, what: string) => Promise<T>;

/** The origin serving Charter's banner script on the page, if it has one. */
function bannerOriginOf(page: Page, read: Read): Promise<string | undefined> {
  return read(
    () =>
      page.evaluate(() => {
        // Either tag: `/banner.js` with data-site, or `/banner/{site}.js` (and its revision-addressed, content-hashed
        // form) without.
        const script = Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]')).find(
          (s) =>
            s.dataset.site !== undefined ||
            /\/banner\/[a-z0-9-]+(\/[0-9a-f]{16}\/[a-z]{2}(\.[A-Za-z0-9_-]{16})?)?\.js$/.test(
              new URL(s.src, location.href).pathname,
            ),
        );
        return script ? new URL(script.src, location.href).origin : undefined;
      }),
    'reading the page',
  );
}

/**
 * One page in one fresh context: load, then for each condition in turn make its choice (none for "no-choice", which
 * may only come first), wait until the network is quiet, read what the browser holds; close. Every condition gets an
 * observation: one that could not be read carries the error.
 */
async function visit(
  browser: Browser,
  url: string,
  conditions: readonly ScanCondition[],
  options: VisitSettings,
  now: () => Date,
): Promise<Visit> {
  const gpc = conditions.includes('gpc');
  const host = new URL(url).host;
  const base = (condition: ScanCondition): PageObservation => ({
    url,
    condition,
    at: now().getTime(),
    bannerShown: false,
    storage: [],
    thirdPartyHosts: [],
    frameHosts: [],
    pixelHosts: [],
    consentMode: {},
  });
  const observations: PageObservation[] = [];
  let links: string[] = [];
  let bannerOrigin: string | undefined;
  let context: BrowserContext | undefined;
  try {
    context = await openContext(browser, gpc, options);
    // Functions run in the page are serialised from this module; a transpiler that keeps names (tsx, esbuild's
    // keepNames) calls its `__name` helper inside them, which the page lacks: give it an identity one.
    await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((target) => target);' });
    await context.addInitScript(installRecorder, gpc);
    const page = await context.newPage();
    // A page that opens windows or dialogs gets them closed and dismissed; they are not part of the page.
    context.on('page', (opened: Page) => void opened.close().catch(() => undefined));
    page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
    const network = watchNetwork(page, host);

    // Load: the DOM within the page budget; the load event if it comes (a page still loading is read as it is).
    const started = Date.now();
    await within(
      page.goto(url, { waitUntil: 'domcontentloaded', timeout: options.pageTimeoutMs }),
      options.pageTimeoutMs + 1_000,
      'loading the page',
    );
    await page
      .waitForLoadState('load', { timeout: Math.max(1_000, options.pageTimeoutMs - (Date.now() - started)) })
      .catch(() => undefined);
    const read: Read = (fn, what) => within(fn(), options.pageTimeoutMs, what);

    bannerOrigin = await bannerOriginOf(page, read);
    let bannerShown = false;
    if (bannerOrigin) {
      bannerShown = await page
        .locator('#charter-banner')
        .waitFor({ state: 'visible', timeout: options.bannerTimeoutMs })
        .then(() => true)
        .catch(() => false);
    }
    const opened: OpenPage = { page, context, host, network, read };
    for (const condition of conditions) {
      if (bannerShown && condition !== 'no-choice') {
        // The banner's own buttons, as a visitor would press them; under GPC "Accept all" leaves GPC categories off.
        const action = condition === 'reject-all' ? 'none' : 'all';
        // The banner showed: on a loaded machine the click may wait on the renderer, so it gets the page's budget.
        await page
          .locator(`#charter-banner button[data-a="${action}"]`)
          .click({ timeout: options.pageTimeoutMs, noWaitAfter: true });
      }
      await settle(page, network, options);
      const observed = await readPage(opened);
      links = observed.links;
      observations.push({ ...base(condition), bannerShown, ...observed.observation });
    }
    return { observations, links, ...(bannerOrigin ? { bannerOrigin } : {}) };
  } catch (error) {
    // What was read stands; every condition not yet read carries the error.
    const error_ = describeError(error);
    const unread = conditions.slice(observations.length).map((condition) => ({ ...base(condition), error: error_ }));
    return { observations: [...observations, ...unread], links, ...(bannerOrigin ? { bannerOrigin } : {}) };
  } finally {
    // A renderer stuck in a loop must not hold the scan: closing is bounded too.
    if (context) await within(context.close(), 5_000, 'closing the context').catch(() => undefined);
  }
}

/** A loaded page under observation. */
interface OpenPage {
  page: Page;
  context: BrowserContext;
  host: string;
  network: NetworkLog;
  read: Read;
}

/** What the browser holds for the page now: storage, third-party hosts, Consent Mode timing, and the page's links. */
async function readPage({ page, context, host, network, read }: OpenPage): Promise<{
  observation: Pick<PageObservation, 'storage' | 'thirdPartyHosts' | 'frameHosts' | 'pixelHosts' | 'consentMode'>;
  links: string[];
}> {
  const inPage = await read(
    () =>
      page.evaluate(async () => {
        const keys = (storage: Storage) => {
          try {
            return Object.keys(storage);
          } catch {
            return [];
          }
        };
        let databases: string[] = [];
        try {
          databases = (await indexedDB.databases()).map((db) => db.name ?? '').filter(Boolean);
        } catch {
          // IndexedDB blocked or unavailable: nothing to list
        }
        const links = [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => a.href);
        const state = (window as unknown as { __charterScan?: RecorderState }).__charterScan;
        return {
          local: keys(localStorage),
          session: keys(sessionStorage),
          databases,
          links,
          state,
          href: location.href,
        };
      }),
    'reading the page',
  );
  const cookies = await read(() => context.cookies(), 'reading cookies');
  const scriptSetter = (name: string) => {
    const source = inPage.state?.cookieSetters[name];
    return source ? hostOf(source) : undefined;
  };
  const storage: ObservedStorage[] = [
    ...cookies.map((c): ObservedStorage => ({
      type: 'cookie',
      name: c.name,
      domain: c.domain,
      path: c.path,
      ...(c.expires > 0 ? { expires: Math.round(c.expires) } : {}),
      secure: c.secure,
      httpOnly: c.httpOnly,
      sameSite: c.sameSite,
      ...((network.setters.get(c.name) ?? scriptSetter(c.name))
        ? { setBy: network.setters.get(c.name) ?? scriptSetter(c.name) }
        : {}),
    })),
    ...inPage.local.map((name): ObservedStorage => ({ type: 'local-storage', name })),
    ...inPage.session.map((name): ObservedStorage => ({ type: 'session-storage', name })),
    ...inPage.databases.map((name): ObservedStorage => ({ type: 'indexed-db', name })),
  ];
  const frameHosts = [
    ...new Set(
      page
        .frames()
        .map((f) => hostOf(f.url()))
        .filter((h): h is string => !!h && h !== host),
    ),
  ];
  const state = inPage.state;
  return {
    links: inPage.links,
    observation: {
      storage,
      thirdPartyHosts: [...network.requested].sort(),
      frameHosts: frameHosts.sort(),
      pixelHosts: [...network.images].sort(),
      consentMode: {
        ...(state?.consentDefaultAt !== undefined ? { defaultAt: state.consentDefaultAt } : {}),
        ...(state?.consentUpdateAt !== undefined ? { updateAt: state.consentUpdateAt } : {}),
        ...(state?.firstTagAt !== undefined
          ? { firstGoogleTagAt: state.firstTagAt, googleTagUrl: network.googleTagUrl ?? state.firstTag }
          : {}),
      },
    },
  };
}

/** Same origin, no fragment, http(s) only: the form the crawl queues a link in. */
function normalise(link: string, origin: string): string | undefined {
  try {
    const url = new URL(link);
    if (url.origin !== origin) return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

/**
 * Scans a site: crawls from the start URLs, visits each page in the four conditions and returns what was observed.
 * Compare the result with the charter with `compareScan` (src/sites/compare.ts).
 *
 * @example
 *   const scan = await scanSite({ urls: ['https://www.example.be/'], maxPages: 20 });
 *   const findings = compareScan({ charter, siteId: 'main', scan });
 */
export async function scanSite(options: ScanOptions, browserToUse?: Browser): Promise<SiteScan> {
  const now = options.now ?? (() => new Date());
  const settings = {
    maxPages: options.maxPages ?? scanDefaults.maxPages,
    pageTimeoutMs: options.pageTimeoutMs ?? scanDefaults.pageTimeoutMs,
    settleMs: options.settleMs ?? scanDefaults.settleMs,
    settleMaxMs: options.settleMaxMs ?? scanDefaults.settleMaxMs,
    bannerTimeoutMs: options.bannerTimeoutMs ?? scanDefaults.bannerTimeoutMs,
    concurrency: options.concurrency ?? scanDefaults.concurrency,
  };
  const conditions = options.conditions ?? scanConditions;
  const startedAt = now().toISOString();
  const starts = options.urls.map((u) => new URL(u));
  for (const start of starts)
    if (start.protocol !== 'http:' && start.protocol !== 'https:') throw new Error(`not an http(s) URL: ${start.href}`);

  // robots.txt and sitemap.xml per origin, fetched once.
  const robots = new Map<string, RobotsRules>();
  const queue: string[] = [];
  const queued = new Set<string>();
  const enqueue = (link: string, origin: string) => {
    const url = normalise(link, origin);
    if (!url || queued.has(url) || queued.size >= settings.maxPages) return;
    const rules = robots.get(origin);
    const { pathname, search } = new URL(url);
    if (rules && !robotsAllow(rules, pathname + search)) return;
    queued.add(url);
    queue.push(url);
  };
  for (const start of starts) {
    const rules = parseRobots((await fetchText(`${start.origin}/robots.txt`, 5_000)) ?? '');
    robots.set(start.origin, rules);
    enqueue(start.href, start.origin);
  }
  for (const start of starts) {
    const rules = robots.get(start.origin)!;
    const sitemapUrls = rules.sitemaps.length
      ? rules.sitemaps.filter((s) => normalise(s, start.origin))
      : [`${start.origin}/sitemap.xml`];
    for (const sitemap of sitemapUrls.slice(0, 3)) {
      const xml = await fetchText(sitemap, 5_000);
      if (xml) parseSitemap(xml).forEach((loc) => enqueue(loc, start.origin));
    }
  }

  // The visits per page: "before a choice" and "after Accept all" in one context when both are asked for (the
  // first read before anything is clicked), each other condition in its own. The first visit of a page reads the
  // links the crawl follows; new pages join the same queue, so no pass waits for another.
  const shared = conditions.includes('no-choice') && conditions.includes('accept-all');
  const visits: ScanCondition[][] = shared
    ? [
        ['no-choice', 'accept-all'],
        ...conditions.filter((c) => c !== 'no-choice' && c !== 'accept-all').map((c) => [c]),
      ]
    : conditions.map((c) => [c]);
  const work = queue.flatMap((url) => visits.map((group, index) => ({ url, group, first: index === 0 })));
  const crawl = (link: string, origin: string) => {
    const before = queue.length;
    enqueue(link, origin);
    if (queue.length > before)
      work.push(...visits.map((group, index) => ({ url: queue[before]!, group, first: index === 0 })));
  };

  const browser = browserToUse ?? (await launchScanBrowser(options.executablePath));
  const observations: PageObservation[] = [];
  let bannerOrigin: string | undefined;
  try {
    await pool(work, settings.concurrency, async ({ url, group, first }) => {
      const result = await visit(browser, url, group, settings, now);
      bannerOrigin ??= result.bannerOrigin;
      observations.push(...result.observations);
      if (first) result.links.forEach((link) => crawl(link, new URL(url).origin));
    });
  } finally {
    if (!browserToUse) await browser.close().catch(() => undefined);
  }
  const order = (o: PageObservation) => queue.indexOf(o.url) * conditions.length + conditions.indexOf(o.condition);
  return {
    startUrl: starts[0]!.href,
    ...(bannerOrigin ? { bannerOrigin } : {}),
    pages: [...queue],
    observations: observations.sort((a, b) => order(a) - order(b)),
    startedAt,
    finishedAt: now().toISOString(),
  };
}

export { scannerAgent };
