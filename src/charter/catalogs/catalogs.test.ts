import { describe, expect, it } from 'vitest';
import {
  authorities,
  authorityIds,
  countries,
  countryCodes,
  dataCategoryIds,
  dataGroups,
  dataTaxonomy,
  euMemberStates,
  findAuthority,
  findCountry,
  findDataCategory,
  findTransferMechanism,
  formerAuthorityNames,
  isInEea,
  isMechanismValidOn,
  transferMechanismIds,
  transferMechanisms,
} from './index.js';

const languages = ['en', 'nl', 'fr', 'de'] as const;

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

describe('catalog ids', () => {
  it('are unique within each catalog', () => {
    expect(duplicates(authorityIds)).toEqual([]);
    expect(duplicates(countryCodes)).toEqual([]);
    expect(duplicates(transferMechanismIds)).toEqual([]);
    expect(duplicates(dataCategoryIds)).toEqual([]);
    expect(duplicates(dataGroups.map((g) => g.id))).toEqual([]);
  });

  it('expose id lists that match the catalogs', () => {
    expect(authorityIds).toHaveLength(authorities.length);
    expect(countryCodes).toHaveLength(countries.length);
    expect(transferMechanismIds).toHaveLength(transferMechanisms.length);
    expect(dataCategoryIds).toHaveLength(dataTaxonomy.length);
  });
});

describe('supervisory authorities', () => {
  it('refer to known countries, and EEA authorities sit in EEA countries', () => {
    for (const authority of authorities) {
      const country = findCountry(authority.country);
      expect(country, authority.id).toBeDefined();
      expect(authority.address.country, authority.id).toBe(authority.country);
      expect(country?.eea, authority.id).toBe(authority.eea);
    }
  });

  it('cover every EU member state and the three EEA EFTA states', () => {
    expect(euMemberStates).toHaveLength(27);
    for (const code of [...euMemberStates, 'IS', 'LI', 'NO']) {
      expect(
        authorities.some((a) => a.country === code),
        code,
      ).toBe(true);
    }
  });

  it('have ids in kebab case, an English name, and https links', () => {
    for (const authority of authorities) {
      expect(authority.id).toMatch(/^[a-z]{2}(-[a-z0-9]+)+$/);
      expect(authority.id.startsWith(authority.country.toLowerCase() + '-'), authority.id).toBe(true);
      expect(authority.names.en, authority.id).toBeTruthy();
      expect(authority.website, authority.id).toMatch(/^https:\/\//);
      expect(authority.complaintUrl, authority.id).toMatch(/^https:\/\//);
      expect(() => new URL(authority.complaintUrl)).not.toThrow();
    }
  });

  it('describe the Belgian APD/GBA in French, Dutch, German and English', () => {
    const apd = findAuthority('be-apd');
    expect(apd).toBeDefined();
    expect(apd?.shortName).toBe('APD/GBA');
    expect(apd?.names.fr).toBe('Autorité de protection des données');
    expect(apd?.names.nl).toBe('Gegevensbeschermingsautoriteit');
    expect(apd?.names.de).toBeTruthy();
    expect(apd?.names.en).toBeTruthy();
    expect(apd?.address.postalCode).toBe('1000');
    expect(apd?.complaintUrl.startsWith('https://')).toBe(true);
  });

  it('include the German federal authority and the main Länder', () => {
    for (const id of [
      'de-bfdi',
      'de-by-baylda',
      'de-be-blnbdi',
      'de-nw-ldi',
      'de-bw-lfdi',
      'de-hh-hmbbfdi',
      'de-he-hbdi',
    ]) {
      expect(findAuthority(id)?.country, id).toBe('DE');
    }
  });

  it('mark the UK and Swiss authorities as outside the EEA', () => {
    expect(findAuthority('gb-ico')?.eea).toBe(false);
    expect(findAuthority('ch-fdpic')?.eea).toBe(false);
  });

  it('map former authority names to existing successors, dated', () => {
    for (const former of formerAuthorityNames) {
      expect(findAuthority(former.replacedBy)?.country, former.name).toBe(former.country);
      expect(former.replacedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const belgian = formerAuthorityNames.filter((f) => f.country === 'BE').map((f) => f.name);
    expect(belgian).toContain('Commission de la protection de la vie privée');
    expect(belgian).toContain('Commissie voor de bescherming van de persoonlijke levenssfeer');
    expect(formerAuthorityNames.find((f) => f.name === 'College bescherming persoonsgegevens')).toMatchObject({
      replacedOn: '2016-01-01',
      replacedBy: 'nl-ap',
    });
  });
});

describe('countries', () => {
  it('use upper-case ISO alpha-2 codes', () => {
    for (const country of countries) expect(country.code).toMatch(/^[A-Z]{2}$/);
    expect(countries.length).toBeGreaterThanOrEqual(240);
  });

  it('flag exactly the 27 member states as EU members among sovereign states, all inside the EEA', () => {
    for (const code of euMemberStates) {
      expect(findCountry(code)).toMatchObject({ eu: true, eea: true, adequacy: 'eea' });
    }
    for (const country of countries) {
      if (country.eu) expect(country.eea, country.code).toBe(true);
      if (country.eea) expect(country.adequacy, country.code).toBe('eea');
    }
  });

  it('treat Iceland, Liechtenstein and Norway as EEA but not EU', () => {
    for (const code of ['IS', 'LI', 'NO']) expect(findCountry(code)).toMatchObject({ eu: false, eea: true });
  });

  it('record the Commission adequacy decisions', () => {
    for (const code of ['AD', 'AR', 'FO', 'GG', 'IL', 'IM', 'JP', 'JE', 'NZ', 'KR', 'CH', 'GB', 'UY']) {
      expect(findCountry(code)?.adequacy, code).toBe('adequate');
    }
    expect(findCountry('CA')?.adequacy).toBe('partial');
    expect(findCountry('US')?.adequacy).toBe('dpf-certified-only');
    expect(findCountry('CN')?.adequacy).toBe('none');
    expect(findCountry('IN')?.adequacy).toBe('none');
  });

  it('answer isInEea, case-insensitively, with the EU aliases', () => {
    expect(isInEea('BE')).toBe(true);
    expect(isInEea('be')).toBe(true);
    expect(isInEea('NO')).toBe(true);
    expect(isInEea('EL')).toBe(true);
    expect(isInEea('CH')).toBe(false);
    expect(isInEea('UK')).toBe(false);
    expect(isInEea('US')).toBe(false);
    expect(isInEea('ZZ')).toBe(false);
    expect(findCountry('uk')?.code).toBe('GB');
  });
});

describe('transfer mechanisms', () => {
  it('declare Privacy Shield invalid since Schrems II', () => {
    const shield = findTransferMechanism('privacy-shield');
    expect(shield?.valid).toBe(false);
    expect(shield?.invalidSince).toBe('2020-07-16');
    expect(shield?.note.en).toContain('C-311/18');
  });

  it('accept the EU-US Data Privacy Framework from 10 July 2023', () => {
    const dpf = findTransferMechanism('eu-us-dpf');
    expect(dpf?.valid).toBe(true);
    expect(isMechanismValidOn('eu-us-dpf', '2023-07-09')).toBe(false);
    expect(isMechanismValidOn('eu-us-dpf', '2023-07-10')).toBe(true);
    expect(isMechanismValidOn('privacy-shield', '2020-07-15')).toBe(true);
    expect(isMechanismValidOn('privacy-shield', '2020-07-16')).toBe(false);
  });

  it('retire the old SCCs and require an assessment for the 2021 ones', () => {
    expect(findTransferMechanism('sccs-2010')).toMatchObject({ valid: false, invalidSince: '2022-12-27' });
    expect(findTransferMechanism('sccs')).toMatchObject({ valid: true, requiresAssessment: true });
  });

  it('contain the mechanisms a charter may name', () => {
    for (const id of [
      'none-needed',
      'adequacy',
      'eu-us-dpf',
      'sccs',
      'bcr',
      'derogation-consent',
      'derogation-contract',
      'derogation-legal-claims',
      'privacy-shield',
      'sccs-2010',
    ]) {
      expect(findTransferMechanism(id), id).toBeDefined();
    }
  });

  it('have an invalidSince date exactly when invalid, and text in all four languages', () => {
    for (const mechanism of transferMechanisms) {
      expect(mechanism.invalidSince !== undefined, mechanism.id).toBe(!mechanism.valid);
      for (const language of languages) {
        expect(mechanism.name[language].trim(), `${mechanism.id} name ${language}`).not.toBe('');
        expect(mechanism.note[language].trim(), `${mechanism.id} note ${language}`).not.toBe('');
      }
    }
  });
});

describe('data taxonomy', () => {
  const groupIds = new Set(dataGroups.map((g) => g.id));

  it('gives every category well-formed id, an existing group and four names', () => {
    for (const category of dataTaxonomy) {
      expect(category.id).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
      expect(groupIds.has(category.group), category.id).toBe(true);
      expect(category.id.startsWith(`${category.group}.`), category.id).toBe(true);
      for (const language of languages) {
        expect(category.name[language].trim(), `${category.id} ${language}`).not.toBe('');
      }
    }
    for (const group of dataGroups) {
      for (const language of languages) expect(group.name[language].trim()).not.toBe('');
    }
  });

  it('marks credentials as secret', () => {
    const secrets = dataTaxonomy.filter((c) => c.secret).map((c) => c.id);
    expect(secrets).toContain('account.password');
    expect(secrets).toContain('account.token');
  });

  it('flags Art. 9 and Art. 10 data', () => {
    for (const category of dataTaxonomy) {
      expect(category.special === true, category.id).toBe(category.group === 'special');
      expect(category.criminal === true, category.id).toBe(category.group === 'criminal');
    }
    expect(findDataCategory('special.health')?.special).toBe(true);
    expect(findDataCategory('criminal.convictions')?.criminal).toBe(true);
  });

  it('covers the data seen in published privacy statements', () => {
    for (const id of [
      'online.ip-address',
      'online.log-file',
      'identity.name',
      'contact.email',
      'contact.phone',
      'contact.postal-address',
      'professional.company-name',
      'professional.sector',
      'professional.company-number',
      'professional.public-profile',
      'account.username',
      'account.password',
      'commercial.order-history',
      'commercial.search-settings',
      'identity.gender',
      'identity.id-document',
      'commercial.interests',
      'financial.bank-account',
      'financial.invoice',
      'financial.payment-reference',
      'media.photo',
      'media.video',
      'social.profile-picture',
      'identity.age',
      'identity.date-of-birth',
      'location.approximate',
      'contact.postal-code',
      'online.device-id',
    ]) {
      expect(findDataCategory(id), id).toBeDefined();
    }
  });
});
