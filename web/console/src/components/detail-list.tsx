/**
 * A detail layout: facts as a definition list (terms and their values; an entry that does not apply is left out),
 * with the actions on the thing below it.
 */
import type { HTMLAttributes, ReactNode } from 'react';

export interface Fact {
  term: ReactNode;
  value: ReactNode;
  /** Attributes of the value (a data-* hook for tests, a class). */
  props?: HTMLAttributes<HTMLElement> & Record<`data-${string}`, string | undefined>;
}

export function DetailList({
  facts,
  className = 'facts',
}: {
  facts: (Fact | false | null | undefined | '')[];
  className?: string;
}) {
  return (
    <dl className={className}>
      {facts
        .filter((fact): fact is Fact => Boolean(fact))
        .map((fact, i) => (
          <div key={i} className="fact">
            <dt>{fact.term}</dt>
            <dd {...fact.props}>{fact.value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** A row of buttons or links acting on what the page shows. */
export function Actions({ children }: { children: ReactNode }) {
  return <div className="button-row">{children}</div>;
}
