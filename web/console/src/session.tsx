/** The signed-in user for the whole console: who, which organisation, which scopes; switch, reload, sign out. */
import { createContext, useContext } from 'react';
import type { Me } from './types.js';

export interface SessionValue {
  me: Me;
  /** Whether the caller holds a scope in the active organisation. */
  can: (scope: string) => boolean;
  reload: () => Promise<void>;
  switchOrganisation: (slug: string) => Promise<void>;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionValue | undefined>(undefined);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in console');
  return value;
}
