// Cross-site request refusal (CSRF), for every state-changing request: server actions (through
// defineAction) and POST route handlers. Browsers say where a request comes from in
// Sec-Fetch-Site and Origin; a page of another site cannot forge either.

type HeaderSource = { get(name: string): string | null };

/**
 * True only when the browser says the request comes from this site: `Sec-Fetch-Site`, when sent,
 * must be `same-origin` (`same-site` would let a sibling subdomain in), and `Origin`, when sent, must
 * name this host (`null` — sandboxed frames, privacy-stripped redirects — is refused). A request
 * carrying neither is refused too: every browser we support sends at least Origin on a POST, so
 * only a hand-made request lacks both, and it has no business changing state through a form.
 */
export function isSameOriginRequest(headers: HeaderSource): boolean {
  const site = headers.get('sec-fetch-site');
  const origin = headers.get('origin');
  if (site === null && origin === null) return false;
  if (site !== null && site !== 'same-origin') return false;
  if (origin === null) return true;
  if (origin === 'null') return false;
  // The host the browser addressed: behind a reverse proxy that is x-forwarded-host (as Next's own
  // server-action check does), so TLS termination in front of us does not break the comparison.
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}
