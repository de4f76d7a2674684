import { getTranslations } from 'next-intl/server';
import { formatNumber } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/routing';
import { submitSteps } from '@/lib/validation/testimony';

/** Where the person is, and links back to the steps they may still change. */
export async function StepNav({ locale, draftId, current, editable }: { locale: string; draftId: string; current: string; editable: readonly string[] }) {
  const t = await getTranslations({ locale, namespace: 'Submit' });
  const visible = submitSteps.filter((s) => editable.includes(s));
  const n = visible.indexOf(current as never) + 1;
  return (
    <nav aria-label={t('stepsLabel')}>
      {/* Digits in the page's script («گام ۱ از ۵»): a plain ICU argument would print Latin digits. */}
      <p className="text-sm text-muted">{t('stepOf', { n: formatNumber(n, locale as Locale), total: formatNumber(visible.length, locale as Locale) })}</p>
      <ol className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm">
        {visible.map((s) => (
          <li key={s}>
            <a href={`/${locale}/submit/${draftId}/${s}`} aria-current={s === current ? 'step' : undefined} className="aria-[current=step]:font-bold">
              {t(`steps.${s}`)}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
