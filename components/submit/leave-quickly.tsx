import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { LeaveQuicklyLink } from './leave-quickly-link';

/** Rendered by the site shell on every page; shows itself only on submission pages. */
export async function LeaveQuickly({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Submit' });
  return <LeaveQuicklyLink href={`/${locale}`} label={t('leaveQuickly')} />;
}
