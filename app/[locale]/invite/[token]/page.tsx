import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { FormMessages } from '@/components/forms/form-messages';
import { AcceptInvitationForm } from '@/components/staff/accept-invitation-form';
import { withDb } from '@/lib/db';
import { inspectInvitation } from '@/lib/auth/invitations';
import { routing } from '@/lib/i18n/routing';
import { acceptInvitationAction } from './actions';
import { isolate } from '@/components/layout/isolate';

type Props = { params: Promise<{ locale: string; token: string }> };

// The token is a credential: keep the page out of search engines (Referrer-Policy is no-referrer site-wide).
export const metadata: Metadata = { robots: { index: false, follow: false } };

/** Public: the invited person has no account yet. The token in the URL is what authorizes them. */
export default async function InvitationPage({ params }: Props) {
  await connection();
  const { locale, token } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Invitation' });
  const invitation = await withDb(inspectInvitation, token);

  if (!invitation) {
    // Unknown, used and expired links get the same answer: the holder learns nothing more.
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-2xl font-bold">{t('invalidTitle')}</h1>
        <p className="mt-4">{t('invalidText')}</p>
      </div>
    );
  }

  const staff = await getTranslations({ locale, namespace: 'Staff' });
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-4">{t('intro', { role: staff(`roles.${invitation.role}`) })}</p>
      <p className="mt-2 text-muted">{t('nextStep')}</p>
      <FormMessages namespaces={[]}>
      <AcceptInvitationForm
        action={acceptInvitationAction}
        token={token}
        locale={locale}
        fixedUsername={invitation.username}
        labels={{
          username: t('usernameLabel'),
          usernameHint: t('usernameHint'),
          fixedUsername: invitation.username ? t.rich('fixedUsername', { username: invitation.username, isolate }) : null,
          passphrase: t('passphraseLabel'),
          passphraseHint: t('passphraseHint'),
          confirm: t('confirmLabel'),
          submit: t('submit'),
        }}
      />
      </FormMessages>
    </div>
  );
}
