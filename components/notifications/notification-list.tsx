import { getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import type { NotificationDto } from '@/lib/notifications';
import type { FormAction } from '@/components/forms/action-state';
import { MarkReadForm } from './mark-read-form';
import { partSeparator } from '@/lib/i18n/separator';
import { aboutLabel } from '@/lib/testimonies/about-label';

/** The notices, each built from its kind at render time, in the reader's language. Opening one marks it read. */
export async function NotificationList({ markReadAction, locale, items }: { markReadAction: FormAction<never>; locale: Locale; items: NotificationDto[] }) {
  const t = await getTranslations({ locale, namespace: 'Notifications' });
  return (
    <ul className="mt-6 space-y-4">
      {items.map((n) => (
        <li key={n.id} className={`rounded border bg-white p-4 ${n.unread ? 'border-accent-ink border-s-4' : 'border-line'}`}>
          <p>
            {n.unread && <strong className="me-2 rounded bg-accent-ink px-2 py-0.5 text-sm text-white">{t('new')}</strong>}
            <span className={n.unread ? 'font-semibold' : undefined}>{t(`kinds.${n.kind}`)}</span>
            {n.reason && <span className="block">{t('reason', { reason: t(`reasons.${n.reason}`) })}</span>}
          </p>
          <p className="mt-1 text-sm text-muted">
            <span dir="auto">{n.about.length > 0 ? t('about', { names: aboutLabel(n.about, locale) }) : t('aboutUnknown')}</span>
            {partSeparator(locale)}
            <time dateTime={n.createdAt.toISOString()}>{formatDate(n.createdAt, locale)}</time>
          </p>
          <div className="mt-2">
            <MarkReadForm action={markReadAction} locale={locale} notificationId={n.id} label={t('open')} className="font-semibold text-accent-ink underline" />
          </div>
        </li>
      ))}
    </ul>
  );
}
