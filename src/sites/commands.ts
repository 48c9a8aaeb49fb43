/**
 * CLI of the sites domain: `charter site scan <url>…` visits the site in Chromium in the four conditions, compares
 * what it saw with the charter and prints the findings (or JSON). URLs given here are the operator's choice; the
 * server's scheduled and API scans only scan the organisation's declared site domains.
 */
import { resolve } from 'node:path';
import { formatProblem } from '../charter/loader.js';
import { loadCharterFile } from '../charter/template-files.js';
import { languages, type Charter, type Language } from '../charter/schema.js';
import { exitCodes, stringOption, UsageError, type Command } from '../cli/command.js';
import { compareScan } from './compare.js';
import { scanConditions, type SiteFinding } from './schemas.js';
import { describeFinding } from './texts.js';

/** The charter site a URL belongs to: the one named, else the one whose domain or alias is the URL's host. */
export function siteForUrl(charter: Charter, url: string, siteId?: string): string | undefined {
  if (siteId) return charter.sites.find((s) => s.id === siteId)?.id;
  const host = new URL(url).host;
  const bare = new URL(url).hostname;
  return charter.sites.find((s) => [s.domain, ...(s.aliases ?? [])].some((d) => d === host || d === bare))?.id;
}

/** Whether the findings fail the run: `violation` fails on violations, `warning` on warnings too, `never` never. */
export function failsOn(findings: readonly SiteFinding[], level: string): boolean {
  if (level === 'never') return false;
  return findings.some((f) => f.severity === 'violation' || (level === 'warning' && f.severity === 'warning'));
}

export const siteScanCommand: Command = {
  name: 'site scan',
  summary:
    'Visit a website in Chromium before a choice, after Reject all, after Accept all and under GPC, and compare what it stores with the charter',
  usage:
    'site scan <url>… [--charter file] [--site id] [--pages N] [--json] [--fail-on violation|warning|never] [--lang en|nl|fr|de]',
  options: {
    charter: { type: 'string' },
    site: { type: 'string' },
    pages: { type: 'string' },
    json: { type: 'boolean' },
    'fail-on': { type: 'string' },
    lang: { type: 'string' },
    timeout: { type: 'string' },
  },
  help: [
    'Crawls from each URL (same origin, robots.txt respected, sitemap.xml and links, at most --pages pages, default 20) and visits',
    'every page in four fresh browser contexts. Without a URL, scans https://<domain>/ of --site. Chromium: /usr/bin/chromium',
    '(CHROMIUM_PATH to change it). --timeout is the per-page limit in seconds (default 15).',
    'Exit code 1 when a finding reaches --fail-on (default: violation), 2 on bad usage.',
  ].join('\n'),
  async run(args, io) {
    const failOn = stringOption(args, 'fail-on') ?? 'violation';
    if (!['violation', 'warning', 'never'].includes(failOn))
      throw new UsageError('--fail-on takes violation, warning or never');
    const language = (stringOption(args, 'lang') ?? 'en') as Language;
    if (!languages.includes(language)) throw new UsageError(`--lang takes one of ${languages.join(', ')}`);
    const pages = Number(stringOption(args, 'pages') ?? 20);
    if (!Number.isInteger(pages) || pages < 1 || pages > 1000)
      throw new UsageError('--pages takes a whole number from 1 to 1000');
    const timeout = Number(stringOption(args, 'timeout') ?? 15);
    if (!Number.isFinite(timeout) || timeout < 1 || timeout > 300)
      throw new UsageError('--timeout takes seconds from 1 to 300');

    const file = resolve(io.cwd, stringOption(args, 'charter') ?? io.env.CHARTER_FILE ?? 'charter.yaml');
    const loaded = await loadCharterFile(file);
    if (!loaded.ok) {
      for (const problem of loaded.problems) io.err(formatProblem(problem));
      return exitCodes.findings;
    }
    const charter = loaded.charter;
    const siteOption = stringOption(args, 'site');
    if (siteOption && !charter.sites.some((s) => s.id === siteOption))
      throw new UsageError(
        `no site "${siteOption}" in the charter (sites: ${charter.sites.map((s) => s.id).join(', ')})`,
      );
    const urls = args.positionals.length
      ? args.positionals
      : siteOption
        ? [`https://${charter.sites.find((s) => s.id === siteOption)!.domain}/`]
        : [];
    if (urls.length === 0) throw new UsageError('give the URL to scan, or --site');
    for (const url of urls) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new UsageError(`not a URL: ${url}`);
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        throw new UsageError(`not an http(s) URL: ${url}`);
    }
    const siteId = siteForUrl(charter, urls[0]!, siteOption);

    // Loaded here, not at start-up: every other command runs without the browser driver.
    const { scanSite } = await import('./scanner.js');
    const scan = await scanSite({
      urls,
      maxPages: pages,
      pageTimeoutMs: timeout * 1000,
      executablePath: io.env.CHROMIUM_PATH,
    });
    const findings = compareScan({ charter, siteId, scan });
    if (args.values.json) {
      io.out(
        JSON.stringify(
          {
            site: siteId ?? null,
            pages: scan.pages,
            conditions: scanConditions,
            findings,
            observations: scan.observations,
          },
          null,
          2,
        ),
      );
    } else {
      io.out(
        `Scanned ${scan.pages.length} page${scan.pages.length === 1 ? '' : 's'} in ${scanConditions.length} conditions${siteId ? ` against site "${siteId}"` : ' (no charter site matches: all declarations apply)'}.`,
      );
      for (const finding of findings) {
        const text = describeFinding(finding, language);
        io.out(`${text.severity}: ${text.what}`);
        const where = [
          finding.page && `page ${finding.page}${finding.pages && finding.pages > 1 ? ` (+${finding.pages - 1})` : ''}`,
          finding.setter && `set by ${finding.setter}`,
        ]
          .filter(Boolean)
          .join(', ');
        if (where) io.out(`  ${where}`);
        io.out(`  ${text.fix} [${finding.article}]`);
        if (finding.draft)
          io.out(
            finding.draft
              .split('\n')
              .map((line) => `    ${line}`)
              .join('\n'),
          );
      }
      const count = (severity: SiteFinding['severity']) => findings.filter((f) => f.severity === severity).length;
      io.out(`${count('violation')} violation(s), ${count('warning')} warning(s), ${count('info')} note(s).`);
    }
    return failsOn(findings, failOn) ? exitCodes.findings : exitCodes.ok;
  },
};

export const siteCommands: Command[] = [siteScanCommand];
