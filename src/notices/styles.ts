/**
 * Styles of the notice pages and fragments, scoped under `.charter-notice` so that an embedding site can include them
 * without side effects, and the per-site theme (colours from the charter) as CSS custom properties. Theme colours that
 * would fail WCAG AA contrast (4.5:1 for text) are replaced by the defaults rather than shown unreadable.
 */
import type { Site } from '../charter/schema.js';

export const noticeStylesheet = `/* Charter notice and cookie policy: scoped under .charter-notice. */
.charter-notice { --cn-fg: #1a1a1a; --cn-bg: #ffffff; --cn-accent: #1d4ed8; --cn-muted: #4a4a4a; --cn-border: #c4c4c4; --cn-head: #f3f4f6; --cn-focus: #b45309;
  color: var(--cn-fg); background: var(--cn-bg); line-height: 1.55;
  /* A long URL or address breaks where it must instead of widening the page past a phone's screen. */
  overflow-wrap: anywhere; }
.charter-notice a { color: var(--cn-accent); text-decoration: underline; }
.charter-notice a:focus-visible, .charter-notice button:focus-visible, .charter-notice input:focus-visible, .charter-notice [tabindex]:focus-visible { outline: 3px solid var(--cn-focus); outline-offset: 2px; }
.charter-notice .charter-notice__version { color: var(--cn-muted); font-size: .95rem; }
.charter-notice .charter-notice__toc ol { padding-left: 1.4rem; columns: 2 18rem; }
.charter-notice .charter-notice__section { margin-top: 2rem; }
.charter-notice .charter-notice__subsection { border-left: 3px solid var(--cn-border); padding-left: 1rem; margin: 1.5rem 0; }
.charter-notice .charter-notice__definitions { margin: 0; }
.charter-notice .charter-notice__entry { display: grid; grid-template-columns: minmax(9rem, 13rem) minmax(0, 1fr); gap: .25rem 1rem; padding: .35rem 0; border-bottom: 1px solid var(--cn-border); }
.charter-notice .charter-notice__entry dt { font-weight: 600; }
.charter-notice .charter-notice__entry dd { margin: 0; grid-column: 2; }
@media (max-width: 40rem) { .charter-notice .charter-notice__entry { grid-template-columns: 1fr; } .charter-notice .charter-notice__entry dd { grid-column: 1; } }
.charter-notice .charter-notice__address { font-style: normal; margin: .5rem 0 1rem; padding: .5rem .75rem; border-left: 3px solid var(--cn-accent); }
.charter-notice .charter-notice__table-wrap { overflow-x: auto; margin: 1rem 0; }
.charter-notice .charter-notice__table { border-collapse: collapse; width: 100%; }
.charter-notice .charter-notice__table caption { text-align: left; font-weight: 600; padding: .25rem 0; }
.charter-notice .charter-notice__table th, .charter-notice .charter-notice__table td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--cn-border); padding: .45rem .5rem; }
.charter-notice .charter-notice__table thead th { background: var(--cn-head); }
.charter-notice .charter-notice__table tbody th { font-weight: 600; }
.charter-notice .charter-notice__consent-button, .charter-notice .charter-notice__subscribe button { font: inherit; font-weight: 600; padding: .6rem 1.1rem; border-radius: 6px; border: 2px solid var(--cn-accent); background: var(--cn-accent); color: var(--cn-bg); cursor: pointer; }
.charter-notice .charter-notice__subscribe { margin-top: 1rem; padding: 1rem; border: 1px solid var(--cn-border); border-radius: 6px; }
.charter-notice .charter-notice__subscribe label { display: block; font-weight: 600; margin: .5rem 0 .25rem; }
.charter-notice .charter-notice__subscribe input[type=email] { font: inherit; padding: .5rem; border: 1px solid #767676; border-radius: 4px; width: 100%; max-width: 24rem; margin-bottom: .75rem; display: block; }
.charter-notice .charter-notice__muted { color: var(--cn-muted); }
.charter-notice .charter-notice__message { border-left: 4px solid var(--cn-accent); padding: .5rem 1rem; background: var(--cn-head); }
.charter-notice .charter-notice__formats { margin-top: 2.5rem; color: var(--cn-muted); }
.charter-notice__header { display: flex; align-items: center; justify-content: space-between; gap: 1rem; flex-wrap: wrap; }
.charter-notice__logo { max-height: 3rem; max-width: 12rem; }
.charter-notice__languages ul { list-style: none; padding: 0; display: flex; gap: 1rem; flex-wrap: wrap; margin: 0; }
.charter-notice__history li { margin-bottom: 1.25rem; }
@media print { .charter-notice__toc, .charter-notice__subscribe, .charter-notice__formats, .charter-notice__languages, .skip-link { display: none; } }
`;

const defaults = { accent: '#1d4ed8', background: '#ffffff', foreground: '#1a1a1a' };

/** WCAG 2.x contrast ratio between two #RRGGBB colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const [r = 0, g = 0, bl = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The site's theme as custom properties on `.charter-notice`, keeping only colours that stay readable. */
export function themeStylesheet(site: Pick<Site, 'theme'>): string {
  const background =
    site.theme?.backgroundColor && contrastRatio(site.theme.backgroundColor, defaults.foreground) >= 4.5
      ? site.theme.backgroundColor
      : defaults.background;
  const accent =
    site.theme?.primaryColor && contrastRatio(site.theme.primaryColor, background) >= 4.5
      ? site.theme.primaryColor
      : defaults.accent;
  return `/* Theme of this site, from its charter. */\n.charter-notice, body { --cn-bg: ${background}; --cn-accent: ${accent}; --accent: ${accent}; background: ${background}; }\n`;
}
