import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { FormMessages } from '@/components/forms/form-messages';
import { RecoverForm } from '@/components/forms/recover-form';
import { routing } from '@/lib/i18n/routing';
import { recoverAction } from './actions';

// Per request and never cached: the form's answer is for this visit only.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Recovery' }))('title'), robots: { index: false } };
}

export default async function RecoverPage({ params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('Recovery');
  return (
    <div className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-2">{t('intro')}</p>
      <p className="mt-2 text-sm text-muted">{t('noOtherWay')}</p>
      <FormMessages namespaces={['Recovery']}>
        <RecoverForm action={recoverAction} locale={locale} />
      </FormMessages>
    </div>
  );
}
