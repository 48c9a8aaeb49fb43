/**
 * The breach register (Art. 33/34): the list with each breach's 72-hour countdown and the reminders, a form to record
 * a breach, and a breach's page with its countdown, drafts (authority, people concerned, controllers), notifications
 * sent, amendments and full history. Nothing can be deleted; corrections are amendments with a reason.
 */
import { useTexts } from '../../i18n.js';
import { usePath } from '../../router.js';
import type { ConsolePage } from '../types.js';
import { BreachDetail } from './detail.js';
import { BreachList } from './list.js';
import { NewBreach } from './new.js';
import { texts } from './texts.js';
import '../records.css';

function Breaches() {
  const t = useTexts(texts);
  const path = usePath();
  const rest = path.slice('/breaches'.length).replace(/^\//, '');
  if (rest === 'new') return <NewBreach t={t} />;
  if (rest) return <BreachDetail key={rest} id={rest} t={t} />;
  return <BreachList t={t} />;
}

export const breachesPage: ConsolePage = {
  path: '/breaches',
  title: { en: 'Breaches', nl: 'Datalekken', fr: 'Violations', de: 'Datenpannen' },
  scope: 'breaches:read',
  Component: Breaches,
};
