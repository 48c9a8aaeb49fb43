/**
 * The Charter page (edit, preview, publish, history, rollback): registered here, loaded on demand from
 * pages/charter/page.tsx so that the rest of the console does not carry its code and texts.
 */
import { lazy, Suspense } from 'react';
import { Loading } from '../components.js';
import type { ConsolePage } from './types.js';

const CharterEditorPage = lazy(() => import('./charter/page.js'));

function CharterPage() {
  return (
    <Suspense fallback={<Loading />}>
      <CharterEditorPage />
    </Suspense>
  );
}

export const charterPage: ConsolePage = {
  path: '/charter',
  title: { en: 'Charter', nl: 'Charter', fr: 'Charte', de: 'Charta' },
  scope: 'charter:read',
  Component: CharterPage,
};
