/**
 * The banner script with its configuration inside (issue 19, item 6): the built bundle wrapped in a function whose
 * parameter `__charterConfig` is the configuration. The bundle reads that free name (web/banner/banner.ts) and, when
 * it is there, shows the banner without a second request; the plain `/banner.js` has no such name and fetches its
 * configuration as before. A parameter, not a global: the host page sees nothing new on `window`.
 * Pure: bundle and configuration in, script text out.
 */
import type { BannerConfig } from './banner-config.js';

/** The name the bundle looks for; kept in one place for the bundle's `declare` and this wrapper. */
export const embeddedConfigName = '__charterConfig';

export function bannerScript(bundle: string, config: BannerConfig): string {
  // JSON is valid JavaScript (ES2019 made U+2028/U+2029 legal in strings); "<" is escaped anyway so the text is
  // also safe where someone pastes it inline.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `(function(${embeddedConfigName}){${bundle.trim()}\n})(${json});\n`;
}
