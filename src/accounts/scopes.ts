/**
 * The permission vocabulary, in one place. Routes declare the scopes they need (`auth: { scopes: ['requests:read'] }`,
 * any one of them suffices); a signed-in user holds the scopes of their role in the active organisation, an API
 * token the scopes it was created with. A domain that needs a new scope adds it to `scopes` here.
 */
import type { Role } from './caller.js';

export const scopes = [
  'charter:read',
  'charter:apply',
  'consent:read',
  'consent:write',
  'requests:read',
  'requests:write',
  'retention:read',
  'retention:run',
  'records:read',
  'records:write',
  'breaches:read',
  'breaches:write',
  'notices:read',
  'notices:write',
  'stores:read',
  'stores:write',
  'mail:read',
  'audit:read',
  'users:read',
  'users:manage',
  'tokens:read',
  'tokens:manage',
  'webhooks:read',
  'webhooks:manage',
] as const;

/**
 * Installation scopes: held by no organisation role, only by installation operators (operators.ts) in whichever
 * organisation they act, and by a token an operator created while they remain one.
 */
export const installationScopes = ['organisations:manage'] as const;

export type Scope = (typeof scopes)[number] | (typeof installationScopes)[number];

export const roles = ['owner', 'privacy-officer', 'viewer'] as const satisfies readonly Role[];

const readScopes = scopes.filter((scope) => scope.endsWith(':read'));

/** What each role may do. Owner: everything; privacy officer: the daily work; viewer (an auditor): read only. */
export const roleScopes: Record<Role, readonly Scope[]> = {
  owner: scopes,
  'privacy-officer': [
    ...readScopes,
    'consent:write',
    'requests:write',
    'retention:run',
    'records:write',
    'breaches:write',
    'notices:write',
  ],
  viewer: readScopes,
};

/** Scopes an API token can never carry: managing people and tokens needs a signed-in owner. */
export const userOnlyScopes: readonly Scope[] = ['users:manage', 'tokens:manage'];

export function isScope(value: string): value is Scope {
  return (scopes as readonly string[]).includes(value) || (installationScopes as readonly string[]).includes(value);
}

/** Whether a caller holding `held` may call a route needing any one of `needed` (none needed: any signed-in caller). */
export function allows(held: readonly string[], needed: readonly string[]): boolean {
  return needed.length === 0 || needed.some((scope) => held.includes(scope));
}
