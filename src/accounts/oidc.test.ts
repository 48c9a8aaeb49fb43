import { describe, expect, it } from 'vitest';
import { readOidcProviders } from '../platform/config.js';
import { pageLanguage, refusalPage } from './oidc-pages.js';
import { mappingMatches, strongestRole } from './oidc.js';

describe('identity-provider mappings', () => {
  it('admits by the exact email domain, not a look-alike', () => {
    const mapping = { kind: 'domain' as const, claim: null, value: 'corp.example' };
    expect(mappingMatches(mapping, 'ann@corp.example', {})).toBe(true);
    expect(mappingMatches(mapping, 'ann@evilcorp.example', {})).toBe(false);
    expect(mappingMatches(mapping, 'ann@corp.example.evil', {})).toBe(false);
  });

  it('admits by a claim value, in a string or an array', () => {
    const mapping = { kind: 'claim' as const, claim: 'groups', value: 'dpo' };
    expect(mappingMatches(mapping, 'x@y.example', { groups: ['staff', 'dpo'] })).toBe(true);
    expect(mappingMatches(mapping, 'x@y.example', { groups: 'dpo' })).toBe(true);
    expect(mappingMatches(mapping, 'x@y.example', { groups: ['dpo-deputy'] })).toBe(false);
    expect(mappingMatches(mapping, 'x@y.example', {})).toBe(false);
  });

  it('gives the highest role of the matching mappings', () => {
    expect(strongestRole(['viewer', 'owner', 'privacy-officer'])).toBe('owner');
    expect(strongestRole(['viewer'])).toBe('viewer');
    expect(strongestRole([])).toBeUndefined();
  });
});

describe('refusal pages', () => {
  it('speaks the language the sign-in started in, else the browser’s, else English', () => {
    expect(pageLanguage('de', 'fr-BE,fr;q=0.9')).toBe('de');
    expect(pageLanguage(undefined, 'fr-BE,fr;q=0.9')).toBe('fr');
    expect(pageLanguage(undefined, 'es-ES')).toBe('en');
  });

  it('says what happened in each language, with no script', () => {
    for (const language of ['en', 'nl', 'fr', 'de'] as const) {
      const html = refusalPage('unverified-email', language);
      expect(html).toContain(`<html lang="${language}">`);
      expect(html).toContain('data-reason="unverified-email"');
      expect(html).not.toContain('<script');
    }
    expect(refusalPage('token', 'nl')).toContain('Aanmelding geweigerd');
  });
});

describe('provider configuration', () => {
  it('reads the providers named in OIDC_PROVIDERS', () => {
    const { providers, problems } = readOidcProviders({
      OIDC_PROVIDERS: 'corp, partner-idp',
      OIDC_CORP_ISSUER: 'https://login.corp.example',
      OIDC_CORP_CLIENT_ID: 'charter',
      OIDC_CORP_CLIENT_SECRET: 's',
      OIDC_CORP_NAME: 'Corp ID',
      OIDC_CORP_SCOPES: 'groups roles',
      OIDC_PARTNER_IDP_ISSUER: 'https://id.partner.example',
      OIDC_PARTNER_IDP_CLIENT_ID: 'c',
      OIDC_PARTNER_IDP_CLIENT_SECRET: 's',
    });
    expect(problems).toEqual([]);
    expect(providers).toEqual([
      {
        id: 'corp',
        name: 'Corp ID',
        issuer: 'https://login.corp.example',
        clientId: 'charter',
        clientSecret: 's',
        scopes: ['groups', 'roles'],
      },
      {
        id: 'partner-idp',
        name: 'partner-idp',
        issuer: 'https://id.partner.example',
        clientId: 'c',
        clientSecret: 's',
        scopes: [],
      },
    ]);
  });

  it('reports every missing or bad variable at once, by name', () => {
    const { problems } = readOidcProviders({ OIDC_PROVIDERS: 'corp,Bad!', OIDC_CORP_ISSUER: 'not a url' });
    expect(problems).toEqual([
      'OIDC_CORP_ISSUER: the issuer URL of provider "corp" is required',
      'OIDC_CORP_CLIENT_ID: required for provider "corp"',
      'OIDC_CORP_CLIENT_SECRET: required for provider "corp"',
      'OIDC_PROVIDERS: "Bad!" is not a provider id (lowercase letters, digits, dashes)',
    ]);
  });
});
