import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { withDb } from '@/lib/db';
import { EnrolmentPanel } from '@/components/forms/enrolment-panel';
import { FormMessages } from '@/components/forms/form-messages';
import { getAccountOverview } from '@/lib/auth/accounts';
import { requirePageAccess } from '@/lib/authz/page-access';
import { routing } from '@/lib/i18n/routing';
import { beginEnrolmentAction, confirmEnrolmentAction } from '../../two-factor/actions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'TwoFactor' }))('enrolTitle'), robots: { index: false } };
}

/** Optional TOTP for submitters who want it (staff are enrolled on /two-factor). */
export default async function AccountTwoFactorPage({ params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const viewer = await requirePageAccess({ permission: 'account.manage.own' }, { locale, path: `/${locale}/account/two-factor` });
  const account = await withDb(getAccountOverview, viewer);
  const t = await getTranslations('TwoFactor');
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t('enrolTitle')}</h1>
      {account.totpEnabled ? (
        <p className="mt-4">{t('alreadyOn')}</p>
      ) : (
        <FormMessages namespaces={['TwoFactor']}>
          <EnrolmentPanel actions={{ begin: beginEnrolmentAction, confirm: confirmEnrolmentAction }} viewer={viewer} locale={locale} next={`/${locale}/account`} />
        </FormMessages>
      )}
    </div>
  );
}
