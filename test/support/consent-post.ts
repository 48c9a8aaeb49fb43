/**
 * A visitor's consent decision posted over a real socket to a running `charter serve` (for tests that kill, restart
 * or run two servers), for site `main` of the minimal test charter and from that site's own origin.
 */

/** What differs between the posts of the tests: who decides, on which revision, how, and what. */
export interface ConsentDecision {
  visitor: string;
  revision: string;
  method: string;
  choices: Record<string, boolean>;
}

/** POSTs `decision` to `${serverUrl}/api/v1/consent`; the response is the caller's to check. */
export function postConsent(serverUrl: string, decision: ConsentDecision): Promise<Response> {
  return fetch(`${serverUrl}/api/v1/consent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://www.testco.example' },
    body: JSON.stringify({
      site: 'main',
      visitor: decision.visitor,
      revision: decision.revision,
      language: 'en',
      method: decision.method,
      choices: decision.choices,
      gpc: false,
      url: 'https://www.testco.example/',
    }),
  });
}
