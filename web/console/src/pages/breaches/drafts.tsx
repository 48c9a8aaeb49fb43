/** A draft notice of a breach (to the authority, the people concerned or a controller) in a language one picks. */
import { useState } from 'react';
import type { Draft } from '../../../../../src/records/breach-drafts.js';
import { ErrorMessage, useApi } from '../../components.js';
import { useTexts } from '../../i18n.js';
import { texts } from './texts.js';

type DraftLanguage = Draft['language'];

export function DraftView({
  url,
  title,
  languages,
  initial,
  id,
}: {
  url: string;
  title: string;
  languages: DraftLanguage[];
  initial?: DraftLanguage;
  id: string;
}) {
  const tx = useTexts(texts);
  const [language, setLanguage] = useState<DraftLanguage | undefined>(initial);
  const { data, error } = useApi<Draft & { languages?: DraftLanguage[] }>(url, { language });
  const offered = data?.languages ?? languages;
  return (
    <section aria-labelledby={`${id}-heading`} className="draft">
      <h3 id={`${id}-heading`}>{title}</h3>
      <label htmlFor={`${id}-language`}>
        {tx.draftLanguage}
        <span className="visually-hidden">: {title}</span>
      </label>
      <select
        id={`${id}-language`}
        value={data?.language ?? language ?? ''}
        onChange={(e) => setLanguage(e.target.value as DraftLanguage)}
      >
        {offered.map((l) => (
          <option key={l} value={l}>
            {l.toUpperCase()}
          </option>
        ))}
      </select>
      <ErrorMessage error={error} />
      {data && (
        <>
          <p>
            <strong>{data.subject}</strong>
          </p>
          <pre className="draft-text" tabIndex={0} aria-label={title} data-testid={`${id}-text`} lang={data.language}>
            {data.text}
          </pre>
        </>
      )}
    </section>
  );
}
