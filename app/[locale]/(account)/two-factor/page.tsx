import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { EnrolmentPanel } from '@/components/forms/enrolment-panel';
import { FormMessages } from '@/components/forms/form-messages';
import { SecondFactorForm } from '@/components/forms/second-factor-form';
import { SignOutButton } from '@/components/forms/sign-out-button';
import { safeNextPath } from '@/lib/auth/safe-next';
import { defaultAfterSignIn } from '@/lib/auth/sign-in-flow';
import { requirePageAccess } from '@/lib/authz/page-access';
import { isStaffRole } from '@/lib/authz/permissions';
import { routing } from '@/lib/i18n/routing';
import { beginEnrolmentAction, confirmEnrolmentAction, verifySecondFactorAction } from './actions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'TwoFactor' }))('title'), robots: { index: false } };
}

/** The second step of signing in: a code, or (first time for staff) setting up the authenticator. */
export default async function TwoFactorPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const { next: rawNext } = await searchParams;
  const viewer = await requirePageAccess('session', { locale, path: `/${locale}/two-factor` });
  const next = safeNextPath(typeof rawNext === 'string' ? rawNext : undefined, locale, defaultAfterSignIn(locale, isStaffRole(viewer.role)));
  // Nothing to do here for a session that is already complete.
  if (viewer.secondFactor === 'verified' || viewer.secondFactor === 'not-needed') redirect(next);
  const t = await getTranslations('TwoFactor');
  const enrol = viewer.secondFactor === 'enrolment-required';
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{enrol ? t('enrolTitle') : t('title')}</h1>
        <SignOutButton locale={locale} />
      </div>
      <FormMessages namespaces={['TwoFactor']}>
        {enrol ? (
          <EnrolmentPanel actions={{ begin: beginEnrolmentAction, confirm: confirmEnrolmentAction }} viewer={viewer} locale={locale} next={next} />
        ) : (
          <>
            <p className="mt-4">{t('verifyIntro')}</p>
            <SecondFactorForm action={verifySecondFactorAction} mode="verify" locale={locale} next={next} />
          </>
        )}
      </FormMessages>
    </div>
  );
}
