// Reading one cookie from a Cookie header outside Next (lib/submission/post-answer.ts), as Next's
// `cookies()` reads it. Pure: no server module.

/**
 * A cookie's value as Next's `cookies()` reads it (split on `;`, the value URI-decoded), or
 * undefined; null when the header names it more than once (Next keeps the last: not guessed here).
 */
export function cookieValue(header: string | null, name: string): string | undefined | null {
  let found: string | undefined;
  for (const pair of (header ?? '').split(/; */)) {
    const at = pair.indexOf('=');
    if ((at === -1 ? pair : pair.slice(0, at)) !== name) continue;
    if (found !== undefined) return null;
    try {
      found = at === -1 ? 'true' : decodeURIComponent(pair.slice(at + 1));
    } catch {
      return null;
    }
  }
  return found;
}
