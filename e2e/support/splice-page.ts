// Reading a page as Next's client reads it, for the e2e proofs that a spliced page (the public
// cache's search shell, the submission steps' shells) is the page Next renders.
import { expect } from '../fixtures';

export { readPage, resolve, type Rows } from '../../lib/testing/flight-page';

/** Equal, or where the two first differ (pages are long). */
export function expectSame(a: string, b: string) {
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  expect(a.slice(Math.max(0, at - 200), at + 200)).toBe(b.slice(Math.max(0, at - 200), at + 200));
  expect(a.length).toBe(b.length);
}

export const nonceOf = (headers: Record<string, string>) => /'nonce-([^']+)'/.exec(headers['content-security-policy'] ?? '')![1]!;
