import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';

/** The first focusable element of every page: jumps past the header to `<main id="main">`. */
export async function SkipLink({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Shell' });
  return (
    <a href="#main" className="skip-link">
      {t('skipToContent')}
    </a>
  );
}
