/** The installation's OpenID Connect providers, from the configuration (platform/config.ts reads the environment). */
import type { OidcProviderConfig } from '../platform/config.js';

export function oidcProvidersOf(context: {
  config: { oidcProviders?: OidcProviderConfig[] | undefined };
}): OidcProviderConfig[] {
  return context.config.oidcProviders ?? [];
}
