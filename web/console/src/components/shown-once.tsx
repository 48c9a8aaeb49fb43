/** A secret (an API token, a webhook signing secret) shown once, right after it was made: only its hash is kept. */
export function ShownOnce({ secret, note, testId }: { secret: string; note: string; testId: string }) {
  return (
    <div className="notice" role="status">
      <p>{note}</p>
      <p>
        <code className="secret" data-testid={testId}>
          {secret}
        </code>
      </p>
    </div>
  );
}
