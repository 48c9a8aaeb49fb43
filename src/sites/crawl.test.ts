import { describe, expect, it } from 'vitest';
import { parseRobots, parseSitemap, robotsAllow } from './crawl.js';

describe('robots.txt', () => {
  const robots = parseRobots(
    [
      '# comment',
      'User-agent: *',
      'Disallow: /private',
      'Allow: /private/open',
      'Disallow: /*.pdf$',
      '',
      'User-agent: other',
      'Disallow: /',
      'Sitemap: https://example.be/map.xml',
    ].join('\n'),
  );
  it('follows the group for every agent, the longest match winning', () => {
    expect(robotsAllow(robots, '/')).toBe(true);
    expect(robotsAllow(robots, '/private/x')).toBe(false);
    expect(robotsAllow(robots, '/private/open/page')).toBe(true);
    expect(robotsAllow(robots, '/files/a.pdf')).toBe(false);
    expect(robotsAllow(robots, '/files/a.pdf?x=1')).toBe(true);
    expect(robots.sitemaps).toEqual(['https://example.be/map.xml']);
  });
  it('prefers a group that names the scanner, and allows everything without rules', () => {
    const ours = parseRobots('User-agent: *\nDisallow: /\n\nUser-agent: CharterSiteScan\nDisallow: /admin\n');
    expect(robotsAllow(ours, '/page')).toBe(true);
    expect(robotsAllow(ours, '/admin/x')).toBe(false);
    expect(robotsAllow(parseRobots(''), '/anything')).toBe(true);
  });
});

describe('sitemap.xml', () => {
  it('reads the loc of every url, entities decoded', () => {
    expect(
      parseSitemap(
        '<urlset><url><loc> https://example.be/a?x=1&amp;y=2 </loc></url><url><loc>https://example.be/b</loc></url></urlset>',
      ),
    ).toEqual(['https://example.be/a?x=1&y=2', 'https://example.be/b']);
  });
});
