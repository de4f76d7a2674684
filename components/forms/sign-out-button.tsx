import { getTranslations } from 'next-intl/server';

/** A plain POST form (no JavaScript needed) to the sign-out route, which checks the origin. */
export async function SignOutButton({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: 'Account' });
  return (
    <form method="post" action={`/${locale}/sign-out`}>
      <button type="submit" className="rounded border border-ink px-3 py-1 font-semibold text-ink hover:bg-line">
        {t('signOut')}
      </button>
    </form>
  );
}
