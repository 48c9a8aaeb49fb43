/**
 * bench:site-scan — the site scan on a 50-page fixture site carrying Charter's real banner, in all four conditions
 * (before a choice, after Reject all, after Accept all, under GPC): pages and page visits per minute, and memory —
 * the peak memory of Chromium (every process the scan's browser starts, PSS) and of this Node process (RSS). One
 * browser, contexts closed as they finish. Prints figures; asserts nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { build } from '../scripts/build-banner.mjs';
import { projectRoot } from '../src/platform/project.js';
import { compareScan } from '../src/sites/compare.js';
import { scanSite, scanDefaults } from '../src/sites/scanner.js';
import { buildCharter } from '../test/support/charter.js';
import { days, fixturePage, serveFixture } from '../test/support/site-fixtures.js';
import { serveTestApp } from '../test/support/server.js';

const pages = Number(process.env.BENCH_PAGES ?? 50);

/**
 * Memory (bytes) of every descendant of this process — Chromium's browser, renderer, GPU and utility processes — as
 * the sum of their proportional set sizes (shared pages counted once across them, unlike RSS).
 */
function descendantsPss(): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const pid of parents.keys()) {
    if (!isDescendant(pid)) continue;
    try {
      const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      total += Number(pss?.[1] ?? 0) * 1024;
    } catch {
      // ended
    }
  }
  return total;
}

await build(projectRoot);
let charterUrl = '';
const html = (index: number) => (_: IncomingMessage, response: ServerResponse) => {
  const links = [1, 2, 3].map((step) => `/p/${(index + step) % pages}`);
  const body = `<script type="text/plain" data-category="analytics">document.cookie = '_stats=1; max-age=${days(300)}; path=/';</script><p>Page ${index} of the fixture site.</p>`;
  response
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    .end(fixturePage({ charter: charterUrl, site: 'main', title: `Page ${index}`, body, links }));
};
const routes: Record<string, ReturnType<typeof html> | string> = { '/': html(0) };
for (let i = 0; i < pages; i++) routes[`/p/${i}`] = html(i);
const site = await serveFixture(routes);
routes['/sitemap.xml'] =
  `<?xml version="1.0"?><urlset>${Array.from({ length: pages - 1 }, (_, i) => `<url><loc>${site.origin}/p/${i + 1}</loc></url>`).join('')}</urlset>`;
const charter = buildCharter((c) => {
  c.sites[0]!.domain = site.host;
});
const served = await serveTestApp({ charter });
charterUrl = served.url;

let peakChromium = 0;
let peakNode = 0;
const sampler = setInterval(() => {
  peakChromium = Math.max(peakChromium, descendantsPss());
  peakNode = Math.max(peakNode, process.memoryUsage().rss);
}, 250);
const started = performance.now();
const scan = await scanSite({ urls: [`${site.origin}/`], maxPages: pages });
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
const findings = compareScan({ charter, siteId: 'main', scan });
const errors = [...new Set(scan.observations.flatMap((o) => (o.error ? [o.error] : [])))];

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
console.log(
  `\nSite scan: ${scan.pages.length} pages × 4 conditions = ${scan.observations.length} page visits (${scan.observations.filter((o) => o.error).length} failed), ${scanDefaults.concurrency} contexts at once\n`,
);
console.log(`  total time            ${seconds.toFixed(1)} s`);
console.log(`  pages per minute      ${((scan.pages.length / seconds) * 60).toFixed(1)} (all four conditions each)`);
console.log(`  page visits per min   ${((scan.observations.length / seconds) * 60).toFixed(1)}`);
console.log(`  Chromium peak PSS     ${mb(peakChromium)} (all its processes, sampled every 250 ms)`);
console.log(`  Node peak RSS         ${mb(peakNode)}`);
if (errors.length) console.log(`  page errors           ${errors.join('; ')}`);
console.log(
  `  findings              ${findings.length} (${findings.map((f) => f.rule).join(', ') || 'none: the fixture is compliant'})`,
);
await served.close();
await site.close();
