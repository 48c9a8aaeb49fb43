/**
 * The lint rule on outdated references in the charter's texts: repealed laws, authorities under former names, consent
 * "by browsing" and the like, each with what to write instead.
 */
import { formerAuthorityNames } from '../charter/catalogs/authorities.js';
import type { LintFinding, LintRule } from '../charter/lint.js';
import { finding, walkStrings } from './lint-support.js';

interface OutdatedPattern {
  /** Several names of one thing (the Belgian Privacy Commission in four languages) are reported once per text. */
  key: string;
  pattern: RegExp;
  severity: LintFinding['severity'];
  article: string;
  message: string;
}

/** The replacement named in every finding about the Belgian Privacy Commission, in the country's languages. */
const belgianAuthority =
  'write Gegevensbeschermingsautoriteit (GBA) / Autorité de protection des données (APD) / Datenschutzbehörde, www.dataprotectionauthority.be (catalog authority be-apd)';

/**
 * "By using this website you agree …" and its Dutch, French and German forms: browsing is not consent (Planet49).
 * Written loosely (a few words may sit between the act and the agreement) but always needs both halves.
 */
const consentByBrowsing = new RegExp(
  [
    String.raw`\bby (continuing to )?(use|using|browse|browsing|visit|visiting|navigat\w*|stay\w* on) (this|our|the) (web ?)?(site|page)s?\b.{0,60}?\byou (hereby )?(agree|consent|accept)`,
    String.raw`\bcontinu\w* (to (use|browse)|browsing|using) (this|our|the) (web ?)?site\b.{0,60}?\b(agree|consent|accept)`,
    String.raw`\bdoor (verder te (surfen|gaan|navigeren)|(deze|onze|de) (web)?site (verder )?te (gebruiken|bezoeken|raadplegen)).{0,60}?\b(gaat u akkoord|stemt u in|aanvaardt u|geeft u toestemming)`,
    String.raw`\ben (continuant|poursuivant) (votre |la )?navigation.{0,60}?\b(acceptez|consentez)`,
    String.raw`\ben (utilisant|naviguant sur|visitant) (ce|notre|le) site.{0,60}?\b(acceptez|consentez)`,
    String.raw`\b(durch die|mit der) (weitere[n]? )?(nutzung|verwendung) (dieser|unserer|der) (website|webseite|seite|internetseite).{0,60}?\b(stimmen sie|erklären sie sich|akzeptieren sie|willigen sie)`,
    String.raw`\bwenn sie (diese|unsere) (website|webseite|seite) (weiter )?(nutzen|besuchen).{0,60}?\b(stimmen sie|erklären sie sich|akzeptieren sie|willigen sie)`,
  ].join('|'),
  'iu',
);

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const outdatedPatterns: OutdatedPattern[] = [
  {
    key: 'privacy-shield',
    pattern:
      /privacy[\s-]?shield|privacy[\s-]?schild|privacy[\s-]?scherm|bouclier de protection des donn[ée]es|datenschutz[\s-]?schild/i,
    severity: 'error',
    article: 'GDPR Art. 44–46; CJEU C-311/18 (Schrems II)',
    message:
      'mentions the EU-US Privacy Shield, invalid since 16 July 2020: name the EU-US Data Privacy Framework or standard contractual clauses',
  },
  {
    key: 'safe-harbour',
    pattern: /safe[\s-]?harbou?r/i,
    severity: 'error',
    article: 'GDPR Art. 44–46; CJEU C-362/14 (Schrems I)',
    message: 'mentions Safe Harbour, invalid since 6 October 2015',
  },
  {
    key: 'be-1992',
    pattern:
      /wet (van|tot bescherming van de persoonlijke levenssfeer.{0,60}?) ?8 december 1992|loi du 8 d[ée]cembre 1992|privacy act of 1992|(law|act) of 8 december 1992|gesetz vom 8\. dezember 1992|privacywet van 1992/i,
    severity: 'warning',
    article: 'Belgian Law of 30 July 2018 (replaced the Law of 8 December 1992)',
    message: 'cites the Belgian Privacy Act of 8 December 1992, replaced by the GDPR and the Law of 30 July 2018',
  },
  {
    key: 'directive-95-46',
    pattern: /(directive|richtlijn|richtlinie)\s+95\/46|\b95\/46\/(EC|EG|CE)\b/i,
    severity: 'warning',
    article: 'GDPR Art. 94 (repeals Directive 95/46/EC)',
    message: 'cites Directive 95/46/EC, repealed by the GDPR on 25 May 2018',
  },
  {
    key: 'nl-wbp',
    pattern: /wet bescherming persoonsgegevens|\bWbp\b/,
    severity: 'warning',
    article: 'Dutch UAVG (replaced the Wbp on 25 May 2018)',
    message: 'cites the Dutch Wet bescherming persoonsgegevens, replaced by the GDPR and the UAVG on 25 May 2018',
  },
  {
    key: 'global-data-protection-regulation',
    pattern: /global data protection regulation/i,
    severity: 'warning',
    article: 'Regulation (EU) 2016/679',
    message:
      'says "Global Data Protection Regulation": the regulation is the General Data Protection Regulation (GDPR)',
  },
  {
    // Short and web forms of the Belgian Privacy Commission the catalog's full names do not catch.
    key: 'authority:be-apd',
    pattern: /commission (de la )?vie priv[ée]e|privacycommission\.be|commissionprivee\.be|privacycommissie\.be/i,
    severity: 'warning',
    article: 'GDPR Art. 13(2)(d), 51',
    message: `names the former Belgian Privacy Commission (replaced on 2018-05-25): ${belgianAuthority}`,
  },
  {
    key: 'consent-by-browsing',
    pattern: consentByBrowsing,
    severity: 'error',
    article: 'GDPR Art. 4(11), 7; CJEU C-673/17 (Planet49); EDPB Guidelines 05/2020 on consent',
    message:
      'treats using or browsing the site as consent: consent needs a clear affirmative act, so say what the banner asks instead',
  },
  ...formerAuthorityNames.map((former): OutdatedPattern => {
    // Acronyms ("CBP") only as a whole word in capitals; full names in any case.
    const acronym = /^[A-Z]{2,6}$/.test(former.name);
    return {
      key: `authority:${former.replacedBy}`,
      pattern: new RegExp(
        acronym ? `\\b${escapeRegExp(former.name)}\\b` : escapeRegExp(former.name),
        acronym ? '' : 'i',
      ),
      severity: 'warning',
      article: 'GDPR Art. 13(2)(d), 51',
      message: `names "${former.name}", replaced on ${former.replacedOn}: ${former.replacedBy === 'be-apd' ? belgianAuthority : `now catalog authority ${former.replacedBy}`}`,
    };
  }),
];

/**
 * Outdated names that mislead readers: Privacy Shield and Safe Harbour, the Belgian Privacy Commission (replaced by
 * the APD/GBA on 25 May 2018) and other former authorities, the 1992 Belgian Privacy Act, Directive 95/46/EC and the
 * Dutch Wbp — anywhere in the charter's texts.
 */
export const outdatedReferenceRule: LintRule = (charter) => {
  const findings: LintFinding[] = [];
  walkStrings(charter, [], (text, path) => {
    const seen = new Set<string>();
    for (const entry of outdatedPatterns) {
      if (seen.has(entry.key) || !entry.pattern.test(text)) continue;
      seen.add(entry.key);
      findings.push(finding('outdated-reference', entry.severity, entry.article, path, entry.message));
    }
  });
  return findings;
};
