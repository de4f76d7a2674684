// Which pages are personal. Every other page (memorial, person pages, search, statistics, data,
// 404s) must be byte-identical for every reader, because it may be served from a shared cache:
// nothing that depends on who is signed in may be rendered into it. The header learns the page's
// path from proxy.ts (`pagePathHeader`, always overwritten there, so a client cannot forge it);
// without it a page counts as public. A presentation rule only: access is checked in lib/.
import { routing } from '@/lib/i18n/routing';

export const pagePathHeader = 'x-yadman-page-path';

const privateSections = new Set(['account', 'sign-in', 'sign-up', 'two-factor', 'submit', 'my-testimonies', 'notifications', 'staff', 'invite']);

export function isPrivatePage(pathname: string | null): boolean {
  const [empty, locale, section] = (pathname ?? '').split('/');
  return empty === '' && (routing.locales as readonly string[]).includes(locale ?? '') && privateSections.has(section ?? '');
}
