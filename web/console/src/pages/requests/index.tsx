/**
 * Requests: the inbox of data-subject requests (filters by state, type, site and due date; overdue and due soon),
 * one request with its timeline, the plan before execution and the result after, and the privacy team's actions —
 * approve, refuse with reasons, extend once, verify by override (two people), edit a rectification, cancel — plus
 * entering a request received by post, phone, email or at the counter.
 */
import { PageTitle } from '../../components.js';
import { useLanguage, useTexts } from '../../i18n.js';
import { usePath } from '../../router.js';
import type { ConsolePage } from '../types.js';
import { Detail } from './detail.js';
import { Inbox } from './inbox.js';
import { texts } from './texts.js';
import './requests.css';

function RequestsPage() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const path = usePath();
  const id = /^\/requests\/([0-9a-f-]{36})$/.exec(path)?.[1];
  return (
    <div className="requests">
      {id ? (
        <Detail key={id} id={id} t={t} language={language} />
      ) : (
        <>
          <PageTitle>{t.title}</PageTitle>
          <p>{t.intro}</p>
          <Inbox t={t} language={language} />
        </>
      )}
    </div>
  );
}

export const requestsPage: ConsolePage = {
  path: '/requests',
  title: { en: texts.en.title, nl: texts.nl.title, fr: texts.fr.title, de: texts.de.title },
  scope: 'requests:read',
  Component: RequestsPage,
};
