/**
 * Fixture websites for the site scan, served on loopback by node:http: each a few pages carrying Charter's real
 * banner (from a served test app) and whatever behaviour, good or bad, the test needs. A second loopback address
 * (127.0.0.2) stands in for a third party.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FixtureRoute = string | ((request: IncomingMessage, response: ServerResponse) => void);

export interface FixtureSite {
  /** `http://host:port`, no trailing slash. */
  origin: string;
  /** `host:port`, as a charter site's domain. */
  host: string;
  close(): Promise<void>;
}

/** Serves the routes (HTML strings or handlers) on a free port of the given loopback address; anything else is 404. */
export async function serveFixture(routes: Record<string, FixtureRoute>, address = '127.0.0.1'): Promise<FixtureSite> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://fixture').pathname;
    const route = routes[path];
    if (typeof route === 'function') return route(request, response);
    if (route === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = path.endsWith('.txt')
      ? 'text/plain'
      : path.endsWith('.xml')
        ? 'application/xml'
        : path.endsWith('.js') || path.startsWith('/gtag/')
          ? 'text/javascript'
          : 'text/html; charset=utf-8';
    response.writeHead(200, { 'content-type': type }).end(route);
  });
  // Never-finishing pages keep sockets open; closing must not wait for them.
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const { port } = server.address() as AddressInfo;
  const host = `${address}:${port}`;
  return {
    origin: `http://${host}`,
    host,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}

/**
 * A page of a fixture site: the banner tag (sync unless `async`; `/banner.js` with data-site, or with `siteScript`
 * the one-request `/banner/{site}.js`), then the given head and body markup.
 */
export function fixturePage(options: {
  charter: string;
  site: string;
  title: string;
  head?: string;
  body?: string;
  bannerAsync?: boolean;
  bannerFirst?: boolean;
  siteScript?: boolean;
  links?: string[];
}): string {
  const src = options.siteScript
    ? `${options.charter}/banner/${options.site}.js"`
    : `${options.charter}/banner.js" data-site="${options.site}"`;
  const banner = `<script src="${src}${options.bannerAsync ? ' async' : ''}></script>`;
  const head = options.bannerFirst === false ? `${options.head ?? ''}${banner}` : `${banner}${options.head ?? ''}`;
  const links = (options.links ?? []).map((href) => `<a href="${href}">${href}</a>`).join(' ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${options.title}</title>${head}</head><body><main><h1>${options.title}</h1>${options.body ?? ''}<nav>${links}</nav></main></body></html>`;
}

/** The usual Google tag snippet, with a local stand-in for gtag.js (no request leaves the machine). */
export const googleTagSnippet = `<script src="/gtag/js?id=G-TEST"></script><script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-TEST');</script>`;
/** The stand-in gtag.js: loads, counts itself, sets nothing. */
export const standInGtag = 'window.gtagLoads = (window.gtagLoads || 0) + 1;';

/** Seconds as a cookie max-age. */
export const days = (n: number) => n * 86_400;
