// Where to go after signing in. `next` comes from the URL, so it is attacker-controlled: only a
// path on this site, under the current locale, is accepted — never another origin, never a
// protocol-relative (`//evil`) or backslash (`/\evil`) trick that browsers treat as a host.
export function safeNextPath(next: string | null | undefined, locale: string, fallback: string): string {
  if (!next || next.length > 2000) return fallback;
  if (!next.startsWith(`/${locale}/`) && next !== `/${locale}`) return fallback;
  // Control characters and backslashes are refused outright rather than normalized.
  if (/[\\\u0000-\u001f\u007f]/.test(next) || next.startsWith('//')) return fallback;
  let url: URL;
  try {
    url = new URL(next, 'http://yadman.invalid');
  } catch {
    return fallback;
  }
  if (url.origin !== 'http://yadman.invalid') return fallback;
  // Dot segments are resolved by URL: `/en/../evil` must still land under the locale.
  if (!url.pathname.startsWith(`/${locale}/`) && url.pathname !== `/${locale}`) return fallback;
  // Never send someone straight back into signing out.
  if (url.pathname === `/${locale}/sign-out`) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
