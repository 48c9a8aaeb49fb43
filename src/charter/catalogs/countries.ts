/**
 * Countries and territories (ISO 3166-1 alpha-2, plus the user-assigned XK for Kosovo) with their position under
 * Chapter V of the GDPR: inside the EU, inside the EEA, or covered by a European Commission adequacy decision
 * (Art. 45). Everything else needs an Art. 46 safeguard or an Art. 49 derogation.
 *
 * Adequacy values:
 * - `eea`: inside the EEA, no transfer rules apply;
 * - `adequate`: a full adequacy decision;
 * - `partial`: an adequacy decision that only covers part of the recipients (Canada: organisations under PIPEDA);
 * - `dpf-certified-only`: only recipients certified under the EU-US Data Privacy Framework are covered;
 * - `none`: no adequacy decision.
 */

export type Adequacy = 'eea' | 'adequate' | 'partial' | 'dpf-certified-only' | 'none';

export interface Country {
  code: string;
  name: string;
  eu: boolean;
  eea: boolean;
  adequacy: Adequacy;
  adequacyNote?: string;
}

/** The 27 member states of the European Union. */
export const euMemberStates = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
] as const; // prettier-ignore

/** The EFTA states that are party to the EEA Agreement. */
export const eeaEftaStates = ['IS', 'LI', 'NO'] as const;

/**
 * Territories with their own ISO code that are part of an EU member state for EU-law purposes (the outermost
 * regions of France, and the Åland Islands of Finland). The GDPR applies there as in the rest of the member state.
 */
const euTerritories: Readonly<Record<string, string>> = {
  AX: 'Part of Finland; EU law, including the GDPR, applies.',
  GF: 'Outermost region of France; part of the EU.',
  GP: 'Outermost region of France; part of the EU.',
  MF: 'Outermost region of France; part of the EU.',
  MQ: 'Outermost region of France; part of the EU.',
  RE: 'Outermost region of France; part of the EU.',
  YT: 'Outermost region of France; part of the EU.',
};

/** Adequacy decisions under Art. 45 (and, before 2018, Art. 25(6) of Directive 95/46/EC, kept in force by Art. 45(9)). */
const adequacyDecisions: Readonly<Record<string, { adequacy: Adequacy; note: string }>> = {
  AD: { adequacy: 'adequate', note: 'Commission Decision 2010/625/EU.' },
  AR: { adequacy: 'adequate', note: 'Commission Decision 2003/490/EC.' },
  CA: {
    adequacy: 'partial',
    note: 'Commission Decision 2002/2/EC covers only commercial organisations subject to PIPEDA; other recipients need another mechanism.',
  },
  CH: { adequacy: 'adequate', note: 'Commission Decision 2000/518/EC.' },
  FO: { adequacy: 'adequate', note: 'Commission Decision 2010/146/EU.' },
  GB: {
    adequacy: 'adequate',
    note: 'Commission Implementing Decision of 28 June 2021 under the GDPR; the decision is time-limited and subject to renewal, so check its current status.',
  },
  GG: { adequacy: 'adequate', note: 'Commission Decision 2003/821/EC.' },
  IL: { adequacy: 'adequate', note: 'Commission Decision 2011/61/EU.' },
  IM: { adequacy: 'adequate', note: 'Commission Decision 2004/411/EC.' },
  JE: { adequacy: 'adequate', note: 'Commission Decision 2008/393/EC.' },
  JP: {
    adequacy: 'adequate',
    note: 'Commission Implementing Decision (EU) 2019/419, covering business operators under the Act on the Protection of Personal Information.',
  },
  KR: {
    adequacy: 'adequate',
    note: 'Commission Implementing Decision of 17 December 2021, covering processing subject to the Personal Information Protection Act.',
  },
  NZ: { adequacy: 'adequate', note: 'Commission Implementing Decision 2013/65/EU.' },
  US: {
    adequacy: 'dpf-certified-only',
    note: 'Only organisations certified under the EU-US Data Privacy Framework (adequacy decision of 10 July 2023) and listed as active on the DPF list; other US recipients need SCCs or another mechanism.',
  },
  UY: { adequacy: 'adequate', note: 'Commission Implementing Decision 2012/484/EU.' },
};

/** Notes on territories whose status is easy to get wrong. */
const specialNotes: Readonly<Record<string, string>> = {
  GL: 'Part of the Kingdom of Denmark but outside the EU and the EEA; no adequacy decision.',
  SJ: 'Norwegian territory to which the EEA Agreement does not apply.',
  BV: 'Norwegian dependency outside the EEA.',
  GI: 'British Overseas Territory; not covered by the UK adequacy decision.',
  XK: 'User-assigned code in common use for Kosovo; not an official ISO 3166-1 code.',
  PR: 'US territory: US recipients there are covered only if certified under the EU-US Data Privacy Framework.',
};

/** ISO 3166-1 alpha-2 code and English short name. */
const table = [
  ['AD', 'Andorra'],
  ['AE', 'United Arab Emirates'],
  ['AF', 'Afghanistan'],
  ['AG', 'Antigua and Barbuda'],
  ['AI', 'Anguilla'],
  ['AL', 'Albania'],
  ['AM', 'Armenia'],
  ['AO', 'Angola'],
  ['AQ', 'Antarctica'],
  ['AR', 'Argentina'],
  ['AS', 'American Samoa'],
  ['AT', 'Austria'],
  ['AU', 'Australia'],
  ['AW', 'Aruba'],
  ['AX', 'Åland Islands'],
  ['AZ', 'Azerbaijan'],
  ['BA', 'Bosnia and Herzegovina'],
  ['BB', 'Barbados'],
  ['BD', 'Bangladesh'],
  ['BE', 'Belgium'],
  ['BF', 'Burkina Faso'],
  ['BG', 'Bulgaria'],
  ['BH', 'Bahrain'],
  ['BI', 'Burundi'],
  ['BJ', 'Benin'],
  ['BL', 'Saint Barthélemy'],
  ['BM', 'Bermuda'],
  ['BN', 'Brunei Darussalam'],
  ['BO', 'Bolivia'],
  ['BQ', 'Bonaire, Sint Eustatius and Saba'],
  ['BR', 'Brazil'],
  ['BS', 'Bahamas'],
  ['BT', 'Bhutan'],
  ['BV', 'Bouvet Island'],
  ['BW', 'Botswana'],
  ['BY', 'Belarus'],
  ['BZ', 'Belize'],
  ['CA', 'Canada'],
  ['CC', 'Cocos (Keeling) Islands'],
  ['CD', 'Democratic Republic of the Congo'],
  ['CF', 'Central African Republic'],
  ['CG', 'Republic of the Congo'],
  ['CH', 'Switzerland'],
  ['CI', "Côte d'Ivoire"],
  ['CK', 'Cook Islands'],
  ['CL', 'Chile'],
  ['CM', 'Cameroon'],
  ['CN', 'China'],
  ['CO', 'Colombia'],
  ['CR', 'Costa Rica'],
  ['CU', 'Cuba'],
  ['CV', 'Cabo Verde'],
  ['CW', 'Curaçao'],
  ['CX', 'Christmas Island'],
  ['CY', 'Cyprus'],
  ['CZ', 'Czechia'],
  ['DE', 'Germany'],
  ['DJ', 'Djibouti'],
  ['DK', 'Denmark'],
  ['DM', 'Dominica'],
  ['DO', 'Dominican Republic'],
  ['DZ', 'Algeria'],
  ['EC', 'Ecuador'],
  ['EE', 'Estonia'],
  ['EG', 'Egypt'],
  ['EH', 'Western Sahara'],
  ['ER', 'Eritrea'],
  ['ES', 'Spain'],
  ['ET', 'Ethiopia'],
  ['FI', 'Finland'],
  ['FJ', 'Fiji'],
  ['FK', 'Falkland Islands'],
  ['FM', 'Micronesia'],
  ['FO', 'Faroe Islands'],
  ['FR', 'France'],
  ['GA', 'Gabon'],
  ['GB', 'United Kingdom'],
  ['GD', 'Grenada'],
  ['GE', 'Georgia'],
  ['GF', 'French Guiana'],
  ['GG', 'Guernsey'],
  ['GH', 'Ghana'],
  ['GI', 'Gibraltar'],
  ['GL', 'Greenland'],
  ['GM', 'Gambia'],
  ['GN', 'Guinea'],
  ['GP', 'Guadeloupe'],
  ['GQ', 'Equatorial Guinea'],
  ['GR', 'Greece'],
  ['GS', 'South Georgia and the South Sandwich Islands'],
  ['GT', 'Guatemala'],
  ['GU', 'Guam'],
  ['GW', 'Guinea-Bissau'],
  ['GY', 'Guyana'],
  ['HK', 'Hong Kong'],
  ['HM', 'Heard Island and McDonald Islands'],
  ['HN', 'Honduras'],
  ['HR', 'Croatia'],
  ['HT', 'Haiti'],
  ['HU', 'Hungary'],
  ['ID', 'Indonesia'],
  ['IE', 'Ireland'],
  ['IL', 'Israel'],
  ['IM', 'Isle of Man'],
  ['IN', 'India'],
  ['IO', 'British Indian Ocean Territory'],
  ['IQ', 'Iraq'],
  ['IR', 'Iran'],
  ['IS', 'Iceland'],
  ['IT', 'Italy'],
  ['JE', 'Jersey'],
  ['JM', 'Jamaica'],
  ['JO', 'Jordan'],
  ['JP', 'Japan'],
  ['KE', 'Kenya'],
  ['KG', 'Kyrgyzstan'],
  ['KH', 'Cambodia'],
  ['KI', 'Kiribati'],
  ['KM', 'Comoros'],
  ['KN', 'Saint Kitts and Nevis'],
  ['KP', 'North Korea'],
  ['KR', 'Republic of Korea'],
  ['KW', 'Kuwait'],
  ['KY', 'Cayman Islands'],
  ['KZ', 'Kazakhstan'],
  ['LA', 'Laos'],
  ['LB', 'Lebanon'],
  ['LC', 'Saint Lucia'],
  ['LI', 'Liechtenstein'],
  ['LK', 'Sri Lanka'],
  ['LR', 'Liberia'],
  ['LS', 'Lesotho'],
  ['LT', 'Lithuania'],
  ['LU', 'Luxembourg'],
  ['LV', 'Latvia'],
  ['LY', 'Libya'],
  ['MA', 'Morocco'],
  ['MC', 'Monaco'],
  ['MD', 'Moldova'],
  ['ME', 'Montenegro'],
  ['MF', 'Saint Martin (French part)'],
  ['MG', 'Madagascar'],
  ['MH', 'Marshall Islands'],
  ['MK', 'North Macedonia'],
  ['ML', 'Mali'],
  ['MM', 'Myanmar'],
  ['MN', 'Mongolia'],
  ['MO', 'Macao'],
  ['MP', 'Northern Mariana Islands'],
  ['MQ', 'Martinique'],
  ['MR', 'Mauritania'],
  ['MS', 'Montserrat'],
  ['MT', 'Malta'],
  ['MU', 'Mauritius'],
  ['MV', 'Maldives'],
  ['MW', 'Malawi'],
  ['MX', 'Mexico'],
  ['MY', 'Malaysia'],
  ['MZ', 'Mozambique'],
  ['NA', 'Namibia'],
  ['NC', 'New Caledonia'],
  ['NE', 'Niger'],
  ['NF', 'Norfolk Island'],
  ['NG', 'Nigeria'],
  ['NI', 'Nicaragua'],
  ['NL', 'Netherlands'],
  ['NO', 'Norway'],
  ['NP', 'Nepal'],
  ['NR', 'Nauru'],
  ['NU', 'Niue'],
  ['NZ', 'New Zealand'],
  ['OM', 'Oman'],
  ['PA', 'Panama'],
  ['PE', 'Peru'],
  ['PF', 'French Polynesia'],
  ['PG', 'Papua New Guinea'],
  ['PH', 'Philippines'],
  ['PK', 'Pakistan'],
  ['PL', 'Poland'],
  ['PM', 'Saint Pierre and Miquelon'],
  ['PN', 'Pitcairn'],
  ['PR', 'Puerto Rico'],
  ['PS', 'Palestine'],
  ['PT', 'Portugal'],
  ['PW', 'Palau'],
  ['PY', 'Paraguay'],
  ['QA', 'Qatar'],
  ['RE', 'Réunion'],
  ['RO', 'Romania'],
  ['RS', 'Serbia'],
  ['RU', 'Russia'],
  ['RW', 'Rwanda'],
  ['SA', 'Saudi Arabia'],
  ['SB', 'Solomon Islands'],
  ['SC', 'Seychelles'],
  ['SD', 'Sudan'],
  ['SE', 'Sweden'],
  ['SG', 'Singapore'],
  ['SH', 'Saint Helena, Ascension and Tristan da Cunha'],
  ['SI', 'Slovenia'],
  ['SJ', 'Svalbard and Jan Mayen'],
  ['SK', 'Slovakia'],
  ['SL', 'Sierra Leone'],
  ['SM', 'San Marino'],
  ['SN', 'Senegal'],
  ['SO', 'Somalia'],
  ['SR', 'Suriname'],
  ['SS', 'South Sudan'],
  ['ST', 'São Tomé and Príncipe'],
  ['SV', 'El Salvador'],
  ['SX', 'Sint Maarten (Dutch part)'],
  ['SY', 'Syria'],
  ['SZ', 'Eswatini'],
  ['TC', 'Turks and Caicos Islands'],
  ['TD', 'Chad'],
  ['TF', 'French Southern Territories'],
  ['TG', 'Togo'],
  ['TH', 'Thailand'],
  ['TJ', 'Tajikistan'],
  ['TK', 'Tokelau'],
  ['TL', 'Timor-Leste'],
  ['TM', 'Turkmenistan'],
  ['TN', 'Tunisia'],
  ['TO', 'Tonga'],
  ['TR', 'Türkiye'],
  ['TT', 'Trinidad and Tobago'],
  ['TV', 'Tuvalu'],
  ['TW', 'Taiwan'],
  ['TZ', 'Tanzania'],
  ['UA', 'Ukraine'],
  ['UG', 'Uganda'],
  ['UM', 'United States Minor Outlying Islands'],
  ['US', 'United States'],
  ['UY', 'Uruguay'],
  ['UZ', 'Uzbekistan'],
  ['VA', 'Holy See'],
  ['VC', 'Saint Vincent and the Grenadines'],
  ['VE', 'Venezuela'],
  ['VG', 'British Virgin Islands'],
  ['VI', 'United States Virgin Islands'],
  ['VN', 'Viet Nam'],
  ['VU', 'Vanuatu'],
  ['WF', 'Wallis and Futuna'],
  ['WS', 'Samoa'],
  ['XK', 'Kosovo'],
  ['YE', 'Yemen'],
  ['YT', 'Mayotte'],
  ['ZA', 'South Africa'],
  ['ZM', 'Zambia'],
  ['ZW', 'Zimbabwe'],
] as const satisfies readonly (readonly [string, string])[];

export type CountryCode = (typeof table)[number][0];

const euSet: ReadonlySet<string> = new Set<string>(euMemberStates);
const eeaSet: ReadonlySet<string> = new Set<string>([...euMemberStates, ...eeaEftaStates]);

function build(code: string, name: string): Country {
  const eu = euSet.has(code) || code in euTerritories;
  const eea = eu || eeaSet.has(code);
  const decision = adequacyDecisions[code];
  const adequacy: Adequacy = eea ? 'eea' : (decision?.adequacy ?? 'none');
  const note = euTerritories[code] ?? decision?.note ?? specialNotes[code];
  return note === undefined ? { code, name, eu, eea, adequacy } : { code, name, eu, eea, adequacy, adequacyNote: note };
}

export const countries: readonly Country[] = table.map(([code, name]) => build(code, name));

const byCode = new Map(countries.map((country) => [country.code, country]));

/** Codes some sources use instead of the ISO ones: the EU's own "EL" for Greece and "UK" for the United Kingdom. */
const aliases: Readonly<Record<string, string>> = { EL: 'GR', UK: 'GB' };

function normalise(code: string): string {
  const upper = code.trim().toUpperCase();
  return aliases[upper] ?? upper;
}

/** Looks a country up by ISO alpha-2 code (case-insensitive; accepts the EU's EL and UK aliases). */
export function findCountry(code: string): Country | undefined {
  return byCode.get(normalise(code));
}

export const countryCodes: readonly string[] = countries.map((country) => country.code);

/** True when data sent to this country stays inside the EEA (no Chapter V transfer). Unknown codes are false. */
export function isInEea(code: string): boolean {
  return findCountry(code)?.eea ?? false;
}

/** True when the country is inside the EEA or covered, fully, by an adequacy decision. */
export function isAdequate(code: string): boolean {
  const adequacy = findCountry(code)?.adequacy;
  return adequacy === 'eea' || adequacy === 'adequate';
}
