import { getTranslations } from 'next-intl/server';
import { env } from '@/lib/env.mjs';
import type { Locale } from '@/lib/i18n/routing';
import { LeaveQuicklyForm } from './leave-quickly-form';

/** Rendered by the site shell on every page, public ones included (PRODUCT.md §2.9). */
export async function LeaveQuickly({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'QuickExit' });
  return <LeaveQuicklyForm action={`/${locale}/leave`} exitUrl={env().QUICK_EXIT_URL} label={t('label')} hint={t('hint')} />;
}
