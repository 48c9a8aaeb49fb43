import { describe, expect, it } from 'vitest';
import { allows, isScope, roleScopes, scopes, userOnlyScopes } from './scopes.js';

describe('roles and scopes', () => {
  it('gives an owner every scope', () => {
    expect(roleScopes.owner).toEqual(scopes);
  });

  it('gives a viewer (an auditor) only read scopes, all of them', () => {
    expect(roleScopes.viewer.every((s) => s.endsWith(':read'))).toBe(true);
    expect(roleScopes.viewer).toEqual(scopes.filter((s) => s.endsWith(':read')));
  });

  it('lets a privacy officer work requests, breaches, retention and records but not people, tokens or the charter', () => {
    for (const scope of ['requests:write', 'breaches:write', 'retention:run', 'records:write'] as const)
      expect(roleScopes['privacy-officer']).toContain(scope);
    for (const scope of ['users:manage', 'tokens:manage', 'charter:apply'] as const)
      expect(roleScopes['privacy-officer']).not.toContain(scope);
  });

  it('keeps people and token management out of tokens', () => {
    expect(userOnlyScopes).toEqual(['users:manage', 'tokens:manage']);
  });

  it('allows a route when any one needed scope is held, and any signed-in caller when none is needed', () => {
    expect(allows(['consent:read'], ['consent:read', 'consent:write'])).toBe(true);
    expect(allows(['consent:read'], ['consent:write'])).toBe(false);
    expect(allows([], [])).toBe(true);
    expect(isScope('audit:read')).toBe(true);
    expect(isScope('audit:delete')).toBe(false);
  });
});
