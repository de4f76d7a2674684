import type { Metadata } from 'next';
import { getViewer } from '@/lib/auth/viewer';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { FormMessages } from '@/components/forms/form-messages';
import { SignUpForm } from '@/components/forms/sign-up-form';
import { issueChallenge } from '@/lib/abuse/challenge';
import { safeNextPath } from '@/lib/auth/safe-next';
import { routing } from '@/lib/i18n/routing';
import { generatePassphraseAction, signUpAction } from './actions';
import { isolate } from '@/components/layout/isolate';

// Never cached: the page shows a generated passphrase and recovery codes once.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'SignUp' }))('title'), robots: { index: false } };
}

export default async function SignUpPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const { next } = await searchParams;
  // After sign-up: where the person was going (a same-site path only), else the submission.
  const continueTo = safeNextPath(typeof next === 'string' ? next : undefined, locale, `/${locale}/submit`);
  const t = await getTranslations('SignUp');
  const viewer = await getViewer();
  // The heading is the form's own (components/forms/sign-up-form.tsx): once the account exists the
  // page becomes "your account is ready", with none of the sign-up page around it.
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <FormMessages namespaces={['SignUp', 'ProofOfWork']}>
        <SignUpForm
          actions={{ signUp: signUpAction, generatePassphrase: generatePassphraseAction }}
          locale={locale}
          challenge={issueChallenge()}
          continueTo={continueTo}
          signedIn={
            viewer && (
              <section aria-labelledby="signed-in-heading">
                <h1 id="signed-in-heading" className="text-3xl font-bold">
                  {t('signedInHeading')}
                </h1>
                <p className="mt-4">{t.rich('signedInText', { username: viewer.username, isolate })}</p>
                <ul className="mt-4 list-disc space-y-2 ps-6">
                  <li>
                    <a href={`/${locale}/account`} className="font-semibold">
                      {t('signedInAccount')}
                    </a>
                  </li>
                  <li>
                    <a href={continueTo} className="font-semibold">
                      {t('signedInSubmit')}
                    </a>
                  </li>
                </ul>
              </section>
            )
          }
          intro={
            <>
              <p className="mt-2 text-lg">{t('intro')}</p>
              <section aria-labelledby="why-heading" className="mt-6 rounded border-s-4 border-accent-ink bg-white p-4">
                <h2 id="why-heading" className="font-semibold">
                  {t('whyNoEmailHeading')}
                </h2>
                <p className="mt-1 text-sm">{t('whyNoEmail')}</p>
              </section>
            </>
          }
          footer={
            <p className="mt-8">
              {t('haveAccount')}{' '}
              <a href={`/${locale}/sign-in`} className="font-semibold">
                {t('signInLink')}
              </a>
            </p>
          }
        />
      </FormMessages>
    </div>
  );
}
