/** The 72-hour clock of a breach (Art. 33(1)): a live countdown, whether it runs, and what is still to be told. */
import { useEffect, useState } from 'react';
import type { BreachView } from '../../../../../src/records/breach-views.js';
import { useLanguage, type Language } from '../../i18n.js';
import type { T } from './texts.js';

const units: Record<Language, [string, string, string, string]> = {
  en: ['d', 'h', 'min', 's'],
  nl: ['d', 'u', 'min', 's'],
  fr: ['j', 'h', 'min', 's'],
  de: ['T', 'Std', 'Min', 's'],
};

/** "2 d 03 h 05 min 09 s" in the console language. */
export function formatDuration(ms: number, language: Language): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const [d, h, m, s] = [
    Math.floor(total / 86400),
    Math.floor((total % 86400) / 3600),
    Math.floor((total % 3600) / 60),
    total % 60,
  ];
  const u = units[language];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d ? `${d} ${u[0]} ` : ''}${pad(h)} ${u[1]} ${pad(m)} ${u[2]} ${pad(s)} ${u[3]}`;
}

function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** The live countdown to the 72-hour deadline. role="timer" is not announced every second, so it is not noisy. */
export function Countdown({ breach, t }: { breach: BreachView; t: T }) {
  const { language } = useLanguage();
  const now = useNow();
  const { clock } = breach;
  const running = clock.state === 'running' || clock.state === 'due-soon' || clock.state === 'overdue';
  const remaining = Date.parse(clock.deadline) - now;
  const state = running
    ? remaining < 0
      ? 'overdue'
      : remaining <= 24 * 3_600_000
        ? 'due-soon'
        : 'running'
    : clock.state;
  return (
    <span className={`countdown countdown-${state}`} data-testid="countdown">
      <strong>{t.states[state]}</strong>
      {running && (
        <>
          {' — '}
          <span role="timer" aria-label={t.clock}>
            {remaining >= 0
              ? `${formatDuration(remaining, language)} ${t.left}`
              : `${t.overdueBy} ${formatDuration(remaining, language)}`}
          </span>
        </>
      )}
    </span>
  );
}

export function clockRuns(breach: BreachView): boolean {
  return ['running', 'due-soon', 'overdue'].includes(breach.clock.state);
}

export function Pending({ breach, t }: { breach: BreachView; t: T }) {
  const items = [
    breach.pending.authority ? t.tellAuthority : '',
    breach.pending.subjects ? t.tellSubjects : '',
    breach.pending.controllers.length ? `${t.tellControllers}: ${breach.pending.controllers.join(', ')}` : '',
  ].filter(Boolean);
  return <>{items.length ? items.join('; ') : '—'}</>;
}
