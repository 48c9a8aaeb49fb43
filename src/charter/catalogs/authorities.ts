/**
 * Data protection supervisory authorities (GDPR Art. 51) of the EU and EEA member states, with the United Kingdom
 * and Switzerland added for completeness (`eea: false`). Germany has a federal authority and one per Land; the Länder
 * supervise the private sector in their territory, so the most used ones are listed individually.
 *
 * Names are given in the authority's own official language(s), keyed by ISO 639-1 code, plus English. Addresses are
 * the postal addresses the authorities publish; where a post-office box is the recommended address it is used.
 * `complaintUrl` is the best-known page for lodging a complaint (Art. 77); where no stable deep link is known it is
 * the authority's home page, from which the complaint form is reachable.
 */

export type AuthorityLanguage = 'en' | 'nl' | 'fr' | 'de' | (string & {});

export interface SupervisoryAuthority {
  /** Stable kebab-case id: `<country>-<acronym>`, or `de-<land>-<acronym>` for German Länder. */
  id: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  eea: boolean;
  /** Official names in the country's own languages plus English, keyed by ISO 639-1 code. */
  names: Partial<Record<AuthorityLanguage, string>>;
  shortName: string;
  address: { street: string; postalCode: string; city: string; country: string };
  website: string;
  complaintUrl: string;
  /**
   * The address as the authority writes it in a language, where it differs (a bilingual street, "Bruxelles" /
   * "Brussel"); `address` is the fallback.
   */
  localAddresses?: Partial<Record<AuthorityLanguage, { street: string; postalCode: string; city: string }>>;
  /** The authority's own pages in a language, where it publishes them: its home and its complaint page. */
  localPages?: Partial<Record<AuthorityLanguage, { website: string; complaintUrl: string }>>;
  email?: string;
  phone?: string;
  /** For Länder and similar: the region the authority covers and its remit, if narrower than the whole country. */
  region?: string;
  remit?: 'all' | 'private-sector' | 'public-sector';
}

export const authorities: readonly SupervisoryAuthority[] = [
  // ── European Union ────────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'at-dsb',
    country: 'AT',
    eea: true,
    names: { de: 'Österreichische Datenschutzbehörde', en: 'Austrian Data Protection Authority' },
    shortName: 'DSB',
    address: { street: 'Barichgasse 40-42', postalCode: '1030', city: 'Wien', country: 'AT' },
    website: 'https://www.dsb.gv.at',
    complaintUrl: 'https://www.dsb.gv.at/eingabe-an-die-dsb',
    email: 'dsb@dsb.gv.at',
    phone: '+43 1 52152-0',
  },
  {
    id: 'be-apd',
    country: 'BE',
    eea: true,
    names: {
      fr: 'Autorité de protection des données',
      nl: 'Gegevensbeschermingsautoriteit',
      de: 'Datenschutzbehörde',
      en: 'Data Protection Authority',
    },
    shortName: 'APD/GBA',
    address: { street: 'Rue de la Presse 35 / Drukpersstraat 35', postalCode: '1000', city: 'Brussels', country: 'BE' },
    website: 'https://www.dataprotectionauthority.be',
    complaintUrl: 'https://www.dataprotectionauthority.be/citizen/actions/lodge-a-complaint',
    localAddresses: {
      fr: { street: 'Rue de la Presse 35', postalCode: '1000', city: 'Bruxelles' },
      nl: { street: 'Drukpersstraat 35', postalCode: '1000', city: 'Brussel' },
      de: { street: 'Rue de la Presse 35', postalCode: '1000', city: 'Brüssel' },
    },
    localPages: {
      fr: {
        website: 'https://www.autoriteprotectiondonnees.be',
        complaintUrl: 'https://www.autoriteprotectiondonnees.be/citoyen/agir/introduire-une-plainte',
      },
      nl: {
        website: 'https://www.gegevensbeschermingsautoriteit.be',
        complaintUrl: 'https://www.gegevensbeschermingsautoriteit.be/burger/acties/klacht-indienen',
      },
    },
    email: 'contact@apd-gba.be',
    phone: '+32 2 274 48 00',
  },
  {
    id: 'bg-cpdp',
    country: 'BG',
    eea: true,
    names: { bg: 'Комисия за защита на личните данни', en: 'Commission for Personal Data Protection' },
    shortName: 'CPDP',
    address: { street: '2 Prof. Tsvetan Lazarov Blvd.', postalCode: '1592', city: 'Sofia', country: 'BG' },
    website: 'https://www.cpdp.bg',
    complaintUrl: 'https://www.cpdp.bg',
    email: 'kzld@cpdp.bg',
    phone: '+359 2 915 3518',
  },
  {
    id: 'hr-azop',
    country: 'HR',
    eea: true,
    names: { hr: 'Agencija za zaštitu osobnih podataka', en: 'Croatian Personal Data Protection Agency' },
    shortName: 'AZOP',
    address: { street: 'Selska cesta 136', postalCode: '10000', city: 'Zagreb', country: 'HR' },
    website: 'https://azop.hr',
    complaintUrl: 'https://azop.hr',
    email: 'azop@azop.hr',
    phone: '+385 1 4609 000',
  },
  {
    id: 'cy-dpc',
    country: 'CY',
    eea: true,
    names: {
      el: 'Γραφείο Επιτρόπου Προστασίας Δεδομένων Προσωπικού Χαρακτήρα',
      en: 'Office of the Commissioner for Personal Data Protection',
    },
    shortName: 'Commissioner for Personal Data Protection',
    address: { street: 'Iasonos 1', postalCode: '1082', city: 'Nicosia', country: 'CY' },
    website: 'https://www.dataprotection.gov.cy',
    complaintUrl: 'https://www.dataprotection.gov.cy',
    email: 'commissioner@dataprotection.gov.cy',
    phone: '+357 22 818 456',
  },
  {
    id: 'cz-uoou',
    country: 'CZ',
    eea: true,
    names: { cs: 'Úřad pro ochranu osobních údajů', en: 'Office for Personal Data Protection' },
    shortName: 'ÚOOÚ',
    address: { street: 'Pplk. Sochora 27', postalCode: '170 00', city: 'Praha 7', country: 'CZ' },
    website: 'https://uoou.gov.cz',
    complaintUrl: 'https://uoou.gov.cz',
    email: 'posta@uoou.cz',
    phone: '+420 234 665 111',
  },
  {
    id: 'dk-datatilsynet',
    country: 'DK',
    eea: true,
    names: { da: 'Datatilsynet', en: 'Danish Data Protection Agency' },
    shortName: 'Datatilsynet',
    address: { street: 'Carl Jacobsens Vej 35', postalCode: '2500', city: 'Valby', country: 'DK' },
    website: 'https://www.datatilsynet.dk',
    complaintUrl: 'https://www.datatilsynet.dk',
    email: 'dt@datatilsynet.dk',
    phone: '+45 33 19 32 00',
  },
  {
    id: 'ee-aki',
    country: 'EE',
    eea: true,
    names: { et: 'Andmekaitse Inspektsioon', en: 'Estonian Data Protection Inspectorate' },
    shortName: 'AKI',
    address: { street: 'Tatari 39', postalCode: '10134', city: 'Tallinn', country: 'EE' },
    website: 'https://www.aki.ee',
    complaintUrl: 'https://www.aki.ee',
    email: 'info@aki.ee',
  },
  {
    id: 'fi-tsv',
    country: 'FI',
    eea: true,
    names: {
      fi: 'Tietosuojavaltuutetun toimisto',
      sv: 'Dataombudsmannens byrå',
      en: 'Office of the Data Protection Ombudsman',
    },
    shortName: 'Tietosuojavaltuutettu',
    address: { street: 'PL 800', postalCode: '00531', city: 'Helsinki', country: 'FI' },
    website: 'https://tietosuoja.fi',
    complaintUrl: 'https://tietosuoja.fi/ilmoitus-tietosuojavaltuutetulle',
    email: 'tietosuoja@om.fi',
    phone: '+358 29 566 6700',
  },
  {
    id: 'fr-cnil',
    country: 'FR',
    eea: true,
    names: {
      fr: "Commission nationale de l'informatique et des libertés",
      en: 'French Data Protection Authority (National Commission on Informatics and Liberty)',
    },
    shortName: 'CNIL',
    address: { street: '3 Place de Fontenoy, TSA 80715', postalCode: '75334', city: 'Paris Cedex 07', country: 'FR' },
    website: 'https://www.cnil.fr',
    complaintUrl: 'https://www.cnil.fr/fr/plaintes',
    phone: '+33 1 53 73 22 22',
  },
  {
    id: 'de-bfdi',
    country: 'DE',
    eea: true,
    names: {
      de: 'Bundesbeauftragte für den Datenschutz und die Informationsfreiheit',
      en: 'Federal Commissioner for Data Protection and Freedom of Information',
    },
    shortName: 'BfDI',
    address: { street: 'Graurheindorfer Straße 153', postalCode: '53117', city: 'Bonn', country: 'DE' },
    website: 'https://www.bfdi.bund.de',
    complaintUrl: 'https://formulare.bfdi.bund.de/lip/action/invoke.do?id=BfDIBeschwerde',
    email: 'poststelle@bfdi.bund.de',
    phone: '+49 228 997799-0',
    remit: 'all',
  },
  {
    id: 'de-bw-lfdi',
    country: 'DE',
    eea: true,
    names: {
      de: 'Landesbeauftragter für den Datenschutz und die Informationsfreiheit Baden-Württemberg',
      en: 'Baden-Württemberg Commissioner for Data Protection and Freedom of Information',
    },
    shortName: 'LfDI BW',
    address: { street: 'Lautenschlagerstraße 20', postalCode: '70173', city: 'Stuttgart', country: 'DE' },
    website: 'https://www.baden-wuerttemberg.datenschutz.de',
    complaintUrl: 'https://www.baden-wuerttemberg.datenschutz.de/online-beschwerde/',
    email: 'poststelle@lfdi.bwl.de',
    region: 'Baden-Württemberg',
    remit: 'all',
  },
  {
    id: 'de-by-baylda',
    country: 'DE',
    eea: true,
    names: {
      de: 'Bayerisches Landesamt für Datenschutzaufsicht',
      en: 'Bavarian State Office for Data Protection Supervision',
    },
    shortName: 'BayLDA',
    address: { street: 'Promenade 18', postalCode: '91522', city: 'Ansbach', country: 'DE' },
    website: 'https://www.lda.bayern.de',
    complaintUrl: 'https://www.lda.bayern.de/de/beschwerde.html',
    email: 'poststelle@lda.bayern.de',
    region: 'Bayern',
    remit: 'private-sector',
  },
  {
    id: 'de-by-baylfd',
    country: 'DE',
    eea: true,
    names: {
      de: 'Der Bayerische Landesbeauftragte für den Datenschutz',
      en: 'Bavarian State Commissioner for Data Protection',
    },
    shortName: 'BayLfD',
    address: { street: 'Wagmüllerstraße 18', postalCode: '80538', city: 'München', country: 'DE' },
    website: 'https://www.datenschutz-bayern.de',
    complaintUrl: 'https://www.datenschutz-bayern.de',
    email: 'poststelle@datenschutz-bayern.de',
    region: 'Bayern',
    remit: 'public-sector',
  },
  {
    id: 'de-be-blnbdi',
    country: 'DE',
    eea: true,
    names: {
      de: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit',
      en: 'Berlin Commissioner for Data Protection and Freedom of Information',
    },
    shortName: 'BlnBDI',
    address: { street: 'Alt-Moabit 59-61', postalCode: '10555', city: 'Berlin', country: 'DE' },
    website: 'https://www.datenschutz-berlin.de',
    complaintUrl: 'https://www.datenschutz-berlin.de/eingabe',
    email: 'mailbox@datenschutz-berlin.de',
    phone: '+49 30 13889-0',
    region: 'Berlin',
    remit: 'all',
  },
  {
    id: 'de-bb-lda',
    country: 'DE',
    eea: true,
    names: {
      de: 'Die Landesbeauftragte für den Datenschutz und für das Recht auf Akteneinsicht Brandenburg',
      en: 'Brandenburg Commissioner for Data Protection and Access to Files',
    },
    shortName: 'LDA Brandenburg',
    address: { street: 'Stahnsdorfer Damm 77', postalCode: '14532', city: 'Kleinmachnow', country: 'DE' },
    website: 'https://www.lda.brandenburg.de',
    complaintUrl: 'https://www.lda.brandenburg.de',
    email: 'poststelle@lda.brandenburg.de',
    region: 'Brandenburg',
    remit: 'all',
  },
  {
    id: 'de-hb-lfdi',
    country: 'DE',
    eea: true,
    names: {
      de: 'Die Landesbeauftragte für Datenschutz und Informationsfreiheit der Freien Hansestadt Bremen',
      en: 'Bremen Commissioner for Data Protection and Freedom of Information',
    },
    shortName: 'LfDI Bremen',
    address: { street: 'Arndtstraße 1', postalCode: '27570', city: 'Bremerhaven', country: 'DE' },
    website: 'https://www.datenschutz.bremen.de',
    complaintUrl: 'https://www.datenschutz.bremen.de',
    email: 'office@datenschutz.bremen.de',
    region: 'Bremen',
    remit: 'all',
  },
  {
    id: 'de-hh-hmbbfdi',
    country: 'DE',
    eea: true,
    names: {
      de: 'Hamburgische Beauftragte für Datenschutz und Informationsfreiheit',
      en: 'Hamburg Commissioner for Data Protection and Freedom of Information',
    },
    shortName: 'HmbBfDI',
    address: { street: 'Ludwig-Erhard-Straße 22', postalCode: '20459', city: 'Hamburg', country: 'DE' },
    website: 'https://datenschutz-hamburg.de',
    complaintUrl: 'https://datenschutz-hamburg.de/beschwerde',
    email: 'mailbox@datenschutz.hamburg.de',
    region: 'Hamburg',
    remit: 'all',
  },
  {
    id: 'de-he-hbdi',
    country: 'DE',
    eea: true,
    names: {
      de: 'Der Hessische Beauftragte für Datenschutz und Informationsfreiheit',
      en: 'Hessian Commissioner for Data Protection and Freedom of Information',
    },
    shortName: 'HBDI',
    address: { street: 'Gustav-Stresemann-Ring 1', postalCode: '65189', city: 'Wiesbaden', country: 'DE' },
    website: 'https://datenschutz.hessen.de',
    complaintUrl: 'https://datenschutz.hessen.de/service/beschwerde',
    email: 'poststelle@datenschutz.hessen.de',
    phone: '+49 611 1408-0',
    region: 'Hessen',
    remit: 'all',
  },
  {
    id: 'de-mv-lfdi',
    country: 'DE',
    eea: true,
    names: {
      de: 'Der Landesbeauftragte für Datenschutz und Informationsfreiheit Mecklenburg-Vorpommern',
      en: 'Mecklenburg-Western Pomerania Commissioner for Data Protection and Freedom of Information',
    },
    shortName: 'LfDI M-V',
    address: { street: 'Werderstraße 74a', postalCode: '19055', city: 'Schwerin', country: 'DE' },
    website: 'https://www.datenschutz-mv.de',
    complaintUrl: 'https://www.datenschutz-mv.de',
    email: 'info@datenschutz-mv.de',
    region: 'Mecklenburg-Vorpommern',
    remit: 'all',
  },
  {
    id: 'de-ni-lfd',
    country: 'DE',
    eea: true,
    names: {
      de: 'Die Landesbeauftragte für den Datenschutz Niedersachsen',
      en: 'Lower Saxony Commissioner for Data Protection',
    },
    shortName: 'LfD Niedersachsen',
    address: { street: 'Prinzenstraße 5', postalCode: '30159', city: 'Hannover', country: 'DE' },
    website: 'https://www.lfd.niedersachsen.de',
    complaintUrl: 'https://www.lfd.niedersachsen.de',
    email: 'poststelle@lfd.niedersachsen.de',
    region: 'Niedersachsen',
    remit: 'all',
  },
  {
    id: 'de-nw-ldi',
    country: 'DE',
    eea: true,
    names: {
      de: 'Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen',
      en: 'North Rhine-Westphalia Commissioner for Data Protection and Freedom of Information',
    },
    shortName: 'LDI NRW',
    address: { street: 'Kavalleriestraße 2-4', postalCode: '40213', city: 'Düsseldorf', country: 'DE' },
    website: 'https://www.ldi.nrw.de',
    complaintUrl: 'https://www.ldi.nrw.de',
    email: 'poststelle@ldi.nrw.de',
    phone: '+49 211 38424-0',
    region: 'Nordrhein-Westfalen',
    remit: 'all',
  },
  {
    id: 'de-rp-lfdi',
    country: 'DE',
    eea: true,
    names: {
      de: 'Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz',
      en: 'Rhineland-Palatinate Commissioner for Data Protection and Freedom of Information',
    },
    shortName: 'LfDI RLP',
    address: { street: 'Hintere Bleiche 34', postalCode: '55116', city: 'Mainz', country: 'DE' },
    website: 'https://www.datenschutz.rlp.de',
    complaintUrl: 'https://www.datenschutz.rlp.de',
    email: 'poststelle@datenschutz.rlp.de',
    region: 'Rheinland-Pfalz',
    remit: 'all',
  },
  {
    id: 'de-sl-udz',
    country: 'DE',
    eea: true,
    names: { de: 'Unabhängiges Datenschutzzentrum Saarland', en: 'Independent Data Protection Centre of Saarland' },
    shortName: 'UDZ Saarland',
    address: { street: 'Fritz-Dobisch-Straße 12', postalCode: '66111', city: 'Saarbrücken', country: 'DE' },
    website: 'https://www.datenschutz.saarland.de',
    complaintUrl: 'https://www.datenschutz.saarland.de/online-dienste/beschwerdeformular',
    email: 'poststelle@datenschutz.saarland.de',
    region: 'Saarland',
    remit: 'all',
  },
  {
    id: 'de-sn-sdtb',
    country: 'DE',
    eea: true,
    names: {
      de: 'Sächsische Datenschutz- und Transparenzbeauftragte',
      en: 'Saxon Commissioner for Data Protection and Transparency',
    },
    shortName: 'SDTB',
    address: { street: 'Devrientstraße 5', postalCode: '01067', city: 'Dresden', country: 'DE' },
    website: 'https://www.datenschutz.sachsen.de',
    complaintUrl: 'https://www.datenschutz.sachsen.de',
    email: 'saechsdsb@slt.sachsen.de',
    region: 'Sachsen',
    remit: 'all',
  },
  {
    id: 'de-st-lfd',
    country: 'DE',
    eea: true,
    names: {
      de: 'Landesbeauftragter für den Datenschutz Sachsen-Anhalt',
      en: 'Saxony-Anhalt Commissioner for Data Protection',
    },
    shortName: 'LfD Sachsen-Anhalt',
    address: { street: 'Postfach 1947', postalCode: '39009', city: 'Magdeburg', country: 'DE' },
    website: 'https://datenschutz.sachsen-anhalt.de',
    complaintUrl: 'https://datenschutz.sachsen-anhalt.de/service/online-formulare/beschwerde-anfrage',
    email: 'poststelle@lfd.sachsen-anhalt.de',
    region: 'Sachsen-Anhalt',
    remit: 'all',
  },
  {
    id: 'de-sh-uld',
    country: 'DE',
    eea: true,
    names: {
      de: 'Unabhängiges Landeszentrum für Datenschutz Schleswig-Holstein',
      en: 'Independent Centre for Privacy Protection Schleswig-Holstein',
    },
    shortName: 'ULD',
    address: { street: 'Holstenstraße 98', postalCode: '24103', city: 'Kiel', country: 'DE' },
    website: 'https://www.datenschutzzentrum.de',
    complaintUrl: 'https://www.datenschutzzentrum.de/formular/beschwerde.php',
    email: 'mail@datenschutzzentrum.de',
    region: 'Schleswig-Holstein',
    remit: 'all',
  },
  {
    id: 'de-th-tlfdi',
    country: 'DE',
    eea: true,
    names: {
      de: 'Thüringer Landesbeauftragter für den Datenschutz und die Informationsfreiheit',
      en: 'Thuringia Commissioner for Data Protection and Freedom of Information',
    },
    shortName: 'TLfDI',
    address: { street: 'Häßlerstraße 8', postalCode: '99096', city: 'Erfurt', country: 'DE' },
    website: 'https://www.tlfdi.de',
    complaintUrl: 'https://www.tlfdi.de',
    email: 'poststelle@datenschutz.thueringen.de',
    region: 'Thüringen',
    remit: 'all',
  },
  {
    id: 'gr-hdpa',
    country: 'GR',
    eea: true,
    names: { el: 'Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα', en: 'Hellenic Data Protection Authority' },
    shortName: 'HDPA',
    address: { street: 'Kifisias 1-3', postalCode: '115 23', city: 'Athens', country: 'GR' },
    website: 'https://www.dpa.gr',
    complaintUrl: 'https://www.dpa.gr',
    email: 'contact@dpa.gr',
    phone: '+30 210 6475 600',
  },
  {
    id: 'hu-naih',
    country: 'HU',
    eea: true,
    names: {
      hu: 'Nemzeti Adatvédelmi és Információszabadság Hatóság',
      en: 'Hungarian National Authority for Data Protection and Freedom of Information',
    },
    shortName: 'NAIH',
    address: { street: 'Falk Miksa utca 9-11', postalCode: '1055', city: 'Budapest', country: 'HU' },
    website: 'https://naih.hu',
    complaintUrl: 'https://naih.hu',
    email: 'ugyfelszolgalat@naih.hu',
    phone: '+36 1 391 1400',
  },
  {
    id: 'ie-dpc',
    country: 'IE',
    eea: true,
    names: { en: 'Data Protection Commission', ga: 'An Coimisiún um Chosaint Sonraí' },
    shortName: 'DPC',
    address: { street: '21 Fitzwilliam Square South', postalCode: 'D02 RD28', city: 'Dublin 2', country: 'IE' },
    website: 'https://www.dataprotection.ie',
    complaintUrl: 'https://forms.dataprotection.ie/contact',
    email: 'info@dataprotection.ie',
  },
  {
    id: 'it-garante',
    country: 'IT',
    eea: true,
    names: { it: 'Garante per la protezione dei dati personali', en: 'Italian Data Protection Authority' },
    shortName: 'Garante',
    address: { street: 'Piazza Venezia 11', postalCode: '00187', city: 'Roma', country: 'IT' },
    website: 'https://www.garanteprivacy.it',
    complaintUrl: 'https://www.garanteprivacy.it',
    email: 'protocollo@gpdp.it',
    phone: '+39 06 696771',
  },
  {
    id: 'lv-dvi',
    country: 'LV',
    eea: true,
    names: { lv: 'Datu valsts inspekcija', en: 'Data State Inspectorate' },
    shortName: 'DVI',
    address: { street: 'Elijas iela 17', postalCode: 'LV-1050', city: 'Rīga', country: 'LV' },
    website: 'https://www.dvi.gov.lv',
    complaintUrl: 'https://www.dvi.gov.lv',
    email: 'pasts@dvi.gov.lv',
    phone: '+371 6722 3131',
  },
  {
    id: 'lt-vdai',
    country: 'LT',
    eea: true,
    names: { lt: 'Valstybinė duomenų apsaugos inspekcija', en: 'State Data Protection Inspectorate' },
    shortName: 'VDAI',
    address: { street: 'L. Sapiegos g. 17', postalCode: 'LT-10312', city: 'Vilnius', country: 'LT' },
    website: 'https://vdai.lrv.lt',
    complaintUrl: 'https://vdai.lrv.lt',
    email: 'ada@ada.lt',
  },
  {
    id: 'lu-cnpd',
    country: 'LU',
    eea: true,
    names: {
      fr: 'Commission nationale pour la protection des données',
      de: 'Nationale Kommission für den Datenschutz',
      lb: 'Nationale Kommissioun fir den Dateschutz',
      en: 'National Commission for Data Protection',
    },
    shortName: 'CNPD',
    address: { street: '15, Boulevard du Jazz', postalCode: 'L-4370', city: 'Belvaux', country: 'LU' },
    website: 'https://cnpd.public.lu',
    complaintUrl: 'https://cnpd.public.lu/en/particuliers/faire-valoir/formulaire-plainte.html',
    email: 'info@cnpd.lu',
    phone: '+352 26 10 60-1',
  },
  {
    id: 'mt-idpc',
    country: 'MT',
    eea: true,
    names: { en: 'Office of the Information and Data Protection Commissioner' },
    shortName: 'IDPC',
    address: { street: 'Level 2, Airways House, High Street', postalCode: 'SLM 1549', city: 'Sliema', country: 'MT' },
    website: 'https://idpc.org.mt',
    complaintUrl: 'https://idpc.org.mt',
    email: 'idpc.info@idpc.org.mt',
    phone: '+356 2328 7100',
  },
  {
    id: 'nl-ap',
    country: 'NL',
    eea: true,
    names: { nl: 'Autoriteit Persoonsgegevens', en: 'Dutch Data Protection Authority' },
    shortName: 'AP',
    address: { street: 'Postbus 93374', postalCode: '2509 AJ', city: 'Den Haag', country: 'NL' },
    website: 'https://www.autoriteitpersoonsgegevens.nl',
    complaintUrl: 'https://www.autoriteitpersoonsgegevens.nl/een-tip-of-klacht-indienen-bij-de-ap',
    phone: '+31 70 888 85 00',
  },
  {
    id: 'pl-uodo',
    country: 'PL',
    eea: true,
    names: { pl: 'Urząd Ochrony Danych Osobowych', en: 'Personal Data Protection Office' },
    shortName: 'UODO',
    address: { street: 'ul. Stawki 2', postalCode: '00-193', city: 'Warszawa', country: 'PL' },
    website: 'https://uodo.gov.pl',
    complaintUrl: 'https://uodo.gov.pl',
    email: 'kancelaria@uodo.gov.pl',
  },
  {
    id: 'pt-cnpd',
    country: 'PT',
    eea: true,
    names: { pt: 'Comissão Nacional de Proteção de Dados', en: 'National Data Protection Commission' },
    shortName: 'CNPD',
    address: { street: 'Av. D. Carlos I, 134, 1.º', postalCode: '1200-651', city: 'Lisboa', country: 'PT' },
    website: 'https://www.cnpd.pt',
    complaintUrl: 'https://www.cnpd.pt',
    email: 'geral@cnpd.pt',
    phone: '+351 213 928 400',
  },
  {
    id: 'ro-anspdcp',
    country: 'RO',
    eea: true,
    names: {
      ro: 'Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal',
      en: 'National Supervisory Authority for Personal Data Processing',
    },
    shortName: 'ANSPDCP',
    address: {
      street: 'B-dul G-ral Gheorghe Magheru 28-30, Sector 1',
      postalCode: '010336',
      city: 'București',
      country: 'RO',
    },
    website: 'https://www.dataprotection.ro',
    complaintUrl: 'https://www.dataprotection.ro',
    email: 'anspdcp@dataprotection.ro',
    phone: '+40 318 059 211',
  },
  {
    id: 'sk-uoou',
    country: 'SK',
    eea: true,
    names: {
      sk: 'Úrad na ochranu osobných údajov Slovenskej republiky',
      en: 'Office for Personal Data Protection of the Slovak Republic',
    },
    shortName: 'ÚOOÚ SR',
    address: { street: 'Hraničná 12', postalCode: '820 07', city: 'Bratislava 27', country: 'SK' },
    website: 'https://dataprotection.gov.sk',
    complaintUrl: 'https://dataprotection.gov.sk',
    email: 'statny.dozor@pdp.gov.sk',
  },
  {
    id: 'si-ip',
    country: 'SI',
    eea: true,
    names: { sl: 'Informacijski pooblaščenec', en: 'Information Commissioner of the Republic of Slovenia' },
    shortName: 'IP',
    address: { street: 'Dunajska cesta 22', postalCode: '1000', city: 'Ljubljana', country: 'SI' },
    website: 'https://www.ip-rs.si',
    complaintUrl: 'https://www.ip-rs.si',
    email: 'gp.ip@ip-rs.si',
    phone: '+386 1 230 97 30',
  },
  {
    id: 'es-aepd',
    country: 'ES',
    eea: true,
    names: { es: 'Agencia Española de Protección de Datos', en: 'Spanish Data Protection Agency' },
    shortName: 'AEPD',
    address: { street: 'C/ Jorge Juan 6', postalCode: '28001', city: 'Madrid', country: 'ES' },
    website: 'https://www.aepd.es',
    complaintUrl: 'https://sedeagpd.gob.es/sede-electronica-web/',
    phone: '+34 901 100 099',
  },
  {
    id: 'se-imy',
    country: 'SE',
    eea: true,
    names: { sv: 'Integritetsskyddsmyndigheten', en: 'Swedish Authority for Privacy Protection' },
    shortName: 'IMY',
    address: { street: 'Box 8114', postalCode: '104 20', city: 'Stockholm', country: 'SE' },
    website: 'https://www.imy.se',
    complaintUrl: 'https://www.imy.se',
    email: 'imy@imy.se',
    phone: '+46 8 657 61 00',
  },
  // ── EEA (EFTA) ────────────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'is-personuvernd',
    country: 'IS',
    eea: true,
    names: { is: 'Persónuvernd', en: 'Icelandic Data Protection Authority' },
    shortName: 'Persónuvernd',
    address: { street: 'Rauðarárstígur 10', postalCode: '105', city: 'Reykjavík', country: 'IS' },
    website: 'https://www.personuvernd.is',
    complaintUrl: 'https://www.personuvernd.is',
    email: 'postur@personuvernd.is',
    phone: '+354 510 9600',
  },
  {
    id: 'li-dss',
    country: 'LI',
    eea: true,
    names: {
      de: 'Datenschutzstelle Fürstentum Liechtenstein',
      en: 'Data Protection Authority of the Principality of Liechtenstein',
    },
    shortName: 'DSS',
    address: { street: 'Städtle 38', postalCode: '9490', city: 'Vaduz', country: 'LI' },
    website: 'https://www.datenschutzstelle.li',
    complaintUrl: 'https://www.datenschutzstelle.li',
    email: 'info.dss@llv.li',
    phone: '+423 236 60 90',
  },
  {
    id: 'no-datatilsynet',
    country: 'NO',
    eea: true,
    names: { no: 'Datatilsynet', en: 'Norwegian Data Protection Authority' },
    shortName: 'Datatilsynet',
    address: { street: 'Postboks 458 Sentrum', postalCode: '0105', city: 'Oslo', country: 'NO' },
    website: 'https://www.datatilsynet.no',
    complaintUrl: 'https://www.datatilsynet.no',
    email: 'postkasse@datatilsynet.no',
    phone: '+47 22 39 69 00',
  },
  // ── Outside the EEA, for completeness ───────────────────────────────────────────────────────────────────────────
  {
    id: 'gb-ico',
    country: 'GB',
    eea: false,
    names: { en: "Information Commissioner's Office", cy: "Swyddfa'r Comisiynydd Gwybodaeth" },
    shortName: 'ICO',
    address: { street: 'Wycliffe House, Water Lane, Wilmslow', postalCode: 'SK9 5AF', city: 'Cheshire', country: 'GB' },
    website: 'https://ico.org.uk',
    complaintUrl: 'https://ico.org.uk/make-a-complaint/',
    phone: '+44 303 123 1113',
  },
  {
    id: 'ch-fdpic',
    country: 'CH',
    eea: false,
    names: {
      de: 'Eidgenössischer Datenschutz- und Öffentlichkeitsbeauftragter',
      fr: 'Préposé fédéral à la protection des données et à la transparence',
      it: 'Incaricato federale della protezione dei dati e della trasparenza',
      en: 'Federal Data Protection and Information Commissioner',
    },
    shortName: 'FDPIC/EDÖB',
    address: { street: 'Feldeggweg 1', postalCode: '3003', city: 'Bern', country: 'CH' },
    website: 'https://www.edoeb.admin.ch',
    complaintUrl: 'https://www.edoeb.admin.ch',
    phone: '+41 58 462 43 95',
  },
];

const byId = new Map(authorities.map((authority) => [authority.id, authority]));

/** Looks an authority up by its id (case-insensitive). */
export function findAuthority(id: string): SupervisoryAuthority | undefined {
  return byId.get(id.trim().toLowerCase());
}

/** The authority's postal address as written in `language`, else its default one. */
export function authorityAddress(
  authority: SupervisoryAuthority,
  language: AuthorityLanguage,
): SupervisoryAuthority['address'] {
  const local = authority.localAddresses?.[language];
  return local ? { ...local, country: authority.address.country } : authority.address;
}

/** The authority's website and complaint page in `language` where it publishes them, else its default ones. */
export function authorityPages(
  authority: SupervisoryAuthority,
  language: AuthorityLanguage,
): { website: string; complaintUrl: string } {
  return authority.localPages?.[language] ?? { website: authority.website, complaintUrl: authority.complaintUrl };
}

export const authorityIds: readonly string[] = authorities.map((authority) => authority.id);

/** All authorities of one country (ISO alpha-2, case-insensitive), federal/national first. */
export function authoritiesForCountry(country: string): SupervisoryAuthority[] {
  const code = country.trim().toUpperCase();
  return authorities.filter((authority) => authority.country === code);
}

export interface FormerAuthorityName {
  country: string;
  name: string;
  /** ISO date on which the successor took over. */
  replacedOn: string;
  /** Id of the successor in `authorities`. */
  replacedBy: string;
}

/**
 * Names of predecessor authorities that still appear in older privacy statements. Useful for spotting an outdated
 * statement and for explaining to people who the competent authority is now.
 */
export const formerAuthorityNames: FormerAuthorityName[] = [
  { country: 'BE', name: 'Commission for the Protection of Privacy', replacedOn: '2018-05-25', replacedBy: 'be-apd' },
  {
    country: 'BE',
    name: 'Commission de la protection de la vie privée',
    replacedOn: '2018-05-25',
    replacedBy: 'be-apd',
  },
  {
    country: 'BE',
    name: 'Commissie voor de bescherming van de persoonlijke levenssfeer',
    replacedOn: '2018-05-25',
    replacedBy: 'be-apd',
  },
  { country: 'BE', name: 'Kommission für den Schutz des Privatlebens', replacedOn: '2018-05-25', replacedBy: 'be-apd' },
  { country: 'BE', name: 'Privacy Commission', replacedOn: '2018-05-25', replacedBy: 'be-apd' },
  { country: 'BE', name: 'Privacycommissie', replacedOn: '2018-05-25', replacedBy: 'be-apd' },
  { country: 'NL', name: 'College bescherming persoonsgegevens', replacedOn: '2016-01-01', replacedBy: 'nl-ap' },
  { country: 'NL', name: 'CBP', replacedOn: '2016-01-01', replacedBy: 'nl-ap' },
  { country: 'AT', name: 'Datenschutzkommission', replacedOn: '2014-01-01', replacedBy: 'at-dsb' },
  {
    country: 'PL',
    name: 'Generalny Inspektor Ochrony Danych Osobowych (GIODO)',
    replacedOn: '2018-05-25',
    replacedBy: 'pl-uodo',
  },
  { country: 'SE', name: 'Datainspektionen', replacedOn: '2021-01-01', replacedBy: 'se-imy' },
];
