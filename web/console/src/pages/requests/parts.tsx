/** Small pieces of the requests page: a badge and the due date with its days left. */
import type { ReactNode } from 'react';
import type { RequestSummary } from '../../../../../src/rights/schemas.js';
import type { T } from './texts.js';

export function Badge({ kind, children }: { kind: 'error' | 'warning' | 'info'; children: ReactNode }) {
  return <span className={`badge badge-${kind}`}>{children}</span>;
}

export function Due({ request, t }: { request: RequestSummary; t: T }) {
  const open = !['completed', 'refused', 'withdrawn'].includes(request.state);
  return (
    <>
      {request.dueOn}
      {open && (
        <>
          {' '}
          <span className={request.overdue ? 'error' : request.daysLeft <= 7 ? 'due-soon' : 'muted'}>
            ({t.daysLeft(request.daysLeft)})
          </span>
        </>
      )}
      {request.overdue && open && (
        <>
          {' '}
          <Badge kind="error">{t.overdue}</Badge>
        </>
      )}
      {request.extended && (
        <>
          {' '}
          <Badge kind="info">{t.extended}</Badge>
        </>
      )}
    </>
  );
}
