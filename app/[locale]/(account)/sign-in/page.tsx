import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { FormMessages } from '@/components/forms/form-messages';
import { SignInForm } from '@/components/forms/sign-in-form';
import { invitedUsernameCookie } from '@/lib/auth/invitations';
import { issueChallenge } from '@/lib/abuse/challenge';
import { routing } from '@/lib/i18n/routing';
import { signInAction } from './actions';

// Per request and never cached: the form carries per-visit state (next, errors).
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string | string[]; notice?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'SignIn' }))('title'), robots: { index: false } };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const { next, notice } = await searchParams;
  const t = await getTranslations('SignIn');
  // Right after accepting an invitation: say so, fill in the username, and offer no sign-up.
  const invited = notice === 'invitation-accepted';
  const username = invited ? (await cookies()).get(invitedUsernameCookie)?.value.slice(0, 64) : undefined;
  return (
    <div className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('intro')}</p>
      {invited && (
        <p role="status" className="mt-4 rounded border border-accent bg-white p-3 font-semibold">
          {t('invitationAccepted')}
        </p>
      )}
      <FormMessages namespaces={['SignIn', 'ProofOfWork']}>
        {/* `next` is only echoed into a hidden field; the action validates it before redirecting. */}
        <SignInForm action={signInAction} locale={locale} next={typeof next === 'string' ? next.slice(0, 2000) : undefined} challenge={issueChallenge()} username={username} />
      </FormMessages>
      <p className="mt-4">
        <a href={`/${locale}/recover`} className="font-semibold">
          {t('lostPassphrase')}
        </a>
      </p>
      {!invited && (
        <p className="mt-8">
          {t('noAccount')}{' '}
          {/* Carried on, so that after signing up the person goes where they were going. */}
          <a href={typeof next === 'string' ? `/${locale}/sign-up?${new URLSearchParams({ next: next.slice(0, 2000) })}` : `/${locale}/sign-up`} className="font-semibold">
            {t('signUpLink')}
          </a>
        </p>
      )}
    </div>
  );
}
