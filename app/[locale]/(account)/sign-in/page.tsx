import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { FormMessages } from '@/components/forms/form-messages';
import { SignInForm } from '@/components/forms/sign-in-form';
import { routing } from '@/lib/i18n/routing';

// Per request and never cached: the form carries per-visit state (next, errors).
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'SignIn' }))('title'), robots: { index: false } };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const { next } = await searchParams;
  const t = await getTranslations('SignIn');
  return (
    <div className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('intro')}</p>
      <FormMessages namespaces={['SignIn']}>
        {/* `next` is only echoed into a hidden field; the action validates it before redirecting. */}
        <SignInForm locale={locale} next={typeof next === 'string' ? next.slice(0, 2000) : undefined} />
      </FormMessages>
      <p className="mt-4">
        <a href={`/${locale}/recover`} className="font-semibold">
          {t('lostPassphrase')}
        </a>
      </p>
      <p className="mt-8">
        {t('noAccount')}{' '}
        {/* Carried on, so that after signing up the person goes where they were going. */}
        <a href={typeof next === 'string' ? `/${locale}/sign-up?${new URLSearchParams({ next: next.slice(0, 2000) })}` : `/${locale}/sign-up`} className="font-semibold">
          {t('signUpLink')}
        </a>
      </p>
    </div>
  );
}
