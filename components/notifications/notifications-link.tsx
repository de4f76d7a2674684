import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { withDb } from '@/lib/db';
import { getViewer } from '@/lib/auth/viewer';
import { stepShell } from '@/lib/forms-shell/shell-mode';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/routing';
import { countUnreadNotifications } from '@/lib/notifications';
import { isPrivatePage, pagePathHeader } from '@/lib/security/private-pages';

/**
 * The header's link to the signed-in person's notifications, with the unread count. Rendered only
 * on personal pages (lib/security/private-pages.ts): public pages stay identical for everyone. A
 * plain link (a full page load), so the header, which client navigation keeps, is drawn afresh.
 */
export async function NotificationsLink({ locale }: { locale: Locale }) {
  const path = (await headers()).get(pagePathHeader);
  if (!isPrivatePage(path)) return null;
  const href = `/${locale}/notifications`;
  let count: number;
  // A submission step's shell (lib/forms-shell): the count of the person it is spliced for.
  const shell = await stepShell();
  try {
    count = shell ? shell.shape.unread : await withDb(countUnreadNotifications, await getViewer());
  } catch (error) {
    // Signed out, or staff before their second factor: no link.
    if (error instanceof AppError) return null;
    throw error;
  }
  const t = await getTranslations({ locale, namespace: 'Notifications' });
  return (
    <a href={href} aria-current={path === href ? 'page' : undefined} className="rounded px-1 py-0.5 text-ink no-underline hover:underline aria-[current=page]:font-bold">
      {t('title')}
      {count > 0 && ' '}
      {count > 0 && (
        <span className="ms-1 rounded-full bg-accent-ink px-2 py-0.5 text-sm font-bold text-white">
          {t('unread', { count })}
        </span>
      )}
    </a>
  );
}
