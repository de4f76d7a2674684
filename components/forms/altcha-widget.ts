// The ALTCHA widget, imported only by components/forms/proof-of-work.tsx when a sign-up or
// submission form is shown. Its `external` build: no inline styles (the stylesheet below is a file
// from our origin) and no bundled blob: workers (ours comes from /api/altcha/worker).
import 'altcha/external';
import 'altcha/altcha.css';

/** Registers the worker and our strings for `language`; safe to call again. */
export function setUpAltcha(language: string, strings: Record<string, string>) {
  globalThis.$altcha.algorithms.set('PBKDF2/SHA-256', () => new Worker('/api/altcha/worker'));
  globalThis.$altcha.i18n.set(language, strings);
}
