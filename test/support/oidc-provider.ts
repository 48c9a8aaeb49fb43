/**
 * A real OpenID Provider (`oidc-provider`) on a loopback port for sign-in tests, with its development login and
 * consent pages (any login name, any password). Accounts are the login names in `accounts`. Knobs a test turns to
 * make the provider misbehave: `wrongAudience` (ID tokens for another client), `codeTtlSeconds` (codes that expire),
 * `delayCallbackMs` (holds the redirect that carries a fresh code back to the client, so it ages before use).
 */
import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './postgres-server.js';

export interface TestAccount {
  email: string;
  emailVerified: boolean;
  groups?: string[];
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  knobs: { wrongAudience: boolean; codeTtlSeconds: number; delayCallbackMs: number };
  close(): Promise<void>;
}

export async function startTestProvider(options: {
  port?: number;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  accounts: Record<string, TestAccount>;
}): Promise<TestProvider> {
  const port = options.port ?? (await freePort());
  const issuer = `http://127.0.0.1:${port}`;
  const knobs = { wrongAudience: false, codeTtlSeconds: 60, delayCallbackMs: 0 };
  const clientId = 'charter-test';
  const clientSecret = 'a-client-secret-for-tests-only';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    cookies: { keys: ['test-cookie-key-for-the-provider'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    ttl: { AuthorizationCode: () => knobs.codeTtlSeconds },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    findAccount: (_ctx: unknown, id: string) => {
      const account = options.accounts[id];
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: account.email,
          email_verified: account.emailVerified,
          ...(account.groups ? { groups: account.groups } : {}),
        }),
      };
    },
  });
  // A provider that issues ID tokens for another client: the relying party must refuse them (OIDC Core §3.1.3.7).
  const idToken = provider.IdToken.prototype as {
    issue: (this: { client: { clientId: string } }, ...args: unknown[]) => Promise<string>;
  };
  const issue = idToken.issue;
  idToken.issue = function (this: { client: { clientId: string } }, ...args: unknown[]) {
    if (knobs.wrongAudience) {
      const real = this.client;
      this.client = new Proxy(real, {
        get: (target, key) => (key === 'clientId' ? 'another-client' : (Reflect.get(target, key) as unknown)),
      });
    }
    return issue.apply(this, args);
  };
  provider.use(async (ctx, next) => {
    await next();
    const location = (ctx.response.get('location') as string | undefined) ?? '';
    if (knobs.delayCallbackMs > 0 && location.includes('code='))
      await new Promise((resolve) => setTimeout(resolve, knobs.delayCallbackMs));
  });
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(port, '127.0.0.1', () => resolve(listening));
  });
  return {
    issuer,
    clientId,
    clientSecret,
    knobs,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
