// Four-eyes, said where it matters (issue 15): who already approved making this public, and what
// the moderator's own last save did (`?publication=` from the action's redirect).
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';

const outcomes = ['awaiting_second_approval', 'already_approved'] as const;

export async function PublicationNotices({ locale, pending, outcome }: { locale: Locale; pending: { moderator: string | null }[]; outcome?: string }) {
  const t = await getTranslations({ locale, namespace: 'PersonEditor' });
  const shown = outcomes.find((o) => o === outcome);
  return (
    <>
      {shown ? <p role="status" className="mt-2 rounded border border-amber-700 bg-amber-50 p-2">{t(shown)}</p> : null}
      {pending.length > 0 ? <p className="mt-2 rounded border border-line bg-white p-2">{t('pending', { names: pending.map((a) => a.moderator ?? '—').join(locale === 'fa' ? '، ' : ', ') })}</p> : null}
    </>
  );
}
