import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { withDb } from '@/lib/db';
import { ChangePassphraseForm, EmailForm, RegenerateRecoveryCodesForm, SignOutEverywhereForm } from '@/components/forms/account-forms';
import { FormMessages } from '@/components/forms/form-messages';
import { getAccountOverview } from '@/lib/auth/accounts';
import { requirePageAccess } from '@/lib/authz/page-access';
import { env } from '@/lib/env.mjs';
import { routing } from '@/lib/i18n/routing';
import { changePassphraseAction, regenerateRecoveryCodesAction, setEmailAction, signOutEverywhereAction } from './actions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Account' }))('title'), robots: { index: false } };
}

function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10 border-t border-line pt-6">
      <h2 id={id} className="text-xl font-semibold">
        {heading}
      </h2>
      {children}
    </section>
  );
}

export default async function AccountPage({ params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // Staff reach this page only after their second factor (requirePageAccess redirects).
  const viewer = await requirePageAccess({ permission: 'account.manage.own' }, { locale, path: `/${locale}/account` });
  const account = await withDb(getAccountOverview, viewer);
  const codesLeft = account.recoveryCodesLeft;
  const t = await getTranslations('Account');
  const n = await getTranslations('Notifications');
  const mailSent = !!env().SMTP_URL;
  const emailHeading = mailSent ? t('emailHeading') : n('emailOffHeading');
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      {/* "Sign out" is in the header's signed-in area (components/layout/site-header.tsx). */}
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">{t('usernameLabel')}</dt>
        <dd dir="auto">{account.username}</dd>
        <dt className="font-medium">{t('roleLabel')}</dt>
        <dd>{t(`roles.${account.role}`)}</dd>
      </dl>
      <FormMessages namespaces={['Account']}>
        <Section id="passphrase-heading" heading={t('passphraseHeading')}>
          <p className="mt-1 text-sm text-muted">{t('passphraseText')}</p>
          <ChangePassphraseForm action={changePassphraseAction} username={account.username} />
        </Section>
        <Section id="two-factor-heading" heading={t('twoFactorHeading')}>
          <p className="mt-1">{account.totpEnabled ? t('twoFactorOn') : t('twoFactorOff')}</p>
          {!account.totpEnabled && (
            <a href={`/${locale}/account/two-factor`} className="mt-2 inline-block font-semibold">
              {t('twoFactorEnrol')}
            </a>
          )}
        </Section>
        <Section id="recovery-heading" heading={t('recoveryHeading')}>
          <p className={codesLeft === 0 ? 'mt-1 rounded border border-red-700 bg-red-50 px-3 py-2 font-semibold text-red-900' : 'mt-1'}>
            {codesLeft === 0 ? t('recoveryNoneLeft') : t('recoveryLeft', { count: codesLeft })}
          </p>
          <p className="mt-1 text-sm text-muted">{t('recoveryText')}</p>
          <RegenerateRecoveryCodesForm action={regenerateRecoveryCodesAction} />
        </Section>
        {/* Without SMTP nothing is sent, so nothing is offered: only an address given before can be removed. */}
        {(mailSent || account.email) && (
          <Section id="email-heading" heading={emailHeading}>
            <p className="mt-1 text-sm">{mailSent ? t('emailRisk') : n('emailOffText')}</p>
            <EmailForm action={setEmailAction} email={account.email ?? ''} label={emailHeading} />
          </Section>
        )}
        <Section id="sessions-heading" heading={t('sessionsHeading')}>
          <p className="mt-1 text-sm text-muted">{t('sessionsText')}</p>
          <SignOutEverywhereForm action={signOutEverywhereAction} locale={locale} />
        </Section>
      </FormMessages>
    </div>
  );
}
