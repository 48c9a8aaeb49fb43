/**
 * The bounded crawl's inputs from the site itself: robots.txt (RFC 9309: the groups for our agent or `*`, longest
 * match wins, Allow beats Disallow on a tie) and sitemap.xml. Fetched with a timeout; a site without them is crawled
 * from its start page's links.
 */

export const scannerAgent = 'CharterSiteScan';

export interface RobotsRules {
  allow: string[];
  disallow: string[];
  sitemaps: string[];
}

/** Parses robots.txt into the rules for our agent (or `*` when no group names us). */
export function parseRobots(text: string): RobotsRules {
  const groups: { agents: string[]; allow: string[]; disallow: string[] }[] = [];
  const sitemaps: string[] = [];
  let current: (typeof groups)[number] | undefined;
  let lastWasAgent = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const match = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    const field = match[1]!.toLowerCase();
    const value = match[2]!.trim();
    if (field === 'sitemap') {
      sitemaps.push(value);
      continue;
    }
    if (field === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], allow: [], disallow: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (field === 'allow' && value) current.allow.push(value);
    if (field === 'disallow' && value) current.disallow.push(value);
  }
  const ours = groups.filter((g) => g.agents.includes(scannerAgent.toLowerCase()));
  const chosen = ours.length ? ours : groups.filter((g) => g.agents.includes('*'));
  return { allow: chosen.flatMap((g) => g.allow), disallow: chosen.flatMap((g) => g.disallow), sitemaps };
}

/** A robots.txt path pattern (`*` wildcard, `$` end anchor) as a regular expression. */
function patternOf(rule: string): RegExp {
  const anchored = rule.endsWith('$');
  const body = (anchored ? rule.slice(0, -1) : rule).replace(/[.+?^{}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

/** Whether robots.txt lets us fetch this path (and query). */
export function robotsAllow(rules: RobotsRules, pathAndQuery: string): boolean {
  const longest = (list: string[]) =>
    Math.max(-1, ...list.filter((rule) => patternOf(rule).test(pathAndQuery)).map((rule) => rule.length));
  const allowed = longest(rules.allow);
  const disallowed = longest(rules.disallow);
  return disallowed < 0 || allowed >= disallowed;
}

/** The `<loc>` URLs of a sitemap (or sitemap index). */
export function parseSitemap(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/gi)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

/** Fetches a text resource with a timeout; undefined when it is missing, too large or does not answer in time. */
export async function fetchText(url: string, timeoutMs: number, maxBytes = 1_000_000): Promise<string | undefined> {
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'follow',
      headers: { 'user-agent': scannerAgent },
    });
    if (!response.ok) return undefined;
    const text = await response.text();
    return text.length > maxBytes ? undefined : text;
  } catch {
    return undefined;
  }
}
