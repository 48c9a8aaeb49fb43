/**
 * Lint rules of the sites domain: the declared cookies checked against the shipped catalog of well-known cookies
 * (src/sites/cookie-catalog.ts). They join the core rules in `src/charter/lint.ts`.
 */
import type { LintFinding, LintRule } from '../charter/lint.js';
import { findCatalogEntry, lifetimeDays } from './cookie-catalog.js';

/**
 * A cookie the vendor documents as analytics or advertising cannot be strictly necessary (ePrivacy Art. 5(3)
 * exemption; EDPB Guidelines 2/2023): declared so, the banner sets it without asking.
 */
export const trackingDeclaredNecessaryRule: LintRule = (charter) =>
  charter.cookies.flatMap((declared, c): LintFinding[] => {
    if (declared.category !== 'necessary' || declared.type === 'pixel') return [];
    const known = findCatalogEntry(declared.name, declared.type);
    if (!known || (known.category !== 'analytics' && known.category !== 'advertising')) return [];
    return [
      {
        rule: 'tracking-cookie-declared-necessary',
        severity: 'error',
        article: 'ePrivacy Directive Art. 5(3); EDPB Guidelines 2/2023',
        path: ['cookies', c, 'category'],
        message: `"${declared.name}" is a ${known.category} ${declared.type} of ${known.vendor}: it is not strictly necessary and needs consent; declare it in a consent category`,
      },
    ];
  });

/**
 * A declared lifetime shorter than the one the vendor sets tells visitors less than the truth (Art. 13(2)(a),
 * ePrivacy Art. 5(3) "clear and comprehensive information"). One day of slack absorbs rounding.
 */
export const lifetimeShorterThanVendorRule: LintRule = (charter) =>
  charter.cookies.flatMap((declared, c): LintFinding[] => {
    if (declared.type === 'pixel') return [];
    const known = findCatalogEntry(declared.name, declared.type);
    if (!known || known.configurable || known.lifetime === 'session') return [];
    if (lifetimeDays(declared.duration) + 1 >= lifetimeDays(known.lifetime)) return [];
    return [
      {
        rule: 'cookie-lifetime-shorter-than-vendor',
        severity: 'warning',
        article: 'GDPR Art. 13(2)(a); ePrivacy Directive Art. 5(3)',
        path: ['cookies', c, 'duration'],
        message: `"${declared.name}" is declared to last ${declared.duration}, but ${known.vendor} sets it for ${known.lifetime}: declare ${known.lifetime} or configure the shorter lifetime`,
      },
    ];
  });

export const siteLintRules: readonly LintRule[] = [trackingDeclaredNecessaryRule, lifetimeShorterThanVendorRule];
